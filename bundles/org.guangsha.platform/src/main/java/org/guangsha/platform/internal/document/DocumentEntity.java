package org.guangsha.platform.internal.document;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;

/** An issued document ({@code PLT_DOCUMENT}). */
@Entity
@Table(name = "PLT_DOCUMENT")
public class DocumentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DOC_NUMBER", length = 40, nullable = false)
    private String number;

    @Column(name = "TYPE_ID", length = 60, nullable = false)
    private String typeId;

    @Column(name = "TYPE_NAME_ZH", length = 100, nullable = false)
    private String typeNameZh;

    @Column(name = "TYPE_NAME_EN", length = 200, nullable = false)
    private String typeNameEn;

    @Column(name = "HOLDER_ID", length = 36, nullable = false)
    private String holderId;

    @Column(name = "HOLDER_NAME_MASKED", length = 60, nullable = false)
    private String holderNameMasked;

    @Column(name = "REGION_CODE", length = 12)
    private String regionCode;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "ISSUED_AT", nullable = false)
    private Timestamp issuedAt;

    @Column(name = "ISSUED_ON", nullable = false)
    private Date issuedOn;

    @Column(name = "VALID_UNTIL")
    private Date validUntil;

    @Column(name = "SHA256", length = 64, nullable = false)
    private String sha256;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "SIGNED", nullable = false)
    private boolean signed;

    @Column(name = "REVOKED_AT")
    private Timestamp revokedAt;

    @Column(name = "REVOKED_BY", length = 36)
    private String revokedBy;

    @Column(name = "REVOKE_REASON", length = 500)
    private String revokeReason;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected DocumentEntity() {}

    DocumentEntity(
            String id,
            String number,
            String typeId,
            LocalizedText typeName,
            String holderId,
            String holderNameMasked,
            String regionCode,
            String caseId,
            Instant issuedAt,
            LocalDate issuedOn,
            LocalDate validUntil,
            String sha256,
            long size,
            boolean signed) {
        this.id = id;
        this.number = number;
        this.typeId = typeId;
        this.typeNameZh = typeName.zh();
        this.typeNameEn = typeName.en();
        this.holderId = holderId;
        this.holderNameMasked = holderNameMasked;
        this.regionCode = regionCode;
        this.caseId = caseId;
        this.issuedAt = Timestamp.from(issuedAt);
        this.issuedOn = Date.valueOf(issuedOn);
        this.validUntil = validUntil == null ? null : Date.valueOf(validUntil);
        this.sha256 = sha256;
        this.size = size;
        this.signed = signed;
    }

    /** Where the document stands on {@code today}. */
    DocumentStatus statusOn(LocalDate today) {
        if (revokedAt != null) {
            return DocumentStatus.REVOKED;
        }
        if (validUntil != null && today.isAfter(validUntil.toLocalDate())) {
            return DocumentStatus.EXPIRED;
        }
        return DocumentStatus.VALID;
    }

    /** The API view as of {@code today}. */
    IssuedDocument view(LocalDate today) {
        return new IssuedDocument(
                id,
                number,
                typeId,
                LocalizedText.of(typeNameZh, typeNameEn),
                holderId,
                regionCode,
                caseId,
                issuedOn.toLocalDate(),
                validUntil == null ? null : validUntil.toLocalDate(),
                statusOn(today),
                signed,
                size,
                revokedAt == null ? null : revokedAt.toInstant(),
                revokeReason);
    }

    String number() {
        return number;
    }

    String holderNameMasked() {
        return holderNameMasked;
    }

    String sha256() {
        return sha256;
    }

    void revoke(Instant at, String actorId, String reason) {
        if (revokedAt == null) {
            revokedAt = Timestamp.from(at);
            revokedBy = actorId;
            revokeReason = reason;
        }
    }
}
