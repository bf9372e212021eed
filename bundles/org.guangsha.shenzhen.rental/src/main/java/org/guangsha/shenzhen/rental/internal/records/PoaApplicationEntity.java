package org.guangsha.shenzhen.rental.internal.records;

import java.sql.Date;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.guangsha.shenzhen.rental.internal.store.ApplicationEntity;

/** An application for a power of attorney ({@code SZR_POA_APPLICATION}, SZ-8). */
@Entity
@Table(name = "SZR_POA_APPLICATION")
public class PoaApplicationEntity extends ApplicationEntity {

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "OPEN_KEY")
    private String openKey;

    @Column(name = "PRINCIPAL_ADDRESS")
    private String principalAddress;

    @Column(name = "AGENT_NAME")
    private String agentName;

    @Column(name = "AGENT_ID_NUMBER")
    private String agentIdNumber;

    @Column(name = "AGENT_PHONE")
    private String agentPhone;

    @Column(name = "AGENT_RELATION")
    private String agentRelation;

    @Column(name = "REGISTRATION_TYPE")
    private String registrationType;

    @Column(name = "REASON")
    private String reason;

    @Column(name = "MATTERS")
    private String matters;

    @Column(name = "PROPERTY_ADDRESS")
    private String propertyAddress;

    @Column(name = "CERTIFICATE_NO")
    private String certificateNo;

    @Column(name = "DISTRICT_CODE")
    private String districtCode;

    @Column(name = "POA_DOCUMENT_ID")
    private String poaDocumentId;

    @Column(name = "FORM_DOCUMENT_ID")
    private String formDocumentId;

    @Column(name = "VALID_UNTIL")
    private Date validUntil;

    /** For JPA. */
    protected PoaApplicationEntity() {}

    /** A new row with its id. */
    public PoaApplicationEntity(String id) {
        super(id);
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String openKey() {
        return openKey;
    }

    public void openKey(String value) {
        this.openKey = value;
    }

    public String principalAddress() {
        return principalAddress;
    }

    public void principalAddress(String value) {
        this.principalAddress = value;
    }

    public String agentName() {
        return agentName;
    }

    public void agentName(String value) {
        this.agentName = value;
    }

    public String agentIdNumber() {
        return agentIdNumber;
    }

    public void agentIdNumber(String value) {
        this.agentIdNumber = value;
    }

    public String agentPhone() {
        return agentPhone;
    }

    public void agentPhone(String value) {
        this.agentPhone = value;
    }

    public String agentRelation() {
        return agentRelation;
    }

    public void agentRelation(String value) {
        this.agentRelation = value;
    }

    public String registrationType() {
        return registrationType;
    }

    public void registrationType(String value) {
        this.registrationType = value;
    }

    public String reason() {
        return reason;
    }

    public void reason(String value) {
        this.reason = value;
    }

    public String matters() {
        return matters;
    }

    public void matters(String value) {
        this.matters = value;
    }

    public String propertyAddress() {
        return propertyAddress;
    }

    public void propertyAddress(String value) {
        this.propertyAddress = value;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public void certificateNo(String value) {
        this.certificateNo = value;
    }

    public String districtCode() {
        return districtCode;
    }

    public void districtCode(String value) {
        this.districtCode = value;
    }

    public String poaDocumentId() {
        return poaDocumentId;
    }

    public void poaDocumentId(String value) {
        this.poaDocumentId = value;
    }

    public String formDocumentId() {
        return formDocumentId;
    }

    public void formDocumentId(String value) {
        this.formDocumentId = value;
    }

    public LocalDate validUntil() {
        return validUntil == null ? null : validUntil.toLocalDate();
    }

    public void validUntil(LocalDate value) {
        this.validUntil = value == null ? null : Date.valueOf(value);
    }
}
