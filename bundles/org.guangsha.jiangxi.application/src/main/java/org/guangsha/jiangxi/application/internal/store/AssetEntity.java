package org.guangsha.jiangxi.application.internal.store;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A vehicle, a piece of real estate or a business registration of a family (JX-7) in {@code
 * JX_ASSET}.
 */
@Entity
@Table(name = "JX_ASSET")
public class AssetEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "KIND", length = 12)
    private String kind;

    @Column(name = "POSITION")
    private int position;

    @Column(name = "OWNER_NAME", length = 50)
    private String ownerName;

    @Column(name = "DESCRIPTION", length = 200)
    private String description;

    @Column(name = "REFERENCE", length = 60)
    private String reference;

    @Column(name = "AREA_M2")
    private BigDecimal areaM2;

    @Column(name = "VALUE_FEN")
    private Long valueFen;

    /** For JPA. */
    protected AssetEntity() {}

    /** A new row with its key. */
    public AssetEntity(String id) {
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

    public String kind() {
        return kind;
    }

    public void kind(String value) {
        this.kind = value;
    }

    public int position() {
        return position;
    }

    public void position(int value) {
        this.position = value;
    }

    public String ownerName() {
        return ownerName;
    }

    public void ownerName(String value) {
        this.ownerName = value;
    }

    public String description() {
        return description;
    }

    public void description(String value) {
        this.description = value;
    }

    public String reference() {
        return reference;
    }

    public void reference(String value) {
        this.reference = value;
    }

    public BigDecimal areaM2() {
        return areaM2;
    }

    public void areaM2(BigDecimal value) {
        this.areaM2 = value;
    }

    public Long valueFen() {
        return valueFen;
    }

    public void valueFen(Long value) {
        this.valueFen = value;
    }
}
