package org.guangsha.platform.identity;

import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every captcha issued, with its answer. Only the sandbox implements it, so that demos and
 * automated tests can log in; a production city never installs such a service.
 */
@ConsumerType
public interface CaptchaListener {

    /** A captcha was issued. */
    void issued(String captchaId, String answer, Instant expiresAt);
}
