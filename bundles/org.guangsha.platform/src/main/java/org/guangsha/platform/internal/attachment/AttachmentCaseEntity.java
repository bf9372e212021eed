package org.guangsha.platform.internal.attachment;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An attachment filed with a case ({@code PLT_ATTACHMENT_CASE}). */
@Entity
@Table(name = "PLT_ATTACHMENT_CASE")
public class AttachmentCaseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ATTACHMENT_ID", length = 36, nullable = false)
    private String attachmentId;

    @Column(name = "CASE_ID", length = 36, nullable = false)
    private String caseId;

    @Column(name = "FILED_AT", nullable = false)
    private Timestamp filedAt;

    @Column(name = "FROZEN_AT")
    private Timestamp frozenAt;

    protected AttachmentCaseEntity() {}

    AttachmentCaseEntity(String id, String attachmentId, String caseId, Instant filedAt) {
        this.id = id;
        this.attachmentId = attachmentId;
        this.caseId = caseId;
        this.filedAt = Timestamp.from(filedAt);
    }

    String attachmentId() {
        return attachmentId;
    }

    void attachmentId(String replacement) {
        attachmentId = replacement;
    }

    String caseId() {
        return caseId;
    }

    boolean frozen() {
        return frozenAt != null;
    }

    void freeze(Instant at) {
        if (frozenAt == null) {
            frozenAt = Timestamp.from(at);
        }
    }
}
