package org.guangsha.shenzhen.rental.internal.changes;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.guangsha.shenzhen.rental.internal.store.ApplicationEntity;

/** A proposed change of a lease's residents (SZ-3, SZ-5) in {@code SZR_CHANGE}. */
@Entity
@Table(name = "SZR_CHANGE")
public class ChangeEntity extends ApplicationEntity {

    @Column(name = "LEASE_ID", length = 36)
    private String leaseId;

    @Column(name = "KIND", length = 10)
    private String kind;

    @Column(name = "DISTRICT_CODE", length = 6)
    private String districtCode;

    @Column(name = "OPEN_KEY", length = 36)
    private String openKey;

    @Column(name = "MOBILE", length = 11)
    private String mobile;

    @Column(name = "MARITAL_STATUS", length = 10)
    private String maritalStatus;

    @Column(name = "REASON", length = 200)
    private String reason;

    @Column(name = "NOTICE_DOCUMENT_ID", length = 36)
    private String noticeDocumentId;

    /** For JPA. */
    protected ChangeEntity() {}

    /** A new row with its id. */
    public ChangeEntity(String id) {
        super(id);
    }

    public String leaseId() {
        return leaseId;
    }

    public void leaseId(String value) {
        this.leaseId = value;
    }

    public String kind() {
        return kind;
    }

    public void kind(String value) {
        this.kind = value;
    }

    public String districtCode() {
        return districtCode;
    }

    public void districtCode(String value) {
        this.districtCode = value;
    }

    public String openKey() {
        return openKey;
    }

    public void openKey(String value) {
        this.openKey = value;
    }

    public String mobile() {
        return mobile;
    }

    public void mobile(String value) {
        this.mobile = value;
    }

    public String maritalStatus() {
        return maritalStatus;
    }

    public void maritalStatus(String value) {
        this.maritalStatus = value;
    }

    public String reason() {
        return reason;
    }

    public void reason(String value) {
        this.reason = value;
    }

    public String noticeDocumentId() {
        return noticeDocumentId;
    }

    public void noticeDocumentId(String value) {
        this.noticeDocumentId = value;
    }
}
