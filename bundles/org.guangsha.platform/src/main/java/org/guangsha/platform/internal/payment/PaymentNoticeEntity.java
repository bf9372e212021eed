package org.guangsha.platform.internal.payment;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.guangsha.platform.payment.PaymentNotice;

/**
 * A verified provider notification ({@code PLT_PAYMENT_NOTICE}), kept as received for evidence. The
 * unique (provider, transaction, paid) key lets exactly one node process it.
 */
@Entity
@Table(name = "PLT_PAYMENT_NOTICE")
public class PaymentNoticeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PROVIDER_ID", length = 60, nullable = false)
    private String providerId;

    @Column(name = "TRANSACTION_ID", length = 64, nullable = false)
    private String transactionId;

    @Column(name = "PAID", nullable = false)
    private boolean paid;

    @Column(name = "ORDER_ID", length = 36, nullable = false)
    private String orderId;

    @Column(name = "AMOUNT_FEN", nullable = false)
    private long amountFen;

    @Column(name = "NOTIFIED_AT")
    private Timestamp notifiedAt;

    @Column(name = "RECEIVED_AT", nullable = false)
    private Timestamp receivedAt;

    @Column(name = "SOURCE_ADDRESS", length = 64)
    private String sourceAddress;

    @Column(name = "OUTCOME", length = 30, nullable = false)
    private String outcome;

    @Column(name = "HEADERS", length = 4000, nullable = false)
    private String headers;

    @Column(name = "BODY", length = 16384, nullable = false)
    private String body;

    protected PaymentNoticeEntity() {}

    PaymentNoticeEntity(
            String id,
            String providerId,
            PaymentNotice notice,
            Instant receivedAt,
            String sourceAddress,
            PaymentStore.NoticeResult outcome,
            String headers,
            String body) {
        this.id = id;
        this.providerId = providerId;
        this.transactionId = notice.transactionId();
        this.paid = notice.paid();
        this.orderId = notice.orderId();
        this.amountFen = notice.amountFen();
        this.notifiedAt = notice.at() == null ? null : Timestamp.from(notice.at());
        this.receivedAt = Timestamp.from(receivedAt);
        this.sourceAddress = sourceAddress;
        this.outcome = outcome.name();
        this.headers = headers;
        this.body = body;
    }
}
