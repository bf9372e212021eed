package org.guangsha.platform.document;

import java.util.Map;
import java.util.Objects;

/**
 * What a business line asks the platform to issue.
 *
 * @param typeId a registered {@link DocumentType#id()}
 * @param holderId the account the document is for
 * @param regionCode the region responsible for it (its caseworkers may revoke it), or null
 * @param caseId the case it belongs to, or null
 * @param values the template's placeholders; every placeholder must have a value
 */
public record IssueRequest(
        String typeId,
        String holderId,
        String regionCode,
        String caseId,
        Map<String, String> values) {

    /** Checks the required members and copies the values. */
    public IssueRequest {
        Objects.requireNonNull(typeId, "typeId");
        Objects.requireNonNull(holderId, "holderId");
        values = Map.copyOf(values);
    }
}
