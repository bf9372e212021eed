package org.guangsha.shenzhen.rental.internal.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A month's rent bill of a lease (SZ-4) in {@code SZR_BILL}. */
@Entity
@Table(name = "SZR_BILL")
public class BillEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LEASE_ID", length = 36)
    private String leaseId;

    @Column(name = "PERIOD", length = 7)
    private String period;

    @Column(name = "AMOUNT_FEN")
    private long amountFen;

    @Column(name = "DUE_DATE")
    private Date dueDate;

    @Column(name = "STATUS", length = 10)
    private String status;

    @Column(name = "ORDER_ID", length = 36)
    private String orderId;

    @Column(name = "PAID_AT")
    private Timestamp paidAt;

    @Column(name = "RECEIPT_DOCUMENT_ID", length = 36)
    private String receiptDocumentId;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected BillEntity() {}

    /** A new row with its id. */
    public BillEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String leaseId() {
        return leaseId;
    }

    public void leaseId(String value) {
        this.leaseId = value;
    }

    public String period() {
        return period;
    }

    public void period(String value) {
        this.period = value;
    }

    public long amountFen() {
        return amountFen;
    }

    public void amountFen(long value) {
        this.amountFen = value;
    }

    public LocalDate dueDate() {
        return dueDate == null ? null : dueDate.toLocalDate();
    }

    public void dueDate(LocalDate value) {
        this.dueDate = value == null ? null : Date.valueOf(value);
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
    }

    public String orderId() {
        return orderId;
    }

    public void orderId(String value) {
        this.orderId = value;
    }

    public Instant paidAt() {
        return paidAt == null ? null : paidAt.toInstant();
    }

    public void paidAt(Instant value) {
        this.paidAt = value == null ? null : Timestamp.from(value);
    }

    public String receiptDocumentId() {
        return receiptDocumentId;
    }

    public void receiptDocumentId(String value) {
        this.receiptDocumentId = value;
    }

    public Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void createdAt(Instant value) {
        this.createdAt = value == null ? null : Timestamp.from(value);
    }

    public long version() {
        return version;
    }
}
