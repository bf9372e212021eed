package org.guangsha.platform.internal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.Channel;

/** A case ({@code PLT_CASE}). */
@Entity
@Table(name = "PLT_CASE")
public class CaseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CASE_NUMBER", length = 30, nullable = false)
    private String number;

    @Column(name = "TYPE_ID", length = 60, nullable = false)
    private String typeId;

    @Column(name = "APPLICANT_ID", length = 36, nullable = false)
    private String applicantId;

    @Column(name = "REGION_CODE", length = 12, nullable = false)
    private String regionCode;

    @Column(name = "CHANNEL", length = 10, nullable = false)
    private String channel;

    @Column(name = "FILED_BY", length = 36)
    private String filedBy;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "LEVEL_NO", nullable = false)
    private int level;

    @Column(name = "ASSIGNEE_ID", length = 36)
    private String assigneeId;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "SUBMITTED_AT")
    private Timestamp submittedAt;

    @Column(name = "CLOSED_AT")
    private Timestamp closedAt;

    @Column(name = "WITHDRAW_TOKEN_HASH", length = 64)
    private String withdrawTokenHash;

    @Column(name = "WITHDRAW_TOKEN_EXPIRES")
    private Timestamp withdrawTokenExpires;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    protected CaseEntity() {}

    CaseEntity(
            String id,
            String number,
            String typeId,
            String applicantId,
            String regionCode,
            Channel channel,
            String filedBy,
            Instant now) {
        this.id = id;
        this.number = number;
        this.typeId = typeId;
        this.applicantId = applicantId;
        this.regionCode = regionCode;
        this.channel = channel.name();
        this.filedBy = filedBy;
        this.status = CaseStatus.DRAFT.name();
        this.createdAt = Timestamp.from(now);
        this.updatedAt = Timestamp.from(now);
    }

    /** The API view. */
    CaseRecord view() {
        return new CaseRecord(
                id,
                number,
                typeId,
                applicantId,
                regionCode,
                Channel.valueOf(channel),
                filedBy,
                status(),
                level,
                assigneeId,
                version,
                createdAt.toInstant(),
                submittedAt == null ? null : submittedAt.toInstant(),
                closedAt == null ? null : closedAt.toInstant());
    }

    String id() {
        return id;
    }

    String typeId() {
        return typeId;
    }

    String applicantId() {
        return applicantId;
    }

    String regionCode() {
        return regionCode;
    }

    CaseStatus status() {
        return CaseStatus.valueOf(status);
    }

    int level() {
        return level;
    }

    String assigneeId() {
        return assigneeId;
    }

    long version() {
        return version;
    }

    String withdrawTokenHash() {
        return withdrawTokenHash;
    }

    Instant withdrawTokenExpires() {
        return withdrawTokenExpires == null ? null : withdrawTokenExpires.toInstant();
    }

    void moveTo(CaseStatus next, int nextLevel, String assignee, Instant now) {
        status = next.name();
        level = nextLevel;
        assigneeId = assignee;
        updatedAt = Timestamp.from(now);
        if (next == CaseStatus.SUBMITTED) {
            submittedAt = Timestamp.from(now);
        }
        if (next.closed()) {
            closedAt = Timestamp.from(now);
        }
    }

    void touch(Instant now) {
        updatedAt = Timestamp.from(now);
    }

    void withdrawToken(String hash, Instant expires) {
        withdrawTokenHash = hash;
        withdrawTokenExpires = expires == null ? null : Timestamp.from(expires);
    }
}
