package org.guangsha.platform.payment;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when an order changes state, after the change is stored. Registered as a service by the
 * business line, which filters on {@link PaymentOrder#module()}. A listener that throws does not
 * undo the change; it must be able to catch up by looking the order up.
 */
@ConsumerType
public interface PaymentListener {

    /** {@code order} is now PAID, CLOSED or REFUNDED. */
    void changed(PaymentOrder order);
}
