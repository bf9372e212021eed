package org.guangsha.selection.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A unit of a batch's pool (房源) in {@code SEL_UNIT}; whether it is taken is {@code
 * SEL_ALLOCATION}'s to say.
 */
@Entity
@Table(name = "SEL_UNIT")
public class UnitEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "BATCH_ID", length = 36, nullable = false)
    private String batchId;

    @Column(name = "CODE", length = 40, nullable = false)
    private String code;

    @Column(name = "PROJECT", length = 100)
    private String project;

    @Column(name = "BUILDING", length = 40, nullable = false)
    private String building;

    @Column(name = "UNIT_TYPE", length = 40, nullable = false)
    private String unitType;

    @Column(name = "ORIENTATION", length = 20, nullable = false)
    private String orientation;

    @Column(name = "ROOM_NUMBER", length = 20, nullable = false)
    private String roomNumber;

    @Column(name = "FLOOR", nullable = false)
    private int floor;

    @Column(name = "AREA_CENTI_M2", nullable = false)
    private int areaCentiM2;

    @Column(name = "RENT_FEN", nullable = false)
    private long rentFen;

    @Column(name = "ADDRESS", length = 200)
    private String address;

    /** For JPA. */
    protected UnitEntity() {}

    /** A new row with its id. */
    public UnitEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String batchId() {
        return batchId;
    }

    public void batchId(String value) {
        this.batchId = value;
    }

    public String code() {
        return code;
    }

    public void code(String value) {
        this.code = value;
    }

    public String project() {
        return project;
    }

    public void project(String value) {
        this.project = value;
    }

    public String building() {
        return building;
    }

    public void building(String value) {
        this.building = value;
    }

    public String unitType() {
        return unitType;
    }

    public void unitType(String value) {
        this.unitType = value;
    }

    public String orientation() {
        return orientation;
    }

    public void orientation(String value) {
        this.orientation = value;
    }

    public String roomNumber() {
        return roomNumber;
    }

    public void roomNumber(String value) {
        this.roomNumber = value;
    }

    public int floor() {
        return floor;
    }

    public void floor(int value) {
        this.floor = value;
    }

    public int areaCentiM2() {
        return areaCentiM2;
    }

    public void areaCentiM2(int value) {
        this.areaCentiM2 = value;
    }

    public long rentFen() {
        return rentFen;
    }

    public void rentFen(long value) {
        this.rentFen = value;
    }

    public String address() {
        return address;
    }

    public void address(String value) {
        this.address = value;
    }
}
