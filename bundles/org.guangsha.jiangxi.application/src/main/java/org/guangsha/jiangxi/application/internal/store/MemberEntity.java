package org.guangsha.jiangxi.application.internal.store;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The applicant or a co-applicant of an application (JX-6) in {@code JX_MEMBER}. */
@Entity
@Table(name = "JX_MEMBER")
public class MemberEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "POSITION")
    private int position;

    @Column(name = "RELATION", length = 10)
    private String relation;

    @Column(name = "NAME", length = 50)
    private String name;

    @Column(name = "ID_NUMBER", length = 18)
    private String idNumber;

    @Column(name = "MOBILE", length = 11)
    private String mobile;

    @Column(name = "MARITAL_STATUS", length = 10)
    private String maritalStatus;

    @Column(name = "EMPLOYMENT_STATUS", length = 15)
    private String employmentStatus;

    @Column(name = "EMPLOYER", length = 100)
    private String employer;

    @Column(name = "OCCUPATION", length = 50)
    private String occupation;

    @Column(name = "MONTHLY_INCOME_FEN")
    private Long monthlyIncomeFen;

    @Column(name = "HUKOU_TYPE", length = 12)
    private String hukouType;

    @Column(name = "HUKOU_ADDRESS", length = 200)
    private String hukouAddress;

    @Column(name = "CURRENT_ADDRESS", length = 200)
    private String currentAddress;

    @Column(name = "HOUSING_SITUATION", length = 20)
    private String housingSituation;

    @Column(name = "LIVING_AREA_M2")
    private BigDecimal livingAreaM2;

    @Column(name = "RESIDENT_SINCE", length = 7)
    private String residentSince;

    /** For JPA. */
    protected MemberEntity() {}

    /** A new row with its key. */
    public MemberEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public void caseId(String value) {
        this.caseId = value;
    }

    public int position() {
        return position;
    }

    public void position(int value) {
        this.position = value;
    }

    public String relation() {
        return relation;
    }

    public void relation(String value) {
        this.relation = value;
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

    public String employmentStatus() {
        return employmentStatus;
    }

    public void employmentStatus(String value) {
        this.employmentStatus = value;
    }

    public String employer() {
        return employer;
    }

    public void employer(String value) {
        this.employer = value;
    }

    public String occupation() {
        return occupation;
    }

    public void occupation(String value) {
        this.occupation = value;
    }

    public Long monthlyIncomeFen() {
        return monthlyIncomeFen;
    }

    public void monthlyIncomeFen(Long value) {
        this.monthlyIncomeFen = value;
    }

    public String hukouType() {
        return hukouType;
    }

    public void hukouType(String value) {
        this.hukouType = value;
    }

    public String hukouAddress() {
        return hukouAddress;
    }

    public void hukouAddress(String value) {
        this.hukouAddress = value;
    }

    public String currentAddress() {
        return currentAddress;
    }

    public void currentAddress(String value) {
        this.currentAddress = value;
    }

    public String housingSituation() {
        return housingSituation;
    }

    public void housingSituation(String value) {
        this.housingSituation = value;
    }

    public BigDecimal livingAreaM2() {
        return livingAreaM2;
    }

    public void livingAreaM2(BigDecimal value) {
        this.livingAreaM2 = value;
    }

    public String residentSince() {
        return residentSince;
    }

    public void residentSince(String value) {
        this.residentSince = value;
    }
}
