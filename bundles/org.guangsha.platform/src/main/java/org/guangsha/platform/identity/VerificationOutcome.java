package org.guangsha.platform.identity;

import java.util.Objects;

/**
 * What a verification method concluded.
 *
 * @param status passed, failed or still pending
 * @param message for the citizen, Chinese
 * @param messageEn the same in English
 */
public record VerificationOutcome(Status status, String message, String messageEn) {

    /** How a verification ended. */
    public enum Status {
        PASSED,
        FAILED,
        PENDING
    }

    /** Requires the status and the Chinese message. */
    public VerificationOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** Passed. */
    public static VerificationOutcome passed() {
        return new VerificationOutcome(Status.PASSED, "已审核，实名认证通过", "Verified");
    }

    /** Failed, saying why. */
    public static VerificationOutcome failed(String message, String messageEn) {
        return new VerificationOutcome(Status.FAILED, message, messageEn);
    }
}
