package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One verification attempt ({@code PLT_VERIFICATION}), kept as the audit of I-2. */
@Entity
@Table(name = "PLT_VERIFICATION")
public class VerificationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "METHOD", length = 40, nullable = false)
    private String method;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "ATTEMPTED_AT", nullable = false)
    private Timestamp attemptedAt;

    @Column(name = "VERIFIED_BY", length = 36)
    private String verifiedBy;

    protected VerificationEntity() {}

    VerificationEntity(
            String id, String accountId, String method, String outcome, Instant attemptedAt) {
        this.id = id;
        this.accountId = accountId;
        this.method = method;
        this.outcome = outcome;
        this.attemptedAt = Timestamp.from(attemptedAt);
    }

    /** A verification a staff member did in person. */
    static VerificationEntity inPerson(
            String id, String accountId, String staffId, Instant attemptedAt) {
        VerificationEntity v =
                new VerificationEntity(id, accountId, "in-person", "PASSED", attemptedAt);
        v.verifiedBy = staffId;
        return v;
    }

    public String method() {
        return method;
    }

    public String outcome() {
        return outcome;
    }
}
