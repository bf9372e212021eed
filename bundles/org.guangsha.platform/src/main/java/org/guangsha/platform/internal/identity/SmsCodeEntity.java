package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A one-time code sent by SMS ({@code PLT_SMS_CODE}), kept only as a hash. */
@Entity
@Table(name = "PLT_SMS_CODE")
public class SmsCodeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "MOBILE", length = 11, nullable = false)
    private String mobile;

    @Column(name = "PURPOSE", length = 32, nullable = false)
    private String purpose;

    @Column(name = "CODE_HASH", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Timestamp expiresAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "USED_AT")
    private Timestamp usedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected SmsCodeEntity() {}

    SmsCodeEntity(
            String id,
            String mobile,
            String purpose,
            String codeHash,
            Instant createdAt,
            Instant expiresAt) {
        this.id = id;
        this.mobile = mobile;
        this.purpose = purpose;
        this.codeHash = codeHash;
        this.createdAt = Timestamp.from(createdAt);
        this.expiresAt = Timestamp.from(expiresAt);
    }

    String codeHash() {
        return codeHash;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    /** Whether it may still be tried: unused, unexpired, attempts left. */
    boolean usableAt(Instant now, int maxAttempts) {
        return usedAt == null && now.isBefore(expiresAt.toInstant()) && attempts < maxAttempts;
    }

    void attempt() {
        attempts++;
    }

    void use(Instant now) {
        usedAt = Timestamp.from(now);
    }
}
