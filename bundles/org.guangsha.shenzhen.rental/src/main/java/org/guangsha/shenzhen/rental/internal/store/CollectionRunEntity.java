package org.guangsha.shenzhen.rental.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A bank collection run (银行托收, SZ-4 d) in {@code SZR_COLLECTION_RUN}. */
@Entity
@Table(name = "SZR_COLLECTION_RUN")
public class CollectionRunEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "STARTS_AT")
    private Timestamp startsAt;

    @Column(name = "ENDS_AT")
    private Timestamp endsAt;

    @Column(name = "DESCRIPTION", length = 200)
    private String description;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    /** For JPA. */
    protected CollectionRunEntity() {}

    /** A new row with its id. */
    public CollectionRunEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Instant startsAt() {
        return startsAt == null ? null : startsAt.toInstant();
    }

    public void startsAt(Instant value) {
        this.startsAt = value == null ? null : Timestamp.from(value);
    }

    public Instant endsAt() {
        return endsAt == null ? null : endsAt.toInstant();
    }

    public void endsAt(Instant value) {
        this.endsAt = value == null ? null : Timestamp.from(value);
    }

    public String description() {
        return description;
    }

    public void description(String value) {
        this.description = value;
    }

    public String createdBy() {
        return createdBy;
    }

    public void createdBy(String value) {
        this.createdBy = value;
    }

    public Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void createdAt(Instant value) {
        this.createdAt = value == null ? null : Timestamp.from(value);
    }
}
