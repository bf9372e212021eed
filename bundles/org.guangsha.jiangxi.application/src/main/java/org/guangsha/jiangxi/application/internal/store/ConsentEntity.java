package org.guangsha.jiangxi.application.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A citizen's consent to the service-authorization privacy agreement (JX-2) in {@code JX_CONSENT}.
 */
@Entity
@Table(name = "JX_CONSENT")
public class ConsentEntity {

    @Id
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "AGREEMENT_VERSION", length = 20)
    private String agreementVersion;

    @Column(name = "CHANNEL", length = 10)
    private String channel;

    @Column(name = "RECORDED_BY", length = 36)
    private String recordedBy;

    @Column(name = "GRANTED_AT")
    private Timestamp grantedAt;

    /** For JPA. */
    protected ConsentEntity() {}

    /** A new row with its key. */
    public ConsentEntity(String accountId) {
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public String agreementVersion() {
        return agreementVersion;
    }

    public void agreementVersion(String value) {
        this.agreementVersion = value;
    }

    public String channel() {
        return channel;
    }

    public void channel(String value) {
        this.channel = value;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public void recordedBy(String value) {
        this.recordedBy = value;
    }

    public Instant grantedAt() {
        return grantedAt == null ? null : grantedAt.toInstant();
    }

    public void grantedAt(Instant value) {
        this.grantedAt = value == null ? null : Timestamp.from(value);
    }
}
