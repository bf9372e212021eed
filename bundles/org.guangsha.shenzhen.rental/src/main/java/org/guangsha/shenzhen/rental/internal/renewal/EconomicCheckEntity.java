package org.guangsha.shenzhen.rental.internal.renewal;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An economic-status check of a lease's family ({@code SZR_ECONOMIC_CHECK}, SZ-2 a). */
@Entity
@Table(name = "SZR_ECONOMIC_CHECK")
public class EconomicCheckEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LEASE_ID")
    private String leaseId;

    @Column(name = "ACCOUNT_ID")
    private String accountId;

    @Column(name = "PROVIDER_ID")
    private String providerId;

    @Column(name = "REPORT_NUMBER")
    private String reportNumber;

    @Column(name = "PASSED")
    private boolean passed;

    @Column(name = "FINDINGS")
    private String findings;

    @Column(name = "CHECKED_AT")
    private Timestamp checkedAt;

    /** For JPA. */
    protected EconomicCheckEntity() {}

    /** A new row. */
    public EconomicCheckEntity(String id) {
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

    public String accountId() {
        return accountId;
    }

    public void accountId(String value) {
        this.accountId = value;
    }

    public String providerId() {
        return providerId;
    }

    public void providerId(String value) {
        this.providerId = value;
    }

    public String reportNumber() {
        return reportNumber;
    }

    public void reportNumber(String value) {
        this.reportNumber = value;
    }

    public boolean passed() {
        return passed;
    }

    public void passed(boolean value) {
        this.passed = value;
    }

    public String findings() {
        return findings;
    }

    public void findings(String value) {
        this.findings = value;
    }

    public Instant checkedAt() {
        return checkedAt == null ? null : checkedAt.toInstant();
    }

    public void checkedAt(Instant value) {
        this.checkedAt = value == null ? null : Timestamp.from(value);
    }
}
