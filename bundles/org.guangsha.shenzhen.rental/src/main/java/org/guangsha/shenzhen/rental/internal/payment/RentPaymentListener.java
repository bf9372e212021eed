package org.guangsha.shenzhen.rental.internal.payment;

import org.guangsha.platform.payment.PaymentListener;
import org.guangsha.platform.payment.PaymentOrder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hears from the core that a rent order was paid (only ever from the payment provider's signed
 * notification) and marks its bill paid with the receipt. Reading the bills catches up with what a
 * failed listener missed.
 */
@Component(service = PaymentListener.class)
public class RentPaymentListener implements PaymentListener {

    private final RentPayments rent;

    /** Built by DS. */
    @Activate
    public RentPaymentListener(@Reference RentPayments rent) {
        this.rent = rent;
    }

    @Override
    public void changed(PaymentOrder order) {
        rent.orderChanged(order);
    }
}
