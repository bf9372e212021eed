package org.guangsha.platform.payment;

/**
 * Where an order stands: CREATED → PAID / CLOSED (expired or cancelled) / REFUNDED (after PAID).
 */
public enum PaymentStatus {
    /** 待支付. */
    CREATED,
    /** 已支付: the provider's signed notification said so. */
    PAID,
    /** 已关闭: expired or cancelled before payment. */
    CLOSED,
    /** 已退款. */
    REFUNDED
}
