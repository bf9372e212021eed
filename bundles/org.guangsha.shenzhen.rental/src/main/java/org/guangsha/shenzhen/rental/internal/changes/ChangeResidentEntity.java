package org.guangsha.shenzhen.rental.internal.changes;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A resident as a change proposes it, in {@code SZR_CHANGE_RESIDENT}. */
@Entity
@Table(name = "SZR_CHANGE_RESIDENT")
public class ChangeResidentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CHANGE_ID", length = 36)
    private String changeId;

    @Column(name = "RESIDENT_ID", length = 36)
    private String residentId;

    @Column(name = "REF", length = 36)
    private String ref;

    @Column(name = "ROLE", length = 12)
    private String role;

    @Column(name = "OCCUPANT_REF", length = 36)
    private String occupantRef;

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
    protected ChangeResidentEntity() {}

    /** A new row with its id. */
    public ChangeResidentEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String changeId() {
        return changeId;
    }

    public void changeId(String value) {
        this.changeId = value;
    }

    public String residentId() {
        return residentId;
    }

    public void residentId(String value) {
        this.residentId = value;
    }

    public String ref() {
        return ref;
    }

    public void ref(String value) {
        this.ref = value;
    }

    public String role() {
        return role;
    }

    public void role(String value) {
        this.role = value;
    }

    public String occupantRef() {
        return occupantRef;
    }

    public void occupantRef(String value) {
        this.occupantRef = value;
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
