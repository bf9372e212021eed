package org.guangsha.platform.internal.payment;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentStatus;

/**
 * A payment order ({@code PLT_PAYMENT_ORDER}). The state rules live here: CREATED → PAID, CLOSED;
 * PAID → REFUNDED; nothing else. A refused transition is an {@link IllegalStateException}, which
 * the store only reaches through a bug or a lost race it checked for first.
 */
@Entity
@Table(name = "PLT_PAYMENT_ORDER")
public class PaymentOrderEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PAYER_ID", length = 36, nullable = false)
    private String payerId;

    @Column(name = "AMOUNT_FEN", nullable = false)
    private long amountFen;

    @Column(name = "PURPOSE", length = 100, nullable = false)
    private String purpose;

    @Column(name = "MODULE", length = 40, nullable = false)
    private String module;

    @Column(name = "REFERENCE", length = 100)
    private String reference;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "PROVIDER_ID", length = 60, nullable = false)
    private String providerId;

    @Column(name = "QR_PAYLOAD", length = 1000, nullable = false)
    private String qrPayload;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Timestamp expiresAt;

    @Column(name = "PAID_AT")
    private Timestamp paidAt;

    @Column(name = "PROVIDER_TXN_ID", length = 64)
    private String providerTransactionId;

    @Column(name = "CLOSED_AT")
    private Timestamp closedAt;

    @Column(name = "REFUNDED_AT")
    private Timestamp refundedAt;

    @Column(name = "REFUNDED_BY", length = 36)
    private String refundedBy;

    @Column(name = "REFUND_REASON", length = 500)
    private String refundReason;

    @Column(name = "RECEIPT_DOCUMENT_ID", length = 36)
    private String receiptDocumentId;

    @Column(name = "RECEIPT_CLAIMED_AT")
    private Timestamp receiptClaimedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected PaymentOrderEntity() {}

    PaymentOrderEntity(PaymentOrder created) {
        this.id = created.id();
        this.payerId = created.payerId();
        this.amountFen = created.amountFen();
        this.purpose = created.purpose();
        this.module = created.module();
        this.reference = created.reference();
        this.status = PaymentStatus.CREATED.name();
        this.providerId = created.providerId();
        this.qrPayload = created.qrPayload();
        this.createdAt = Timestamp.from(created.createdAt());
        this.expiresAt = Timestamp.from(created.expiresAt());
    }

    /** The API view. */
    PaymentOrder view() {
        return new PaymentOrder(
                id,
                payerId,
                amountFen,
                purpose,
                module,
                reference,
                status(),
                providerId,
                qrPayload,
                createdAt.toInstant(),
                expiresAt.toInstant(),
                paidAt == null ? null : paidAt.toInstant(),
                providerTransactionId,
                receiptDocumentId);
    }

    PaymentStatus status() {
        return PaymentStatus.valueOf(status);
    }

    String providerId() {
        return providerId;
    }

    long amountFen() {
        return amountFen;
    }

    Instant expiresAt() {
        return expiresAt.toInstant();
    }

    String receiptDocumentId() {
        return receiptDocumentId;
    }

    /** Still CREATED, but {@code now} is past the time it could be paid until. */
    boolean expired(Instant now) {
        return status() == PaymentStatus.CREATED && now.isAfter(expiresAt());
    }

    /** Whether a payment the provider made at {@code at} came while the order could be paid. */
    boolean inTime(Instant at) {
        return !at.isAfter(expiresAt());
    }

    /**
     * CREATED → PAID by the provider's notification; whoever makes this change issues the receipt,
     * so it claims the receipt in the same transaction.
     */
    void paid(String transactionId, Instant at, Instant now) {
        require(PaymentStatus.CREATED, PaymentStatus.PAID);
        status = PaymentStatus.PAID.name();
        providerTransactionId = transactionId;
        paidAt = Timestamp.from(at);
        receiptClaimedAt = Timestamp.from(now);
    }

    /** CREATED → CLOSED: expired (or cancelled) before any payment. */
    void close(Instant now) {
        require(PaymentStatus.CREATED, PaymentStatus.CLOSED);
        status = PaymentStatus.CLOSED.name();
        closedAt = Timestamp.from(now);
    }

    /** PAID → REFUNDED, after the provider accepted the refund. */
    void refunded(Instant now, String actorId, String reason) {
        require(PaymentStatus.PAID, PaymentStatus.REFUNDED);
        status = PaymentStatus.REFUNDED.name();
        refundedAt = Timestamp.from(now);
        refundedBy = actorId;
        refundReason = reason;
    }

    /**
     * Claims the receipt of a PAID order that has none, unless someone claimed it after {@code
     * staleBefore} (that node may still be issuing it).
     */
    boolean claimReceipt(Instant now, Instant staleBefore) {
        if (receiptDocumentId != null
                || status() == PaymentStatus.CREATED
                || status() == PaymentStatus.CLOSED
                || receiptClaimedAt != null && receiptClaimedAt.toInstant().isAfter(staleBefore)) {
            return false;
        }
        receiptClaimedAt = Timestamp.from(now);
        return true;
    }

    void receiptIssued(String documentId) {
        receiptDocumentId = documentId;
    }

    private void require(PaymentStatus from, PaymentStatus to) {
        if (status() != from) {
            throw new IllegalStateException(
                    "Order " + id + " cannot go from " + status + " to " + to);
        }
    }
}
