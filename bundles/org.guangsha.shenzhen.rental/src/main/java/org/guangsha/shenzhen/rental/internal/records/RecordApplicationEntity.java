package org.guangsha.shenzhen.rental.internal.records;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * An application for the policy-housing record certificate ({@code SZR_RECORD_APPLICATION}, SZ-6).
 */
@Entity
@Table(name = "SZR_RECORD_APPLICATION")
public class RecordApplicationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID")
    private String accountId;

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "PERIOD")
    private String period;

    @Column(name = "PURPOSE")
    private String purpose;

    @Column(name = "PURCHASES")
    private int purchases;

    @Column(name = "REGION_CODE")
    private String regionCode;

    @Column(name = "STATUS")
    private String status;

    @Column(name = "CASE_ID")
    private String caseId;

    @Column(name = "DOCUMENT_ID")
    private String documentId;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected RecordApplicationEntity() {}

    /** A new row with its id. */
    public RecordApplicationEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public void accountId(String value) {
        this.accountId = value;
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String period() {
        return period;
    }

    public void period(String value) {
        this.period = value;
    }

    public String purpose() {
        return purpose;
    }

    public void purpose(String value) {
        this.purpose = value;
    }

    public int purchases() {
        return purchases;
    }

    public void purchases(int value) {
        this.purchases = value;
    }

    public String regionCode() {
        return regionCode;
    }

    public void regionCode(String value) {
        this.regionCode = value;
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
    }

    public String caseId() {
        return caseId;
    }

    public void caseId(String value) {
        this.caseId = value;
    }

    public String documentId() {
        return documentId;
    }

    public void documentId(String value) {
        this.documentId = value;
    }

    public Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void createdAt(Instant value) {
        this.createdAt = value == null ? null : Timestamp.from(value);
    }

    public Instant updatedAt() {
        return updatedAt == null ? null : updatedAt.toInstant();
    }

    public void updatedAt(Instant value) {
        this.updatedAt = value == null ? null : Timestamp.from(value);
    }

    public long version() {
        return version;
    }
}
