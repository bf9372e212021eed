package org.guangsha.shenzhen.rental.internal.renewal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.guangsha.shenzhen.rental.internal.store.ApplicationEntity;

/** A lease renewal ({@code SZR_RENEWAL}, SZ-2 b, c) walked step by step, one open per lease. */
@Entity
@Table(name = "SZR_RENEWAL")
public class RenewalEntity extends ApplicationEntity {

    @Column(name = "LEASE_ID")
    private String leaseId;

    @Column(name = "OPEN_KEY")
    private String openKey;

    @Column(name = "TRACK")
    private String track;

    @Column(name = "CHECK_ID")
    private String checkId;

    @Column(name = "MARITAL_STATUS")
    private String maritalStatus;

    @Column(name = "ID_FRONT_ID")
    private String idFrontId;

    @Column(name = "ID_BACK_ID")
    private String idBackId;

    @Column(name = "REGION_CODE")
    private String regionCode;

    @Column(name = "SIGNING_ID")
    private String signingId;

    @Column(name = "CONTRACT_DOCUMENT_ID")
    private String contractDocumentId;

    @Column(name = "CONTRACT_CASE_ID")
    private String contractCaseId;

    @Column(name = "OLD_END_DATE")
    private Date oldEndDate;

    @Column(name = "NEW_END_DATE")
    private Date newEndDate;

    @Column(name = "DECLARED_AT")
    private Timestamp declaredAt;

    @Column(name = "CONFIRMED_AT")
    private Timestamp confirmedAt;

    @Column(name = "SUBMITTED_AT")
    private Timestamp submittedAt;

    @Column(name = "SIGNED_AT")
    private Timestamp signedAt;

    @Column(name = "RENEWED_AT")
    private Timestamp renewedAt;

    /** For JPA. */
    protected RenewalEntity() {}

    /** A new row. */
    public RenewalEntity(String id) {
        super(id);
    }

    public String leaseId() {
        return leaseId;
    }

    public void leaseId(String value) {
        this.leaseId = value;
    }

    public String openKey() {
        return openKey;
    }

    public void openKey(String value) {
        this.openKey = value;
    }

    public String track() {
        return track;
    }

    public void track(String value) {
        this.track = value;
    }

    public String checkId() {
        return checkId;
    }

    public void checkId(String value) {
        this.checkId = value;
    }

    public String maritalStatus() {
        return maritalStatus;
    }

    public void maritalStatus(String value) {
        this.maritalStatus = value;
    }

    public String idFrontId() {
        return idFrontId;
    }

    public void idFrontId(String value) {
        this.idFrontId = value;
    }

    public String idBackId() {
        return idBackId;
    }

    public void idBackId(String value) {
        this.idBackId = value;
    }

    public String regionCode() {
        return regionCode;
    }

    public void regionCode(String value) {
        this.regionCode = value;
    }

    public String signingId() {
        return signingId;
    }

    public void signingId(String value) {
        this.signingId = value;
    }

    public String contractDocumentId() {
        return contractDocumentId;
    }

    public void contractDocumentId(String value) {
        this.contractDocumentId = value;
    }

    public String contractCaseId() {
        return contractCaseId;
    }

    public void contractCaseId(String value) {
        this.contractCaseId = value;
    }

    public LocalDate oldEndDate() {
        return oldEndDate == null ? null : oldEndDate.toLocalDate();
    }

    public void oldEndDate(LocalDate value) {
        this.oldEndDate = value == null ? null : Date.valueOf(value);
    }

    public LocalDate newEndDate() {
        return newEndDate == null ? null : newEndDate.toLocalDate();
    }

    public void newEndDate(LocalDate value) {
        this.newEndDate = value == null ? null : Date.valueOf(value);
    }

    public Instant declaredAt() {
        return declaredAt == null ? null : declaredAt.toInstant();
    }

    public void declaredAt(Instant value) {
        this.declaredAt = value == null ? null : Timestamp.from(value);
    }

    public Instant confirmedAt() {
        return confirmedAt == null ? null : confirmedAt.toInstant();
    }

    public void confirmedAt(Instant value) {
        this.confirmedAt = value == null ? null : Timestamp.from(value);
    }

    public Instant submittedAt() {
        return submittedAt == null ? null : submittedAt.toInstant();
    }

    public void submittedAt(Instant value) {
        this.submittedAt = value == null ? null : Timestamp.from(value);
    }

    public Instant signedAt() {
        return signedAt == null ? null : signedAt.toInstant();
    }

    public void signedAt(Instant value) {
        this.signedAt = value == null ? null : Timestamp.from(value);
    }

    public Instant renewedAt() {
        return renewedAt == null ? null : renewedAt.toInstant();
    }

    public void renewedAt(Instant value) {
        this.renewedAt = value == null ? null : Timestamp.from(value);
    }
}
