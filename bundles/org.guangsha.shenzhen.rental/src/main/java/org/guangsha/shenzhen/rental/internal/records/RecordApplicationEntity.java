package org.guangsha.shenzhen.rental.internal.records;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.guangsha.shenzhen.rental.internal.store.ApplicationEntity;

/**
 * An application for the policy-housing record certificate ({@code SZR_RECORD_APPLICATION}, SZ-6).
 */
@Entity
@Table(name = "SZR_RECORD_APPLICATION")
public class RecordApplicationEntity extends ApplicationEntity {

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "PERIOD")
    private String period;

    @Column(name = "PURPOSE")
    private String purpose;

    @Column(name = "PURCHASES")
    private int purchases;

    @Column(name = "REGION_CODE")
    private String regionCode;

    @Column(name = "DOCUMENT_ID")
    private String documentId;

    /** For JPA. */
    protected RecordApplicationEntity() {}

    /** A new row with its id. */
    public RecordApplicationEntity(String id) {
        super(id);
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String period() {
        return period;
    }

    public void period(String value) {
        this.period = value;
    }

    public String purpose() {
        return purpose;
    }

    public void purpose(String value) {
        this.purpose = value;
    }

    public int purchases() {
        return purchases;
    }

    public void purchases(int value) {
        this.purchases = value;
    }

    public String regionCode() {
        return regionCode;
    }

    public void regionCode(String value) {
        this.regionCode = value;
    }

    public String documentId() {
        return documentId;
    }

    public void documentId(String value) {
        this.documentId = value;
    }
}
