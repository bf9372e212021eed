package org.guangsha.platform.internal.persistence;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One applied migration, as {@link SchemaMigrator} recorded it. Read-only for JPA: only the
 * migrator writes this table, with plain JDBC, because it runs before any persistence unit may.
 */
@Entity
@Table(name = SchemaMigrator.HISTORY_TABLE)
@IdClass(SchemaHistoryEntity.Key.class)
public class SchemaHistoryEntity {

    @Id
    @Column(name = "MODULE_ID", length = 64)
    private String module;

    @Id
    @Column(name = "VERSION")
    private int version;

    @Column(name = "DESCRIPTION", length = 200)
    private String description;

    @Column(name = "CHECKSUM", length = 64)
    private String checksum;

    @Column(name = "INSTALLED_AT")
    private Timestamp installedAt;

    @Column(name = "EXECUTION_MS")
    private long executionMs;

    protected SchemaHistoryEntity() {}

    public String module() {
        return module;
    }

    public int version() {
        return version;
    }

    public String description() {
        return description;
    }

    public Instant installedAt() {
        return installedAt.toInstant();
    }

    public long executionMs() {
        return executionMs;
    }

    /** Composite key: module and version. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String module;
        private int version;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.module, module);
        }

        @Override
        public int hashCode() {
            return Objects.hash(module, version);
        }
    }
}
