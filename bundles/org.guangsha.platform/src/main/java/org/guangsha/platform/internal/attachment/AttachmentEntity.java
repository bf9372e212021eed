package org.guangsha.platform.internal.attachment;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.attachment.Attachment;

/** A stored file ({@code PLT_ATTACHMENT}). */
@Entity
@Table(name = "PLT_ATTACHMENT")
public class AttachmentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "OWNER_ID", length = 36, nullable = false)
    private String ownerId;

    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;

    @Column(name = "FILE_NAME", length = 200, nullable = false)
    private String fileName;

    @Column(name = "MEDIA_TYPE", length = 40, nullable = false)
    private String mediaType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "SHA256", length = 64, nullable = false)
    private String sha256;

    @Column(name = "SOURCE", length = 60, nullable = false)
    private String source;

    @Column(name = "SUBJECT_NAME", length = 100)
    private String subjectName;

    @Column(name = "SUBJECT_KEY", length = 64)
    private String subjectKey;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "FROZEN_AT")
    private Timestamp frozenAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected AttachmentEntity() {}

    AttachmentEntity(
            String id,
            String ownerId,
            String kind,
            String fileName,
            String mediaType,
            long size,
            String sha256,
            String source,
            String subjectName,
            String subjectKey,
            Instant createdAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.kind = kind;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.source = source;
        this.subjectName = subjectName;
        this.subjectKey = subjectKey;
        this.createdAt = Timestamp.from(createdAt);
    }

    /** The API view. */
    public Attachment view() {
        return new Attachment(
                id,
                ownerId,
                kind,
                fileName,
                mediaType,
                size,
                sha256,
                source,
                subjectName,
                createdAt.toInstant(),
                frozenAt != null);
    }

    String id() {
        return id;
    }

    String ownerId() {
        return ownerId;
    }

    String kind() {
        return kind;
    }

    String sha256() {
        return sha256;
    }

    String source() {
        return source;
    }

    String subjectKey() {
        return subjectKey;
    }

    boolean frozen() {
        return frozenAt != null;
    }

    void replaceContent(
            String newFileName, String newMediaType, long newSize, String newHash, Instant at) {
        fileName = newFileName;
        mediaType = newMediaType;
        size = newSize;
        sha256 = newHash;
        createdAt = Timestamp.from(at);
    }

    void freeze(Instant at) {
        if (frozenAt == null) {
            frozenAt = Timestamp.from(at);
        }
    }
}
