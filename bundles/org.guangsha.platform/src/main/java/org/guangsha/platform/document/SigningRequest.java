package org.guangsha.platform.document;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a business line asks for when a citizen must sign a contract.
 *
 * @param module the business module starting it, e.g. {@code selection}; listeners filter on it
 * @param reference the line's own reference (its application or allocation id)
 * @param accountId the citizen who signs
 * @param documentTypeId the contract's {@link DocumentType#id()}
 * @param values the contract's placeholders, shown to the citizen to confirm
 * @param signatureField the template's {@code [signature:field]} the handwritten signature goes in
 * @param commitmentText the commitment letter (承诺书) the citizen reads and then types or pastes
 * @param commitmentReading the countdown before 我已阅知 is accepted
 * @param contractReading the countdown before the contract counts as read
 * @param regionCode the region responsible for the contract, or null
 * @param caseId the case the contract belongs to, or null
 */
public record SigningRequest(
        String module,
        String reference,
        String accountId,
        String documentTypeId,
        Map<String, String> values,
        String signatureField,
        String commitmentText,
        Duration commitmentReading,
        Duration contractReading,
        String regionCode,
        String caseId) {

    /** Checks the required members and copies the values. */
    public SigningRequest {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(documentTypeId, "documentTypeId");
        Objects.requireNonNull(signatureField, "signatureField");
        Objects.requireNonNull(commitmentText, "commitmentText");
        Objects.requireNonNull(commitmentReading, "commitmentReading");
        Objects.requireNonNull(contractReading, "contractReading");
        values = Map.copyOf(values);
    }
}
