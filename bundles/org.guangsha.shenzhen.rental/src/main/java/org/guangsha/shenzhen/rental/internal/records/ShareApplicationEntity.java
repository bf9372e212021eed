package org.guangsha.shenzhen.rental.internal.records;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.guangsha.shenzhen.rental.internal.store.ApplicationEntity;

/** An application for property-share information ({@code SZR_SHARE_APPLICATION}, SZ-7). */
@Entity
@Table(name = "SZR_SHARE_APPLICATION")
public class ShareApplicationEntity extends ApplicationEntity {

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "OPEN_KEY")
    private String openKey;

    @Column(name = "PROJECT")
    private String project;

    @Column(name = "ADDRESS")
    private String address;

    @Column(name = "DISTRICT_CODE")
    private String districtCode;

    @Column(name = "CERTIFICATE_NO")
    private String certificateNo;

    @Column(name = "CONTRACT_NO")
    private String contractNo;

    @Column(name = "AREA_M2")
    private BigDecimal areaM2;

    @Column(name = "OWNER_SHARE_BP")
    private int ownerShareBp;

    @Column(name = "SHARE_ID")
    private String shareId;

    /** For JPA. */
    protected ShareApplicationEntity() {}

    /** A new row with its id. */
    public ShareApplicationEntity(String id) {
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

    public String project() {
        return project;
    }

    public void project(String value) {
        this.project = value;
    }

    public String address() {
        return address;
    }

    public void address(String value) {
        this.address = value;
    }

    public String districtCode() {
        return districtCode;
    }

    public void districtCode(String value) {
        this.districtCode = value;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public void certificateNo(String value) {
        this.certificateNo = value;
    }

    public String contractNo() {
        return contractNo;
    }

    public void contractNo(String value) {
        this.contractNo = value;
    }

    public BigDecimal areaM2() {
        return areaM2;
    }

    public void areaM2(BigDecimal value) {
        this.areaM2 = value;
    }

    public int ownerShareBp() {
        return ownerShareBp;
    }

    public void ownerShareBp(int value) {
        this.ownerShareBp = value;
    }

    public String shareId() {
        return shareId;
    }

    public void shareId(String value) {
        this.shareId = value;
    }
}
