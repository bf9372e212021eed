package org.guangsha.platform.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the platform once a module's migrations are applied: its presence means the
 * module's tables are ready. Reference it with {@code target = "(guangsha.schema=<module>)"}.
 */
@ProviderType
public interface Schema {

    /** Manifest header naming the module whose migrations a bundle carries. */
    String HEADER = "Guangsha-Schema";

    /** Folder inside the bundle that holds the migration scripts. */
    String SCRIPT_FOLDER = "db/migration";

    /** Service property carrying the module id. */
    String MODULE_PROPERTY = "guangsha.schema";

    /** Service property carrying the applied version. */
    String VERSION_PROPERTY = "guangsha.schema.version";

    /** The module whose tables are ready. */
    String module();

    /** The highest migration version applied. */
    int version();
}
