package org.guangsha.shenzhen.rental.internal.records;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** The property share of an affordable home ({@code SZR_PROPERTY_SHARE}, SZ-7). */
@Entity
@Table(name = "SZR_PROPERTY_SHARE")
public class PropertyShareEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "NAME")
    private String name;

    @Column(name = "PROJECT")
    private String project;

    @Column(name = "ADDRESS")
    private String address;

    @Column(name = "DISTRICT_CODE")
    private String districtCode;

    @Column(name = "CERTIFICATE_NO")
    private String certificateNo;

    @Column(name = "AREA_M2")
    private BigDecimal areaM2;

    @Column(name = "OWNER_SHARE_BP")
    private int ownerShareBp;

    @Column(name = "SOURCE")
    private String source;

    @Column(name = "CASE_ID")
    private String caseId;

    @Column(name = "DOCUMENT_ID")
    private String documentId;

    @Column(name = "RECORDED_AT")
    private Timestamp recordedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected PropertyShareEntity() {}

    /** A new row with its id. */
    public PropertyShareEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
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

    public String source() {
        return source;
    }

    public void source(String value) {
        this.source = value;
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

    public Instant recordedAt() {
        return recordedAt == null ? null : recordedAt.toInstant();
    }

    public void recordedAt(Instant value) {
        this.recordedAt = value == null ? null : Timestamp.from(value);
    }

    public long version() {
        return version;
    }
}
