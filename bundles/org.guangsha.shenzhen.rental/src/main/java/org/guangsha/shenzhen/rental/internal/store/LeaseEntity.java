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

/** A lease of a home to a citizen or an organization in {@code SZR_LEASE}. */
@Entity
@Table(name = "SZR_LEASE")
public class LeaseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LEASE_NO", length = 40)
    private String leaseNo;

    @Column(name = "HOME_ID", length = 36)
    private String homeId;

    @Column(name = "ACTIVE_HOME_ID", length = 36)
    private String activeHomeId;

    @Column(name = "LESSEE_KIND", length = 12)
    private String lesseeKind;

    @Column(name = "LESSEE_NAME", length = 100)
    private String lesseeName;

    @Column(name = "LESSEE_ID", length = 18)
    private String lesseeId;

    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "LESSEE_MOBILE", length = 11)
    private String lesseeMobile;

    @Column(name = "MARITAL_STATUS", length = 10)
    private String maritalStatus;

    @Column(name = "POLICY", length = 3)
    private String policy;

    @Column(name = "START_DATE")
    private Date startDate;

    @Column(name = "END_DATE")
    private Date endDate;

    @Column(name = "RENT_FEN")
    private long rentFen;

    @Column(name = "STATUS", length = 10)
    private String status;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected LeaseEntity() {}

    /** A new row with its id. */
    public LeaseEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String leaseNo() {
        return leaseNo;
    }

    public void leaseNo(String value) {
        this.leaseNo = value;
    }

    public String homeId() {
        return homeId;
    }

    public void homeId(String value) {
        this.homeId = value;
    }

    public String activeHomeId() {
        return activeHomeId;
    }

    public void activeHomeId(String value) {
        this.activeHomeId = value;
    }

    public String lesseeKind() {
        return lesseeKind;
    }

    public void lesseeKind(String value) {
        this.lesseeKind = value;
    }

    public String lesseeName() {
        return lesseeName;
    }

    public void lesseeName(String value) {
        this.lesseeName = value;
    }

    public String lesseeId() {
        return lesseeId;
    }

    public void lesseeId(String value) {
        this.lesseeId = value;
    }

    public String accountId() {
        return accountId;
    }

    public void accountId(String value) {
        this.accountId = value;
    }

    public String lesseeMobile() {
        return lesseeMobile;
    }

    public void lesseeMobile(String value) {
        this.lesseeMobile = value;
    }

    public String maritalStatus() {
        return maritalStatus;
    }

    public void maritalStatus(String value) {
        this.maritalStatus = value;
    }

    public String policy() {
        return policy;
    }

    public void policy(String value) {
        this.policy = value;
    }

    public LocalDate startDate() {
        return startDate == null ? null : startDate.toLocalDate();
    }

    public void startDate(LocalDate value) {
        this.startDate = value == null ? null : Date.valueOf(value);
    }

    public LocalDate endDate() {
        return endDate == null ? null : endDate.toLocalDate();
    }

    public void endDate(LocalDate value) {
        this.endDate = value == null ? null : Date.valueOf(value);
    }

    public long rentFen() {
        return rentFen;
    }

    public void rentFen(long value) {
        this.rentFen = value;
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
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
