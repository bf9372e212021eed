package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Face checks done on a phone (DOMAIN.md I-5). A desktop page creates a session for a purpose
 * ({@code verify}, {@code sign:<document id>}); the phone opens the session's URL and the face
 * recognition service completes it; the flow that needs the check then consumes it, once.
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
