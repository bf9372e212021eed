package org.guangsha.selection.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A session (场次) of a batch in {@code SEL_SESSION}: FORMAL or SUPPLEMENTARY, SCHEDULED until closed
 * once.
 */
@Entity
@Table(name = "SEL_SESSION")
public class SessionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "BATCH_ID", length = 36, nullable = false)
    private String batchId;

    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "STARTS_AT", nullable = false)
    private Timestamp startsAt;

    @Column(name = "ENDS_AT", nullable = false)
    private Timestamp endsAt;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "CLOSED_AT")
    private Timestamp closedAt;

    @Column(name = "CLOSED_BY", length = 36)
    private String closedBy;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected SessionEntity() {}

    /** A new row with its id. */
    public SessionEntity(String id) {
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

    public int seq() {
        return seq;
    }

    public void seq(int value) {
        this.seq = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public String kind() {
        return kind;
    }

    public void kind(String value) {
        this.kind = value;
    }

    public Instant startsAt() {
        return startsAt == null ? null : startsAt.toInstant();
    }

    public void startsAt(Instant value) {
        this.startsAt = value == null ? null : Timestamp.from(value);
    }

    public Instant endsAt() {
        return endsAt == null ? null : endsAt.toInstant();
    }

    public void endsAt(Instant value) {
        this.endsAt = value == null ? null : Timestamp.from(value);
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
    }

    public Instant closedAt() {
        return closedAt == null ? null : closedAt.toInstant();
    }

    public void closedAt(Instant value) {
        this.closedAt = value == null ? null : Timestamp.from(value);
    }

    public String closedBy() {
        return closedBy;
    }

    public void closedBy(String value) {
        this.closedBy = value;
    }

    /** The row version. */
    public long version() {
        return version;
    }
}
