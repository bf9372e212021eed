package org.guangsha.platform.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's versioned SQL scripts and records them in {@code PLT_SCHEMA_HISTORY}.
 *
 * <p>Rules, as in the usual migration tools: scripts apply in version order, each once, each in one
 * transaction with its history row; a script whose text changed after it was applied, or a new
 * script older than the newest applied one, stops the migration instead of guessing. On databases
 * whose DDL commits by itself (H2), a failed script may leave part of its DDL behind; it is then
 * not recorded, and the operator mends it before the next start.
 */
public class SchemaMigrator {

    static final String HISTORY_TABLE = "PLT_SCHEMA_HISTORY";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private static final String CREATE_HISTORY =
            "CREATE TABLE IF NOT EXISTS "
                    + HISTORY_TABLE
                    + " (MODULE_ID VARCHAR(64) NOT NULL, VERSION INTEGER NOT NULL,"
                    + " DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL,"
                    + " INSTALLED_AT TIMESTAMP NOT NULL, EXECUTION_MS BIGINT NOT NULL,"
                    + " PRIMARY KEY (MODULE_ID, VERSION))";

    private final DataSource dataSource;

    /** Migrates on the given DataSource. */
    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Brings {@code module} up to its newest script.
     *
     * @return the version the module's schema is at afterwards (0 when it has no scripts)
     * @throws MigrationException when a script fails or the history contradicts the scripts
     */
    public int migrate(String module, List<MigrationScript> scripts) {
        List<MigrationScript> ordered =
                scripts.stream().sorted(Comparator.comparingInt(MigrationScript::version)).toList();
        checkUniqueVersions(module, ordered);
        try (Connection connection = dataSource.getConnection()) {
            createHistoryTable(connection);
            Map<Integer, String> applied = applied(connection, module);
            int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (MigrationScript script : ordered) {
                String checksum = applied.get(script.version());
                if (checksum != null) {
                    if (!checksum.equals(script.checksum())) {
                        throw new MigrationException(
                                module,
                                script.version(),
                                "was changed after it was applied; add a new script instead");
                    }
                    continue;
                }
                if (script.version() < newest) {
                    throw new MigrationException(
                            module,
                            script.version(),
                            "is older than the applied version "
                                    + newest
                                    + " but was never applied");
                }
                apply(connection, module, script);
                newest = script.version();
            }
            return newest;
        } catch (SQLException e) {
            throw new MigrationException(module, 0, "could not be migrated: " + e.getMessage(), e);
        }
    }

    private static void checkUniqueVersions(String module, List<MigrationScript> ordered) {
        Set<Integer> seen = new HashSet<>();
        for (MigrationScript s : ordered) {
            if (!seen.add(s.version())) {
                throw new MigrationException(module, s.version(), "exists twice");
            }
        }
    }

    private static void createHistoryTable(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(CREATE_HISTORY);
        }
    }

    private static Map<Integer, String> applied(Connection connection, String module)
            throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement ps =
                connection.prepareStatement(
                        "SELECT VERSION, CHECKSUM FROM "
                                + HISTORY_TABLE
                                + " WHERE MODULE_ID = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return applied;
    }

    private static void apply(Connection connection, String module, MigrationScript script)
            throws SQLException {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                for (String sql : script.statements()) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps =
                    connection.prepareStatement(
                            "INSERT INTO "
                                    + HISTORY_TABLE
                                    + " (MODULE_ID, VERSION, DESCRIPTION, CHECKSUM, INSTALLED_AT,"
                                    + " EXECUTION_MS) VALUES (?, ?, ?, ?, ?, ?)")) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                ps.setString(1, module);
                ps.setInt(2, script.version());
                ps.setString(3, script.description());
                ps.setString(4, script.checksum());
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.setLong(6, ms);
                ps.executeUpdate();
            }
            connection.commit();
            LOG.info(
                    "Schema of '{}' migrated to V{} ({})",
                    module,
                    script.version(),
                    script.description());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new MigrationException(module, script.version(), "failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
