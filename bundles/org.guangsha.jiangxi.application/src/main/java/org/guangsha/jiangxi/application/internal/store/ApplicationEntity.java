package org.guangsha.jiangxi.application.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * An application (the line's side of a core case) in {@code JX_APPLICATION}: region, channel, face
 * check, type and category, step flags, asset answers and the commitment letter.
 */
@Entity
@Table(name = "JX_APPLICATION")
public class ApplicationEntity {

    @Id
    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "OPEN_ACCOUNT_ID", length = 36)
    private String openAccountId;

    @Column(name = "REGION_CODE", length = 6)
    private String regionCode;

    @Column(name = "CHANNEL", length = 10)
    private String channel;

    @Column(name = "FILED_BY", length = 36)
    private String filedBy;

    @Column(name = "CONSENT_VERSION", length = 20)
    private String consentVersion;

    @Column(name = "FACE_METHOD", length = 10)
    private String faceMethod;

    @Column(name = "FACE_SESSION_ID", length = 36)
    private String faceSessionId;

    @Column(name = "FACE_VERIFIED_AT")
    private Timestamp faceVerifiedAt;

    @Column(name = "APPLICATION_TYPE", length = 10)
    private String applicationType;

    @Column(name = "CATEGORY_CODE", length = 40)
    private String categoryCode;

    @Column(name = "TYPE_DONE")
    private boolean typeDone;

    @Column(name = "FAMILY_DONE")
    private boolean familyDone;

    @Column(name = "ASSETS_DONE")
    private boolean assetsDone;

    @Column(name = "HAS_VEHICLE")
    private Boolean hasVehicle;

    @Column(name = "HAS_REAL_ESTATE")
    private Boolean hasRealEstate;

    @Column(name = "HAS_BUSINESS")
    private Boolean hasBusiness;

    @Column(name = "DEPOSITS_FEN")
    private Long depositsFen;

    @Column(name = "SECURITIES_FEN")
    private Long securitiesFen;

    @Column(name = "COMMITMENT_MODE", length = 20)
    private String commitmentMode;

    @Column(name = "COMMITMENT_DOCUMENT_ID", length = 36)
    private String commitmentDocumentId;

    @Column(name = "COMMITMENT_ATTACHMENT_ID", length = 36)
    private String commitmentAttachmentId;

    @Column(name = "COMMITMENT_AT")
    private Timestamp commitmentAt;

    @Column(name = "ERASED_AT")
    private Timestamp erasedAt;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected ApplicationEntity() {}

    /** A new row with its key. */
    public ApplicationEntity(String caseId) {
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }

    public String accountId() {
        return accountId;
    }

    public void accountId(String value) {
        this.accountId = value;
    }

    public String openAccountId() {
        return openAccountId;
    }

    public void openAccountId(String value) {
        this.openAccountId = value;
    }

    public String regionCode() {
        return regionCode;
    }

    public void regionCode(String value) {
        this.regionCode = value;
    }

    public String channel() {
        return channel;
    }

    public void channel(String value) {
        this.channel = value;
    }

    public String filedBy() {
        return filedBy;
    }

    public void filedBy(String value) {
        this.filedBy = value;
    }

    public String consentVersion() {
        return consentVersion;
    }

    public void consentVersion(String value) {
        this.consentVersion = value;
    }

    public String faceMethod() {
        return faceMethod;
    }

    public void faceMethod(String value) {
        this.faceMethod = value;
    }

    public String faceSessionId() {
        return faceSessionId;
    }

    public void faceSessionId(String value) {
        this.faceSessionId = value;
    }

    public Instant faceVerifiedAt() {
        return faceVerifiedAt == null ? null : faceVerifiedAt.toInstant();
    }

    public void faceVerifiedAt(Instant value) {
        this.faceVerifiedAt = value == null ? null : Timestamp.from(value);
    }

    public String applicationType() {
        return applicationType;
    }

    public void applicationType(String value) {
        this.applicationType = value;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public void categoryCode(String value) {
        this.categoryCode = value;
    }

    public boolean typeDone() {
        return typeDone;
    }

    public void typeDone(boolean value) {
        this.typeDone = value;
    }

    public boolean familyDone() {
        return familyDone;
    }

    public void familyDone(boolean value) {
        this.familyDone = value;
    }

    public boolean assetsDone() {
        return assetsDone;
    }

    public void assetsDone(boolean value) {
        this.assetsDone = value;
    }

    public Boolean hasVehicle() {
        return hasVehicle;
    }

    public void hasVehicle(Boolean value) {
        this.hasVehicle = value;
    }

    public Boolean hasRealEstate() {
        return hasRealEstate;
    }

    public void hasRealEstate(Boolean value) {
        this.hasRealEstate = value;
    }

    public Boolean hasBusiness() {
        return hasBusiness;
    }

    public void hasBusiness(Boolean value) {
        this.hasBusiness = value;
    }

    public Long depositsFen() {
        return depositsFen;
    }

    public void depositsFen(Long value) {
        this.depositsFen = value;
    }

    public Long securitiesFen() {
        return securitiesFen;
    }

    public void securitiesFen(Long value) {
        this.securitiesFen = value;
    }

    public String commitmentMode() {
        return commitmentMode;
    }

    public void commitmentMode(String value) {
        this.commitmentMode = value;
    }

    public String commitmentDocumentId() {
        return commitmentDocumentId;
    }

    public void commitmentDocumentId(String value) {
        this.commitmentDocumentId = value;
    }

    public String commitmentAttachmentId() {
        return commitmentAttachmentId;
    }

    public void commitmentAttachmentId(String value) {
        this.commitmentAttachmentId = value;
    }

    public Instant commitmentAt() {
        return commitmentAt == null ? null : commitmentAt.toInstant();
    }

    public void commitmentAt(Instant value) {
        this.commitmentAt = value == null ? null : Timestamp.from(value);
    }

    public Instant erasedAt() {
        return erasedAt == null ? null : erasedAt.toInstant();
    }

    public void erasedAt(Instant value) {
        this.erasedAt = value == null ? null : Timestamp.from(value);
    }

    public Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void createdAt(Instant value) {
        this.createdAt = value == null ? null : Timestamp.from(value);
    }

    public Instant updatedAt() {
        return updatedAt == null ? null : updatedAt.toInstant();
    }

    public void updatedAt(Instant value) {
        this.updatedAt = value == null ? null : Timestamp.from(value);
    }

    public long version() {
        return version;
    }
}
