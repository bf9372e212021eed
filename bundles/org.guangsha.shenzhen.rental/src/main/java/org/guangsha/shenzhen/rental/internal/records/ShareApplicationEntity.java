package org.guangsha.shenzhen.rental.internal.records;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An application for property-share information ({@code SZR_SHARE_APPLICATION}, SZ-7). */
@Entity
@Table(name = "SZR_SHARE_APPLICATION")
public class ShareApplicationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID")
    private String accountId;

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "OPEN_KEY")
    private String openKey;

    @Column(name = "CASE_ID")
    private String caseId;

    @Column(name = "PROJECT")
    private String project;

    @Column(name = "ADDRESS")
    private String address;

    @Column(name = "DISTRICT_CODE")
    private String districtCode;

    @Column(name = "CERTIFICATE_NO")
    private String certificateNo;

    @Column(name = "CONTRACT_NO")
    private String contractNo;

    @Column(name = "AREA_M2")
    private BigDecimal areaM2;

    @Column(name = "OWNER_SHARE_BP")
    private int ownerShareBp;

    @Column(name = "STATUS")
    private String status;

    @Column(name = "SHARE_ID")
    private String shareId;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected ShareApplicationEntity() {}

    /** A new row with its id. */
    public ShareApplicationEntity(String id) {
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

    public String openKey() {
        return openKey;
    }

    public void openKey(String value) {
        this.openKey = value;
    }

    public String caseId() {
        return caseId;
    }

    public void caseId(String value) {
        this.caseId = value;
    }

    public String project() {
        return project;
    }

    public void project(String value) {
        this.project = value;
    }

    public String address() {
        return address;
    }

    public void address(String value) {
        this.address = value;
    }

    public String districtCode() {
        return districtCode;
    }

    public void districtCode(String value) {
        this.districtCode = value;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public void certificateNo(String value) {
        this.certificateNo = value;
    }

    public String contractNo() {
        return contractNo;
    }

    public void contractNo(String value) {
        this.contractNo = value;
    }

    public BigDecimal areaM2() {
        return areaM2;
    }

    public void areaM2(BigDecimal value) {
        this.areaM2 = value;
    }

    public int ownerShareBp() {
        return ownerShareBp;
    }

    public void ownerShareBp(int value) {
        this.ownerShareBp = value;
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
    }

    public String shareId() {
        return shareId;
    }

    public void shareId(String value) {
        this.shareId = value;
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
