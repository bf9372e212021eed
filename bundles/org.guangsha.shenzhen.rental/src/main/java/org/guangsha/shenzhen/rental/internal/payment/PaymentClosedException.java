package org.guangsha.shenzhen.rental.internal.payment;

/**
 * A bill cannot be paid now (SZ-4): the resource answers 409 {@code payment-closed} with the rule
 * and when paying opens again.
 */
public class PaymentClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PaymentWindow.Closed closed;
    private final String payFirstBillId;

    /** Closed for {@code closed}; {@code payFirstBillId} the older bill to pay first, or null. */
    public PaymentClosedException(PaymentWindow.Closed closed, String payFirstBillId) {
        super(closed.messageEn());
        this.closed = closed;
        this.payFirstBillId = payFirstBillId;
    }

    public PaymentWindow.Closed closed() {
        return closed;
    }

    public String payFirstBillId() {
        return payFirstBillId;
    }
}
