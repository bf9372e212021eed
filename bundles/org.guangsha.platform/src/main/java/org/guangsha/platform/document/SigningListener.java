package org.guangsha.platform.document;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a ceremony ends with a signed contract. Registered as a service by the business line;
 * it filters on {@link SigningFlow#module()}. Called after the contract was stored, outside the
 * ceremony's transaction: a listener that fails does not undo the signature, so it must be able to
 * catch up (e.g. by looking the flow up again).
 */
@ConsumerType
public interface SigningListener {

    /** The contract of {@code flow} was signed and issued as {@code document}. */
    void signed(SigningFlow flow, IssuedDocument document);
}
