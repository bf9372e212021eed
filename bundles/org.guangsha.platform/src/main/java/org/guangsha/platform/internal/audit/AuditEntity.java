package org.guangsha.platform.internal.audit;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * One row of the audit trail ({@code PLT_AUDIT}). Written once and never changed, so it has neither
 * setters nor a version column.
 */
@Entity
@Table(name = "PLT_AUDIT")
public class AuditEntity {

    /** Column lengths, the most a value may hold once cleaned. */
    static final int ACTION_LENGTH = 64;

    static final int ACTOR_LENGTH = 64;
    static final int TARGET_LENGTH = 200;
    static final int SOURCE_LENGTH = 64;
    static final int DETAIL_LENGTH = 1000;

    @Id
    @Column(name = "SEQ")
    private long seq;

    @Column(name = "AT", nullable = false)
    private Timestamp at;

    @Column(name = "ACTION", length = ACTION_LENGTH, nullable = false)
    private String action;

    @Column(name = "ACTOR_ID", length = ACTOR_LENGTH)
    private String actorId;

    @Column(name = "TARGET", length = TARGET_LENGTH)
    private String target;

    @Column(name = "SOURCE_ADDRESS", length = SOURCE_LENGTH)
    private String sourceAddress;

    @Column(name = "DETAIL", length = DETAIL_LENGTH)
    private String detail;

    @Column(name = "PREV_HASH", length = 64, nullable = false)
    private String prevHash;

    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    protected AuditEntity() {}

    AuditEntity(AuditEntry e) {
        this.seq = e.seq();
        this.at = Timestamp.from(e.at());
        this.action = e.action();
        this.actorId = e.actorId();
        this.target = e.target();
        this.sourceAddress = e.sourceAddress();
        this.detail = e.detail();
        this.prevHash = e.prevHash();
        this.hash = e.hash();
    }

    /** The row as the chain sees it. */
    AuditEntry entry() {
        return new AuditEntry(
                seq,
                at.toInstant(),
                action,
                actorId,
                target,
                sourceAddress,
                detail,
                prevHash,
                hash);
    }
}
