package org.guangsha.platform.internal.persistence;

import java.util.Map;

/** What the migrations achieved, for health checks and operators. */
public interface SchemaStatus {

    /** Modules whose migration failed, with the reason; empty when all is well. */
    Map<String, String> failures();

    /** The schema version of every migrated module, by module id. */
    Map<String, Integer> versions();
}
