package org.guangsha.platform.internal.attachment;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A co-applicant's consent to licence fetching ({@code PLT_LICENCE_CONSENT}). */
@Entity
@Table(name = "PLT_LICENCE_CONSENT")
public class LicenceConsentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "GRANTOR_ID", length = 36, nullable = false)
    private String grantorId;

    @Column(name = "GRANTEE_ID", length = 36, nullable = false)
    private String granteeId;

    @Column(name = "GRANTED_AT", nullable = false)
    private Timestamp grantedAt;

    @Column(name = "REVOKED_AT")
    private Timestamp revokedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected LicenceConsentEntity() {}

    LicenceConsentEntity(String id, String grantorId, String granteeId, Instant grantedAt) {
        this.id = id;
        this.grantorId = grantorId;
        this.granteeId = granteeId;
        this.grantedAt = Timestamp.from(grantedAt);
    }

    String id() {
        return id;
    }

    String grantorId() {
        return grantorId;
    }

    String granteeId() {
        return granteeId;
    }

    Instant grantedAt() {
        return grantedAt.toInstant();
    }

    boolean active() {
        return revokedAt == null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = Timestamp.from(at);
        }
    }
}
