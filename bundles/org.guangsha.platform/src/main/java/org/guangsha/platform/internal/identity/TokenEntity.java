package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A bearer token, kept only as its SHA-256 ({@code PLT_TOKEN}). */
@Entity
@Table(name = "PLT_TOKEN")
public class TokenEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "ISSUED_AT", nullable = false)
    private Timestamp issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Timestamp expiresAt;

    @Column(name = "REVOKED_AT")
    private Timestamp revokedAt;

    protected TokenEntity() {}

    TokenEntity(String tokenHash, String accountId, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.issuedAt = Timestamp.from(issuedAt);
        this.expiresAt = Timestamp.from(expiresAt);
    }

    public String accountId() {
        return accountId;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    /** Whether the token may be used at {@code now}. */
    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt.toInstant());
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = Timestamp.from(now);
        }
    }
}
