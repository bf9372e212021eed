package org.guangsha.selection.internal.signing;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A family's signing (S-12) in {@code SEL_SIGNING}: the steps it passed, its rent collection
 * details, and the ids of what the core keeps for it (ceremony, contract, payment order, case,
 * occupancy notice). The row version settles two requests at once.
 */
@Entity
@Table(name = "SEL_SIGNING")
public class SigningEntity {

    @Id
    @Column(name = "FAMILY_ID", length = 36)
    private String familyId;

    @Column(name = "UNIT_ID", length = 36, nullable = false)
    private String unitId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "MOBILE_CONFIRMED_AT")
    private Timestamp mobileConfirmedAt;

    @Column(name = "BANK_NAME", length = 60)
    private String bankName;

    @Column(name = "BANK_ACCOUNT_NAME", length = 50)
    private String bankAccountName;

    @Column(name = "BANK_CARD_NUMBER", length = 19)
    private String bankCardNumber;

    @Column(name = "BANK_FRONT_ATTACHMENT_ID", length = 36)
    private String bankFrontAttachmentId;

    @Column(name = "BANK_BACK_ATTACHMENT_ID", length = 36)
    private String bankBackAttachmentId;

    @Column(name = "BANK_SAVED_AT")
    private Timestamp bankSavedAt;

    @Column(name = "CEREMONY_ID", length = 36)
    private String ceremonyId;

    @Column(name = "CONTRACT_DOCUMENT_ID", length = 36)
    private String contractDocumentId;

    @Column(name = "CONTRACT_SIGNED_AT")
    private Timestamp contractSignedAt;

    @Column(name = "DEPOSIT_FEN")
    private Long depositFen;

    @Column(name = "DEPOSIT_ORDER_ID", length = 36)
    private String depositOrderId;

    @Column(name = "DEPOSIT_PAID_AT")
    private Timestamp depositPaidAt;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "SUBMIT_CLAIMED_AT")
    private Timestamp submitClaimedAt;

    @Column(name = "NOTICE_DOCUMENT_ID", length = 36)
    private String noticeDocumentId;

    @Column(name = "NOTICE_CLAIMED_AT")
    private Timestamp noticeClaimedAt;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected SigningEntity() {}

    /** A new row for a family about to sign for its unit. */
    public SigningEntity(String familyId, String unitId, String accountId, Instant now) {
        this.familyId = familyId;
        this.unitId = unitId;
        this.accountId = accountId;
        this.createdAt = Timestamp.from(now);
        this.updatedAt = Timestamp.from(now);
    }

    public String familyId() {
        return familyId;
    }

    public String unitId() {
        return unitId;
    }

    public String accountId() {
        return accountId;
    }

    public Instant mobileConfirmedAt() {
        return mobileConfirmedAt == null ? null : mobileConfirmedAt.toInstant();
    }

    public void mobileConfirmedAt(Instant value) {
        this.mobileConfirmedAt = value == null ? null : Timestamp.from(value);
    }

    public String bankName() {
        return bankName;
    }

    public void bankName(String value) {
        this.bankName = value;
    }

    public String bankAccountName() {
        return bankAccountName;
    }

    public void bankAccountName(String value) {
        this.bankAccountName = value;
    }

    public String bankCardNumber() {
        return bankCardNumber;
    }

    public void bankCardNumber(String value) {
        this.bankCardNumber = value;
    }

    public String bankFrontAttachmentId() {
        return bankFrontAttachmentId;
    }

    public void bankFrontAttachmentId(String value) {
        this.bankFrontAttachmentId = value;
    }

    public String bankBackAttachmentId() {
        return bankBackAttachmentId;
    }

    public void bankBackAttachmentId(String value) {
        this.bankBackAttachmentId = value;
    }

    public Instant bankSavedAt() {
        return bankSavedAt == null ? null : bankSavedAt.toInstant();
    }

    public void bankSavedAt(Instant value) {
        this.bankSavedAt = value == null ? null : Timestamp.from(value);
    }

    public String ceremonyId() {
        return ceremonyId;
    }

    public void ceremonyId(String value) {
        this.ceremonyId = value;
    }

    public String contractDocumentId() {
        return contractDocumentId;
    }

    public void contractDocumentId(String value) {
        this.contractDocumentId = value;
    }

    public Instant contractSignedAt() {
        return contractSignedAt == null ? null : contractSignedAt.toInstant();
    }

    public void contractSignedAt(Instant value) {
        this.contractSignedAt = value == null ? null : Timestamp.from(value);
    }

    public Long depositFen() {
        return depositFen;
    }

    public void depositFen(Long value) {
        this.depositFen = value;
    }

    public String depositOrderId() {
        return depositOrderId;
    }

    public void depositOrderId(String value) {
        this.depositOrderId = value;
    }

    public Instant depositPaidAt() {
        return depositPaidAt == null ? null : depositPaidAt.toInstant();
    }

    public void depositPaidAt(Instant value) {
        this.depositPaidAt = value == null ? null : Timestamp.from(value);
    }

    public String caseId() {
        return caseId;
    }

    public void caseId(String value) {
        this.caseId = value;
    }

    public Instant submitClaimedAt() {
        return submitClaimedAt == null ? null : submitClaimedAt.toInstant();
    }

    public void submitClaimedAt(Instant value) {
        this.submitClaimedAt = value == null ? null : Timestamp.from(value);
    }

    public String noticeDocumentId() {
        return noticeDocumentId;
    }

    public void noticeDocumentId(String value) {
        this.noticeDocumentId = value;
    }

    public Instant noticeClaimedAt() {
        return noticeClaimedAt == null ? null : noticeClaimedAt.toInstant();
    }

    public void noticeClaimedAt(Instant value) {
        this.noticeClaimedAt = value == null ? null : Timestamp.from(value);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    /** Marks the row as changed now. */
    public void touched(Instant now) {
        this.updatedAt = Timestamp.from(now);
    }

    /** The row version. */
    public long version() {
        return version;
    }
}
