package org.guangsha.shenzhen.rental.internal.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A public-rental home (项目, 栋, 房号) in {@code SZR_HOME}. */
@Entity
@Table(name = "SZR_HOME")
public class HomeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "HOME_CODE", length = 40)
    private String homeCode;

    @Column(name = "PROJECT", length = 100)
    private String project;

    @Column(name = "BUILDING", length = 40)
    private String building;

    @Column(name = "ROOM", length = 20)
    private String room;

    @Column(name = "ADDRESS", length = 200)
    private String address;

    @Column(name = "DISTRICT_CODE", length = 6)
    private String districtCode;

    @Column(name = "AREA_M2")
    private BigDecimal areaM2;

    @Column(name = "LAYOUT", length = 40)
    private String layout;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    /** For JPA. */
    protected HomeEntity() {}

    /** A new row with its id. */
    public HomeEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String homeCode() {
        return homeCode;
    }

    public void homeCode(String value) {
        this.homeCode = value;
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

    public String room() {
        return room;
    }

    public void room(String value) {
        this.room = value;
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

    public BigDecimal areaM2() {
        return areaM2;
    }

    public void areaM2(BigDecimal value) {
        this.areaM2 = value;
    }

    public String layout() {
        return layout;
    }

    public void layout(String value) {
        this.layout = value;
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
}
