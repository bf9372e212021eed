package org.guangsha.shenzhen.rental.internal.records;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A policy-housing purchase the city holds ({@code SZR_POLICY_PURCHASE}, SZ-6). */
@Entity
@Table(name = "SZR_POLICY_PURCHASE")
public class PolicyPurchaseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ID_NUMBER")
    private String idNumber;

    @Column(name = "NAME")
    private String name;

    @Column(name = "HOUSING_TYPE")
    private String housingType;

    @Column(name = "PROJECT")
    private String project;

    @Column(name = "ADDRESS")
    private String address;

    @Column(name = "DISTRICT_CODE")
    private String districtCode;

    @Column(name = "PURCHASED_ON")
    private Date purchasedOn;

    @Column(name = "CONTRACT_NO")
    private String contractNo;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    /** For JPA. */
    protected PolicyPurchaseEntity() {}

    /** A new row with its id. */
    public PolicyPurchaseEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String idNumber() {
        return idNumber;
    }

    public void idNumber(String value) {
        this.idNumber = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public String housingType() {
        return housingType;
    }

    public void housingType(String value) {
        this.housingType = value;
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

    public LocalDate purchasedOn() {
        return purchasedOn == null ? null : purchasedOn.toLocalDate();
    }

    public void purchasedOn(LocalDate value) {
        this.purchasedOn = value == null ? null : Date.valueOf(value);
    }

    public String contractNo() {
        return contractNo;
    }

    public void contractNo(String value) {
        this.contractNo = value;
    }

    public Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void createdAt(Instant value) {
        this.createdAt = value == null ? null : Timestamp.from(value);
    }
}
