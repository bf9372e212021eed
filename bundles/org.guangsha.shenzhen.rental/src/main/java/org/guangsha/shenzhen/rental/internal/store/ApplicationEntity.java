package org.guangsha.shenzhen.rental.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * The columns every application of the line shares (records, shares, powers of attorney, renewals,
 * changes): its id, who applied, its core case, its status, when it was made and changed, and the
 * row version that makes concurrent updates fail instead of overwrite.
 */
@MappedSuperclass
public abstract class ApplicationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID")
    private String accountId;

    @Column(name = "CASE_ID")
    private String caseId;

    @Column(name = "STATUS")
    private String status;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected ApplicationEntity() {}

    /** A new row with its id. */
    protected ApplicationEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public void accountId(String value) {
        this.accountId = value;
    }

    public String caseId() {
        return caseId;
    }

    public void caseId(String value) {
        this.caseId = value;
    }

    public String status() {
        return status;
    }

    public void status(String value) {
        this.status = value;
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

    public long version() {
        return version;
    }
}
