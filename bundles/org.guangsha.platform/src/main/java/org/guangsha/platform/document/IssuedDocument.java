package org.guangsha.platform.document;

import java.time.Instant;
import java.time.LocalDate;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * A document the platform issued (P-2).
 *
 * @param id internal id, used in REST paths
 * @param number the document number printed on it and used by the public verification page
 * @param typeId the {@link DocumentType#id()}
 * @param typeName the type's name at issue time
 * @param holderId the account the document was issued to
 * @param regionCode the region whose caseworkers may see and revoke it; may be null
 * @param caseId the case it belongs to, or null
 * @param issuedOn the issue date in the city's calendar
 * @param validUntil the last valid day, or null when it does not expire
 * @param status valid, expired or revoked, as of now
 * @param signed whether the PDF carries the city's digital signature
 * @param size the PDF's size in bytes
 * @param revokedAt when it was revoked, or null
 * @param revokeReason why, or null
 */
public record IssuedDocument(
        String id,
        String number,
        String typeId,
        LocalizedText typeName,
        String holderId,
        String regionCode,
        String caseId,
        LocalDate issuedOn,
        LocalDate validUntil,
        DocumentStatus status,
        boolean signed,
        long size,
        Instant revokedAt,
        String revokeReason) {}
