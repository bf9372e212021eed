package org.guangsha.platform.internal.document;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningStep;

/**
 * A signing ceremony ({@code PLT_SIGNING_FLOW}); each step's time is kept as evidence of how the
 * citizen signed.
 */
@Entity
@Table(name = "PLT_SIGNING_FLOW")
public class SigningFlowEntity {

    /** Stored while the signed PDF is being produced, so a second request cannot sign twice. */
    static final String SIGNING = "SIGNING";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "MODULE", length = 40, nullable = false)
    private String module;

    @Column(name = "REFERENCE", length = 100)
    private String reference;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "DOCUMENT_TYPE", length = 60, nullable = false)
    private String documentType;

    @Column(name = "VALUES_JSON", length = 20000, nullable = false)
    private String valuesJson;

    @Column(name = "SIGNATURE_FIELD", length = 40, nullable = false)
    private String signatureField;

    @Column(name = "COMMITMENT_TEXT", length = 10000, nullable = false)
    private String commitmentText;

    @Column(name = "COMMITMENT_SECONDS", nullable = false)
    private int commitmentSeconds;

    @Column(name = "CONTRACT_SECONDS", nullable = false)
    private int contractSeconds;

    @Column(name = "REGION_CODE", length = 12)
    private String regionCode;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "STEP", length = 20, nullable = false)
    private String step;

    @Column(name = "READABLE_AT")
    private Timestamp readableAt;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Timestamp expiresAt;

    @Column(name = "CONFIRMED_AT")
    private Timestamp confirmedAt;

    @Column(name = "COMMITMENT_READ_AT")
    private Timestamp commitmentReadAt;

    @Column(name = "COMMITMENT_TYPED_AT")
    private Timestamp commitmentTypedAt;

    @Column(name = "FACE_SESSION_ID", length = 36)
    private String faceSessionId;

    @Column(name = "FACE_PASSED_AT")
    private Timestamp facePassedAt;

    @Column(name = "CONTRACT_READ_AT")
    private Timestamp contractReadAt;

    @Column(name = "SIGNED_AT")
    private Timestamp signedAt;

    @Column(name = "SIGNATURE_ATTACHMENT_ID", length = 36)
    private String signatureAttachmentId;

    @Column(name = "DOCUMENT_ID", length = 36)
    private String documentId;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected SigningFlowEntity() {}

    SigningFlowEntity(
            String id,
            String module,
            String reference,
            String accountId,
            String documentType,
            String valuesJson,
            String signatureField,
            String commitmentText,
            int commitmentSeconds,
            int contractSeconds,
            String regionCode,
            String caseId,
            Instant createdAt,
            Instant expiresAt) {
        this.id = id;
        this.module = module;
        this.reference = reference;
        this.accountId = accountId;
        this.documentType = documentType;
        this.valuesJson = valuesJson;
        this.signatureField = signatureField;
        this.commitmentText = commitmentText;
        this.commitmentSeconds = commitmentSeconds;
        this.contractSeconds = contractSeconds;
        this.regionCode = regionCode;
        this.caseId = caseId;
        this.step = SigningStep.CONFIRM_DETAILS.name();
        this.createdAt = Timestamp.from(createdAt);
        this.expiresAt = Timestamp.from(expiresAt);
    }

    /** The API view; a flow being signed shows as still at {@link SigningStep#SIGN}. */
    SigningFlow view() {
        return new SigningFlow(
                id,
                module,
                reference,
                accountId,
                documentType,
                step(),
                readableAt == null ? null : readableAt.toInstant(),
                expiresAt.toInstant(),
                documentId);
    }

    SigningStep step() {
        return SIGNING.equals(step) ? SigningStep.SIGN : SigningStep.valueOf(step);
    }

    boolean signing() {
        return SIGNING.equals(step);
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String documentType() {
        return documentType;
    }

    String valuesJson() {
        return valuesJson;
    }

    String signatureField() {
        return signatureField;
    }

    String commitmentText() {
        return commitmentText;
    }

    String regionCode() {
        return regionCode;
    }

    String caseId() {
        return caseId;
    }

    Instant readableAt() {
        return readableAt == null ? null : readableAt.toInstant();
    }

    Instant expiresAt() {
        return expiresAt.toInstant();
    }

    void confirmed(Instant at) {
        confirmedAt = Timestamp.from(at);
        moveTo(SigningStep.READ_COMMITMENT, at.plusSeconds(commitmentSeconds));
    }

    void commitmentRead(Instant at) {
        commitmentReadAt = Timestamp.from(at);
        moveTo(SigningStep.TYPE_COMMITMENT, null);
    }

    void commitmentTyped(Instant at) {
        commitmentTypedAt = Timestamp.from(at);
        moveTo(SigningStep.FACE_CHECK, null);
    }

    void facePassed(String sessionId, Instant at) {
        faceSessionId = sessionId;
        facePassedAt = Timestamp.from(at);
        moveTo(SigningStep.READ_CONTRACT, at.plusSeconds(contractSeconds));
    }

    void contractRead(Instant at) {
        contractReadAt = Timestamp.from(at);
        moveTo(SigningStep.SIGN, null);
    }

    void startSigning() {
        step = SIGNING;
    }

    void signingFailed() {
        step = SigningStep.SIGN.name();
    }

    void signed(String signatureAttachment, String document, Instant at) {
        signatureAttachmentId = signatureAttachment;
        documentId = document;
        signedAt = Timestamp.from(at);
        moveTo(SigningStep.DONE, null);
    }

    private void moveTo(SigningStep next, Instant readable) {
        step = next.name();
        readableAt = readable == null ? null : Timestamp.from(readable);
    }
}
