package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Face checks done on a phone (DOMAIN.md I-5). A desktop page creates a session for a purpose:
 * {@code verify} (real-name verification), {@code sign:<signing id>} (a signing ceremony) or {@code
 * apply:<application id>} (a business line's application that needs a face check before its form,
 * JX-3); ids are 1–80 of {@code A-Z a-z 0-9 . _ -}. The phone opens the session's URL and the face
 * recognition service completes it; the flow that needs the check then consumes it, once, for the
 * same account and the same purpose.
 */
@ProviderType
public interface FaceSessions {

    /**
     * Records the phone's result. The secret is the one in the session's phone URL, so only the
     * phone that scanned the code can complete it.
     *
     * @return false when the session is unknown, expired, already completed or the secret is wrong
     */
    boolean complete(String sessionId, String phoneSecret, boolean passed);

    /**
     * Uses up a PASSED session of {@code accountId} for {@code purpose}. False for any other
     * session: pending, failed, expired, already used, another account's, another purpose's.
     */
    boolean consume(String sessionId, String accountId, String purpose);
}
