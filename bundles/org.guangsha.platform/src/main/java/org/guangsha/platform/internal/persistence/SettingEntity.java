package org.guangsha.platform.internal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** One platform-wide setting kept in the database, shared by every node ({@code PLT_SETTING}). */
@Entity
@Table(name = "PLT_SETTING")
public class SettingEntity {

    @Id
    @Column(name = "SETTING_KEY", length = 100)
    private String key;

    @Column(name = "SETTING_VALUE", length = 2000, nullable = false)
    private String value;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected SettingEntity() {}

    /** A new setting. */
    public SettingEntity(String key, String value, Instant updatedAt) {
        this.key = key;
        this.value = value;
        this.updatedAt = Timestamp.from(updatedAt);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
