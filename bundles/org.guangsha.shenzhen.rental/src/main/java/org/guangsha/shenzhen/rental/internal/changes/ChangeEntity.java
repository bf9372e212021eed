package org.guangsha.shenzhen.rental.internal.changes;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A proposed change of a lease's residents (SZ-3, SZ-5) in {@code SZR_CHANGE}. */
@Entity
@Table(name = "SZR_CHANGE")
public class ChangeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LEASE_ID", length = 36)
    private String leaseId;

    @Column(name = "KIND", length = 10)
    private String kind;

    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "DISTRICT_CODE", length = 6)
    private String districtCode;

    @Column(name = "STATUS", length = 10)
    private String status;

    @Column(name = "OPEN_KEY", length = 36)
    private String openKey;

    @Column(name = "MOBILE", length = 11)
    private String mobile;

    @Column(name = "MARITAL_STATUS", length = 10)
    private String maritalStatus;

    @Column(name = "REASON", length = 200)
    private String reason;

    @Column(name = "NOTICE_DOCUMENT_ID", length = 36)
    private String noticeDocumentId;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected ChangeEntity() {}

    /** A new row with its id. */
    public ChangeEntity(String id) {
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

    public String kind() {
        return kind;
    }

    public void kind(String value) {
        this.kind = value;
    }

    public String accountId() {
        return accountId;
    }

    public void accountId(String value) {
        this.accountId = value;
    }

    public String caseId() {
        return caseId;
    }

    public void caseId(String value) {
        this.caseId = value;
    }

    public String districtCode() {
        return districtCode;
    }

    public void districtCode(String value) {
        this.districtCode = value;
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
    }

    public String openKey() {
        return openKey;
    }

    public void openKey(String value) {
        this.openKey = value;
    }

    public String mobile() {
        return mobile;
    }

    public void mobile(String value) {
        this.mobile = value;
    }

    public String maritalStatus() {
        return maritalStatus;
    }

    public void maritalStatus(String value) {
        this.maritalStatus = value;
    }

    public String reason() {
        return reason;
    }

    public void reason(String value) {
        this.reason = value;
    }

    public String noticeDocumentId() {
        return noticeDocumentId;
    }

    public void noticeDocumentId(String value) {
        this.noticeDocumentId = value;
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
}
