package org.guangsha.platform.internal.identity;

import java.time.Duration;

/**
 * The identity rules in force, read from {@link IdentityConfiguration}. Components keep one in a
 * volatile field and replace it when the city edits the configuration ({@code @Modified}), so a
 * change applies at once without taking the login endpoints down.
 *
 * @param lockoutThreshold failed logins in a row that lock an account
 * @param lockout how long the lock lasts
 * @param token how long a token is valid
 * @param captcha how long a captcha can be answered
 * @param face how long a face session can be completed
 * @param passwordIterations PBKDF2 iterations for new hashes
 */
public record IdentityRules(
        int lockoutThreshold,
        Duration lockout,
        Duration token,
        Duration captcha,
        Duration face,
        int passwordIterations) {

    /** The rules of a configuration. */
    public static IdentityRules of(IdentityConfiguration c) {
        return new IdentityRules(
                c.lockout_threshold(),
                Duration.ofSeconds(c.lockout_seconds()),
                Duration.ofSeconds(c.token_seconds()),
                Duration.ofSeconds(c.captcha_seconds()),
                Duration.ofSeconds(c.face_seconds()),
                c.password_iterations());
    }
}
