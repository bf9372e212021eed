package org.guangsha.jiangxi.application.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An attachment filed for one material of an application (JX-8) in {@code JX_MATERIAL}. */
@Entity
@Table(name = "JX_MATERIAL")
public class MaterialEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CASE_ID", length = 36)
    private String caseId;

    @Column(name = "MATERIAL_CODE", length = 40)
    private String materialCode;

    @Column(name = "MEMBER_ID", length = 36)
    private String memberId;

    @Column(name = "ATTACHMENT_ID", length = 36)
    private String attachmentId;

    @Column(name = "FILED_BY", length = 36)
    private String filedBy;

    @Column(name = "FILED_AT")
    private Timestamp filedAt;

    /** For JPA. */
    protected MaterialEntity() {}

    /** A new row with its key. */
    public MaterialEntity(String id) {
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

    public String materialCode() {
        return materialCode;
    }

    public void materialCode(String value) {
        this.materialCode = value;
    }

    public String memberId() {
        return memberId;
    }

    public void memberId(String value) {
        this.memberId = value;
    }

    public String attachmentId() {
        return attachmentId;
    }

    public void attachmentId(String value) {
        this.attachmentId = value;
    }

    public String filedBy() {
        return filedBy;
    }

    public void filedBy(String value) {
        this.filedBy = value;
    }

    public Instant filedAt() {
        return filedAt == null ? null : filedAt.toInstant();
    }

    public void filedAt(Instant value) {
        this.filedAt = value == null ? null : Timestamp.from(value);
    }
}
