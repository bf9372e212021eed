package org.guangsha.platform.internal.platform;

import java.time.OffsetDateTime;

/**
 * What {@code GET /api/platform/health} answers.
 *
 * @param status {@code UP} or {@code DOWN}
 * @param version the platform's version
 * @param database whether the database answers and its schema is migrated
 * @param checkedAt when this was checked, in the city's zone
 */
public record Health(String status, String version, Database database, OffsetDateTime checkedAt) {

    /**
     * The database part of the health answer.
     *
     * @param reachable whether a connection could be opened and validated
     * @param migrated whether every module's migrations were applied without failure
     */
    public record Database(boolean reachable, boolean migrated) {}

    /** Whether the platform can serve requests. */
    public boolean up() {
        return "UP".equals(status);
    }
}
