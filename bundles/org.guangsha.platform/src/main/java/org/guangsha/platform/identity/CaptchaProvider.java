package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes captcha challenges. The core's provider draws an image in the JVM; a city may register a
 * service with a higher {@code service.ranking} to replace it (another image style, a slider).
 */
@ConsumerType
public interface CaptchaProvider {

    /** A new challenge; the platform stores only a hash of its answer. */
    Challenge create();

    /**
     * A challenge.
     *
     * @param answer what the person must type (compared without regard to case)
     * @param image what the person sees, as a {@code data:} URL
     */
    record Challenge(String answer, String image) {}
}
