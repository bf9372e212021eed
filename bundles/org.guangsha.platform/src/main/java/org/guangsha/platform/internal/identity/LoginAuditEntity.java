package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One login attempt ({@code PLT_LOGIN_AUDIT}); the account as typed is stored masked. */
@Entity
@Table(name = "PLT_LOGIN_AUDIT")
public class LoginAuditEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ATTEMPTED_AT", nullable = false)
    private Timestamp attemptedAt;

    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "ACCOUNT_HINT", length = 64, nullable = false)
    private String accountHint;

    @Column(name = "SOURCE_ADDRESS", length = 64)
    private String sourceAddress;

    @Column(name = "OUTCOME", length = 32, nullable = false)
    private String outcome;

    protected LoginAuditEntity() {}

    LoginAuditEntity(
            String id,
            Instant attemptedAt,
            String accountId,
            String accountHint,
            String sourceAddress,
            String outcome) {
        this.id = id;
        this.attemptedAt = Timestamp.from(attemptedAt);
        this.accountId = accountId;
        this.accountHint = accountHint;
        this.sourceAddress = sourceAddress;
        this.outcome = outcome;
    }

    public String outcome() {
        return outcome;
    }

    public String accountId() {
        return accountId;
    }
}
