package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The face recognition service the phone talks to. It tells the platform where the phone page of a
 * session is; that page completes the session through {@link FaceSessions}.
 */
@ConsumerType
public interface FaceRecognitionProvider {

    /** The URL the QR code carries for a session; it must contain {@code secret}. */
    String phoneUrl(String sessionId, String secret);
}
