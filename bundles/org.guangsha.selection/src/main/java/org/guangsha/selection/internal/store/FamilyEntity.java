package org.guangsha.selection.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A ranked family (选房排位) of a batch in {@code SEL_FAMILY}, named by its main applicant's ID number.
 */
@Entity
@Table(name = "SEL_FAMILY")
public class FamilyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "BATCH_ID", length = 36, nullable = false)
    private String batchId;

    @Column(name = "RANK_NO", nullable = false)
    private int rank;

    @Column(name = "APPLICANT_NAME", length = 100, nullable = false)
    private String applicantName;

    @Column(name = "ID_NUMBER", length = 18, nullable = false)
    private String idNumber;

    @Column(name = "HOUSEHOLD_SIZE", nullable = false)
    private int householdSize;

    @Column(name = "SESSION_ID", length = 36)
    private String sessionId;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "PRE_DECLARED_AT")
    private Timestamp preDeclaredAt;

    @Column(name = "FORMAL_DECLARED_AT")
    private Timestamp formalDeclaredAt;

    @Column(name = "WINDOW_ENDS_AT")
    private Timestamp windowEndsAt;

    @Column(name = "OUTCOME_AT")
    private Timestamp outcomeAt;

    @Column(name = "SUPPLEMENT_APPLIED_AT")
    private Timestamp supplementAppliedAt;

    @Column(name = "SUPPLEMENT_SESSION_ID", length = 36)
    private String supplementSessionId;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected FamilyEntity() {}

    /** A new row with its id. */
    public FamilyEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String batchId() {
        return batchId;
    }

    public void batchId(String value) {
        this.batchId = value;
    }

    public int rank() {
        return rank;
    }

    public void rank(int value) {
        this.rank = value;
    }

    public String applicantName() {
        return applicantName;
    }

    public void applicantName(String value) {
        this.applicantName = value;
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public int householdSize() {
        return householdSize;
    }

    public void householdSize(int value) {
        this.householdSize = value;
    }

    public String sessionId() {
        return sessionId;
    }

    public void sessionId(String value) {
        this.sessionId = value;
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
    }

    public Instant preDeclaredAt() {
        return preDeclaredAt == null ? null : preDeclaredAt.toInstant();
    }

    public void preDeclaredAt(Instant value) {
        this.preDeclaredAt = value == null ? null : Timestamp.from(value);
    }

    public Instant formalDeclaredAt() {
        return formalDeclaredAt == null ? null : formalDeclaredAt.toInstant();
    }

    public void formalDeclaredAt(Instant value) {
        this.formalDeclaredAt = value == null ? null : Timestamp.from(value);
    }

    public Instant windowEndsAt() {
        return windowEndsAt == null ? null : windowEndsAt.toInstant();
    }

    public void windowEndsAt(Instant value) {
        this.windowEndsAt = value == null ? null : Timestamp.from(value);
    }

    public Instant outcomeAt() {
        return outcomeAt == null ? null : outcomeAt.toInstant();
    }

    public void outcomeAt(Instant value) {
        this.outcomeAt = value == null ? null : Timestamp.from(value);
    }

    public Instant supplementAppliedAt() {
        return supplementAppliedAt == null ? null : supplementAppliedAt.toInstant();
    }

    public void supplementAppliedAt(Instant value) {
        this.supplementAppliedAt = value == null ? null : Timestamp.from(value);
    }

    public String supplementSessionId() {
        return supplementSessionId;
    }

    public void supplementSessionId(String value) {
        this.supplementSessionId = value;
    }

    /** The row version. */
    public long version() {
        return version;
    }
}
