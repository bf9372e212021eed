package org.guangsha.platform.payment;

import java.time.Instant;

/**
 * A provider's notification after its signature was verified.
 *
 * @param orderId the platform's order id the notice is about
 * @param transactionId the provider's transaction id
 * @param amountFen the amount the provider says was paid
 * @param paid true for a successful payment; false for a failed or closed one
 * @param at when the provider says it happened
 */
public record PaymentNotice(
        String orderId, String transactionId, long amountFen, boolean paid, Instant at) {}
