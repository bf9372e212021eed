package org.guangsha.platform.payment;

import java.time.Instant;

/**
 * A payment order.
 *
 * @param id the order's id (also the merchant order number sent to the provider)
 * @param payerId who pays
 * @param amountFen the amount in fen
 * @param purpose what is paid
 * @param module the business module that asked
 * @param reference the line's own reference
 * @param status where it stands
 * @param providerId the payment provider that handles it
 * @param qrPayload what the QR code on the payer's screen carries (the provider's pay URL)
 * @param createdAt when it was created
 * @param expiresAt until when it can be paid
 * @param paidAt when the provider confirmed payment, or null
 * @param providerTransactionId the provider's transaction id, or null
 * @param receiptDocumentId the receipt issued as a document, or null
 */
public record PaymentOrder(
        String id,
        String payerId,
        long amountFen,
        String purpose,
        String module,
        String reference,
        PaymentStatus status,
        String providerId,
        String qrPayload,
        Instant createdAt,
        Instant expiresAt,
        Instant paidAt,
        String providerTransactionId,
        String receiptDocumentId) {}
