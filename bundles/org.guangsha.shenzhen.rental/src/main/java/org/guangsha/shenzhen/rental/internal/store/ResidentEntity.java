package org.guangsha.shenzhen.rental.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A co-resident or an occupant of a leased home in {@code SZR_RESIDENT}. */
@Entity
@Table(name = "SZR_RESIDENT")
public class ResidentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LEASE_ID", length = 36)
    private String leaseId;

    @Column(name = "ROLE", length = 12)
    private String role;

    @Column(name = "OCCUPANT_ID", length = 36)
    private String occupantId;

    @Column(name = "NAME", length = 50)
    private String name;

    @Column(name = "ID_NUMBER", length = 18)
    private String idNumber;

    @Column(name = "RELATION", length = 10)
    private String relation;

    @Column(name = "MOBILE", length = 11)
    private String mobile;

    @Column(name = "POSITION")
    private int position;

    /** For JPA. */
    protected ResidentEntity() {}

    /** A new row with its id. */
    public ResidentEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String leaseId() {
        return leaseId;
    }

    public void leaseId(String value) {
        this.leaseId = value;
    }

    public String role() {
        return role;
    }

    public void role(String value) {
        this.role = value;
    }

    public String occupantId() {
        return occupantId;
    }

    public void occupantId(String value) {
        this.occupantId = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String relation() {
        return relation;
    }

    public void relation(String value) {
        this.relation = value;
    }

    public String mobile() {
        return mobile;
    }

    public void mobile(String value) {
        this.mobile = value;
    }

    public int position() {
        return position;
    }

    public void position(int value) {
        this.position = value;
    }
}
