package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A face check on the phone ({@code PLT_FACE_SESSION}). */
@Entity
@Table(name = "PLT_FACE_SESSION")
public class FaceSessionEntity {

    /** Where a session stands; EXPIRED is derived from the time, never stored. */
    public enum Status {
        PENDING,
        PASSED,
        FAILED,
        EXPIRED
    }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "PURPOSE", length = 100, nullable = false)
    private String purpose;

    @Column(name = "SECRET_HASH", length = 64, nullable = false)
    private String secretHash;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Timestamp expiresAt;

    @Column(name = "COMPLETED_AT")
    private Timestamp completedAt;

    @Column(name = "CONSUMED_AT")
    private Timestamp consumedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected FaceSessionEntity() {}

    FaceSessionEntity(
            String id,
            String accountId,
            String purpose,
            String secretHash,
            Instant createdAt,
            Instant expiresAt) {
        this.id = id;
        this.accountId = accountId;
        this.purpose = purpose;
        this.secretHash = secretHash;
        this.status = Status.PENDING.name();
        this.createdAt = Timestamp.from(createdAt);
        this.expiresAt = Timestamp.from(expiresAt);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String purpose() {
        return purpose;
    }

    String secretHash() {
        return secretHash;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    /** The status at {@code now}: a pending session past its expiry is EXPIRED. */
    public Status statusAt(Instant now) {
        Status s = Status.valueOf(status);
        return s == Status.PENDING && !now.isBefore(expiresAt.toInstant()) ? Status.EXPIRED : s;
    }

    boolean consumed() {
        return consumedAt != null;
    }

    void complete(boolean passed, Instant now) {
        status = (passed ? Status.PASSED : Status.FAILED).name();
        completedAt = Timestamp.from(now);
    }

    void consume(Instant now) {
        consumedAt = Timestamp.from(now);
    }
}
