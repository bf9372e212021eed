package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An issued image captcha ({@code PLT_CAPTCHA}); its answer is kept only as a hash. */
@Entity
@Table(name = "PLT_CAPTCHA")
public class CaptchaEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ANSWER_HASH", length = 64, nullable = false)
    private String answerHash;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Timestamp expiresAt;

    @Column(name = "USED_AT")
    private Timestamp usedAt;

    protected CaptchaEntity() {}

    CaptchaEntity(String id, String answerHash, Instant expiresAt) {
        this.id = id;
        this.answerHash = answerHash;
        this.expiresAt = Timestamp.from(expiresAt);
    }

    public String answerHash() {
        return answerHash;
    }

    /** Whether it can still be answered: not used, not expired. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt.toInstant());
    }

    void use(Instant now) {
        usedAt = Timestamp.from(now);
    }
}
