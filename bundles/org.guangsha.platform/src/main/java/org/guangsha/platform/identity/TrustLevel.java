package org.guangsha.platform.identity;

/**
 * How sure the platform is of who an account belongs to (DOMAIN.md I-2). Housing services require
 * {@link #L2} or above (I-4).
 */
public enum TrustLevel {
    /** Registered with name, ID number and mobile; nothing verified yet. */
    L1,
    /** Real-name verified (实名认证) by one of the verification methods. */
    L2,
    /** Verified in person, or by face recognition together with a certificate. */
    L3;

    /** Whether an account of this level may use something that requires {@code required}. */
    public boolean satisfies(TrustLevel required) {
        return compareTo(required) >= 0;
    }
}
