package org.guangsha.platform.internal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseStatus;

/** One timeline entry ({@code PLT_CASE_EVENT}). */
@Entity
@Table(name = "PLT_CASE_EVENT")
public class CaseEventEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CASE_ID", length = 36, nullable = false)
    private String caseId;

    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Column(name = "EVENT_TYPE", length = 40, nullable = false)
    private String type;

    @Column(name = "EVENT_AT", nullable = false)
    private Timestamp at;

    @Column(name = "ACTOR_ID", length = 36)
    private String actorId;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "LEVEL_NO", nullable = false)
    private int level;

    @Column(name = "REMARK", length = 1000)
    private String remark;

    @Column(name = "FIELD_REMARKS", length = 4000)
    private String fieldRemarks;

    protected CaseEventEntity() {}

    CaseEventEntity(
            String id,
            String caseId,
            int seq,
            String type,
            Instant at,
            String actorId,
            CaseStatus status,
            int level,
            String remark,
            String fieldRemarksJson) {
        this.id = id;
        this.caseId = caseId;
        this.seq = seq;
        this.type = type;
        this.at = Timestamp.from(at);
        this.actorId = actorId;
        this.status = status.name();
        this.level = level;
        this.remark = remark;
        this.fieldRemarks = fieldRemarksJson;
    }

    CaseEvent view(Map<String, String> remarks) {
        return new CaseEvent(
                type, at.toInstant(), actorId, CaseStatus.valueOf(status), level, remark, remarks);
    }

    String fieldRemarksJson() {
        return fieldRemarks;
    }

    /** Withdrawal (C-3): what the applicant or caseworkers wrote about the case is erased. */
    void erase() {
        remark = remark == null ? null : "（已清除 erased）";
        fieldRemarks = null;
    }
}
