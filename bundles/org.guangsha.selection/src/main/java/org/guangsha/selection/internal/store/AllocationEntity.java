package org.guangsha.selection.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Who got which unit, in {@code SEL_ALLOCATION}: its primary key, the unit, is the database
 * constraint that gives a unit to one family only (S-11).
 */
@Entity
@Table(name = "SEL_ALLOCATION")
public class AllocationEntity {

    @Id
    @Column(name = "UNIT_ID", length = 36)
    private String unitId;

    @Column(name = "FAMILY_ID", length = 36, nullable = false)
    private String familyId;

    @Column(name = "BATCH_ID", length = 36, nullable = false)
    private String batchId;

    @Column(name = "SESSION_ID", length = 36, nullable = false)
    private String sessionId;

    @Column(name = "MODE", length = 16, nullable = false)
    private String mode;

    @Column(name = "CONFIRM_KEY", length = 64)
    private String confirmKey;

    @Column(name = "RUN_ID", length = 36)
    private String runId;

    @Column(name = "ALLOCATED_AT", nullable = false)
    private Timestamp allocatedAt;

    /** For JPA. */
    protected AllocationEntity() {}

    /** A new row with its id. */
    public AllocationEntity(String unitId) {
        this.unitId = unitId;
    }

    public String unitId() {
        return unitId;
    }

    public String familyId() {
        return familyId;
    }

    public void familyId(String value) {
        this.familyId = value;
    }

    public String batchId() {
        return batchId;
    }

    public void batchId(String value) {
        this.batchId = value;
    }

    public String sessionId() {
        return sessionId;
    }

    public void sessionId(String value) {
        this.sessionId = value;
    }

    public String mode() {
        return mode;
    }

    public void mode(String value) {
        this.mode = value;
    }

    public String confirmKey() {
        return confirmKey;
    }

    public void confirmKey(String value) {
        this.confirmKey = value;
    }

    public String runId() {
        return runId;
    }

    public void runId(String value) {
        this.runId = value;
    }

    public Instant allocatedAt() {
        return allocatedAt == null ? null : allocatedAt.toInstant();
    }

    public void allocatedAt(Instant value) {
        this.allocatedAt = value == null ? null : Timestamp.from(value);
    }
}
