package org.guangsha.platform.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.ws.rs.core.Response;
import org.guangsha.platform.internal.identity.RegionRegistry;
import org.guangsha.platform.internal.persistence.SchemaStatus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), PlatformConstants.CITY_ZONE);

    private static final SchemaStatus ALL_MIGRATED = status(Map.of());

    @Test
    void upWhenTheDatabaseAnswersAndIsMigrated() {
        Health h = new HealthService("1.2.3", CLOCK, h2(), ALL_MIGRATED).check();
        assertTrue(h.up());
        assertEquals("UP", h.status());
        assertEquals("1.2.3", h.version());
        assertTrue(h.database().reachable());
        assertTrue(h.database().migrated());
        assertEquals("2026-11-23T09:00+08:00", h.checkedAt().toString());
    }

    @Test
    void downWhenThereIsNoDataSource() {
        Health h = new HealthService("1", CLOCK, null, ALL_MIGRATED).check();
        assertFalse(h.up());
        assertFalse(h.database().reachable());
    }

    @Test
    void downWhenTheDatabaseRefusesConnections() {
        Health h = new HealthService("1", CLOCK, new BrokenDataSource(), ALL_MIGRATED).check();
        assertEquals("DOWN", h.status());
        assertFalse(h.database().reachable());
    }

    @Test
    void downWhenAMigrationFailed() {
        SchemaStatus failed = status(Map.of("selection", "Migration V2 failed"));
        Health h = new HealthService("1", CLOCK, h2(), failed).check();
        assertFalse(h.up());
        assertTrue(h.database().reachable());
        assertFalse(h.database().migrated());
    }

    @Test
    void resourceAnswers503WhenDown() {
        PlatformResource resource =
                new PlatformResource(
                        new HealthService("1", CLOCK, null, ALL_MIGRATED),
                        new ModuleRegistry(),
                        new RegionRegistry(List.of()));
        Response response = resource.health();
        assertEquals(503, response.getStatus());
        assertTrue(response.getHeaderString("Cache-Control").contains("no-store"));
        PlatformResource up =
                new PlatformResource(
                        new HealthService("1", CLOCK, h2(), ALL_MIGRATED),
                        new ModuleRegistry(),
                        new RegionRegistry(List.of()));
        assertEquals(200, up.health().getStatus());
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID());
        return ds;
    }

    private static SchemaStatus status(Map<String, String> failures) {
        return new SchemaStatus() {
            @Override
            public Map<String, String> failures() {
                return failures;
            }

            @Override
            public Map<String, Integer> versions() {
                return Map.of("platform", 1);
            }
        };
    }

    /** A DataSource whose database is gone. */
    private static final class BrokenDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
