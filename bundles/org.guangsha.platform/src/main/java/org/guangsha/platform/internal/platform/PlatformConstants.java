package org.guangsha.platform.internal.platform;

import java.time.ZoneId;

/** Constants the core's components share. */
public final class PlatformConstants {

    /** Manifest header carrying the product version (set by the build). */
    public static final String VERSION_HEADER = "Guangsha-Version";

    /**
     * The shared DataSource, registered by pax-jdbc-config from {@code
     * etc/org.ops4j.datasource-guangsha.cfg}. A component's {@code <reference>.target} property can
     * point it elsewhere.
     */
    public static final String DATASOURCE_TARGET = "(osgi.jndi.service.name=guangsha)";

    /** The city's zone decides "today" and "23:00" (ARCHITECTURE.md rule 3). */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformConstants() {}
}
