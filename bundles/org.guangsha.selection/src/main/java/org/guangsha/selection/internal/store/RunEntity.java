package org.guangsha.selection.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * An auto-assignment run (S-6) in {@code SEL_RUN}; its rows are {@code SEL_RUN_FAMILY} and {@code
 * SEL_RUN_TAKEN}.
 */
@Entity
@Table(name = "SEL_RUN")
public class RunEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "BATCH_ID", length = 36, nullable = false)
    private String batchId;

    @Column(name = "SESSION_ID", length = 36, nullable = false)
    private String sessionId;

    @Column(name = "ALGORITHM", length = 40, nullable = false)
    private String algorithm;

    @Column(name = "INPUT_HASH", length = 64, nullable = false)
    private String inputHash;

    @Column(name = "OUTPUT_HASH", length = 64, nullable = false)
    private String outputHash;

    @Column(name = "FAMILIES", nullable = false)
    private int families;

    @Column(name = "ASSIGNED", nullable = false)
    private int assigned;

    @Column(name = "RAN_AT", nullable = false)
    private Timestamp ranAt;

    /** For JPA. */
    protected RunEntity() {}

    /** A new row with its id. */
    public RunEntity(String id) {
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

    public String sessionId() {
        return sessionId;
    }

    public void sessionId(String value) {
        this.sessionId = value;
    }

    public String algorithm() {
        return algorithm;
    }

    public void algorithm(String value) {
        this.algorithm = value;
    }

    public String inputHash() {
        return inputHash;
    }

    public void inputHash(String value) {
        this.inputHash = value;
    }

    public String outputHash() {
        return outputHash;
    }

    public void outputHash(String value) {
        this.outputHash = value;
    }

    public int families() {
        return families;
    }

    public void families(int value) {
        this.families = value;
    }

    public int assigned() {
        return assigned;
    }

    public void assigned(int value) {
        this.assigned = value;
    }

    public Instant ranAt() {
        return ranAt == null ? null : ranAt.toInstant();
    }

    public void ranAt(Instant value) {
        this.ranAt = value == null ? null : Timestamp.from(value);
    }
}
