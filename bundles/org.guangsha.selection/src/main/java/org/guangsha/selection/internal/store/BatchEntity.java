package org.guangsha.selection.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A selection batch (选房批次, S-1) in {@code SEL_BATCH}. */
@Entity
@Table(name = "SEL_BATCH")
public class BatchEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CODE", length = 40, nullable = false)
    private String code;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "REGION_CODE", length = 12, nullable = false)
    private String regionCode;

    @Column(name = "PRESELECT_STARTS_AT", nullable = false)
    private Timestamp preselectStartsAt;

    @Column(name = "CART_SIZE", nullable = false)
    private int cartSize;

    @Column(name = "WINDOW_SECONDS", nullable = false)
    private int windowSeconds;

    @Column(name = "SOURCE", length = 40, nullable = false)
    private String source;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected BatchEntity() {}

    /** A new row with its id. */
    public BatchEntity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public void code(String value) {
        this.code = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public String regionCode() {
        return regionCode;
    }

    public void regionCode(String value) {
        this.regionCode = value;
    }

    public Instant preselectStartsAt() {
        return preselectStartsAt == null ? null : preselectStartsAt.toInstant();
    }

    public void preselectStartsAt(Instant value) {
        this.preselectStartsAt = value == null ? null : Timestamp.from(value);
    }

    public int cartSize() {
        return cartSize;
    }

    public void cartSize(int value) {
        this.cartSize = value;
    }

    public int windowSeconds() {
        return windowSeconds;
    }

    public void windowSeconds(int value) {
        this.windowSeconds = value;
    }

    public String source() {
        return source;
    }

    public void source(String value) {
        this.source = value;
    }

    public Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void createdAt(Instant value) {
        this.createdAt = value == null ? null : Timestamp.from(value);
    }

    public String createdBy() {
        return createdBy;
    }

    public void createdBy(String value) {
        this.createdBy = value;
    }

    /** The row version. */
    public long version() {
        return version;
    }
}
