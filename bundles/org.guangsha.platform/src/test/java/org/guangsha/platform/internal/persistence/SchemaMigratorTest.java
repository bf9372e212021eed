package org.guangsha.platform.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private static final MigrationScript V1 =
            new MigrationScript(1, "create", "CREATE TABLE T_A (ID INT PRIMARY KEY);");
    private static final MigrationScript V2 =
            new MigrationScript(
                    2, "seed", "INSERT INTO T_A VALUES (1);\nINSERT INTO T_A VALUES (2);");

    private JdbcDataSource dataSource;
    private SchemaMigrator migrator;

    @BeforeEach
    void freshDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrator = new SchemaMigrator(dataSource);
    }

    @Test
    void appliesScriptsInVersionOrderAndRecordsThem() throws SQLException {
        assertEquals(2, migrator.migrate("m", List.of(V2, V1)));
        assertEquals(2, count("SELECT COUNT(*) FROM T_A"));
        assertEquals(2, count("SELECT COUNT(*) FROM PLT_SCHEMA_HISTORY WHERE MODULE_ID = 'm'"));
    }

    @Test
    void runningAgainChangesNothing() throws SQLException {
        migrator.migrate("m", List.of(V1, V2));
        assertEquals(2, migrator.migrate("m", List.of(V1, V2)));
        assertEquals(2, count("SELECT COUNT(*) FROM T_A"));
    }

    @Test
    void onlyNewScriptsRunOnUpgrade() throws SQLException {
        migrator.migrate("m", List.of(V1));
        assertEquals(0, count("SELECT COUNT(*) FROM T_A"));
        assertEquals(2, migrator.migrate("m", List.of(V1, V2)));
        assertEquals(2, count("SELECT COUNT(*) FROM T_A"));
    }

    @Test
    void modulesAreIndependent() throws SQLException {
        migrator.migrate("a", List.of(V1));
        assertEquals(
                1,
                migrator.migrate(
                        "b", List.of(new MigrationScript(1, "b", "CREATE TABLE T_B (ID INT);"))));
        assertEquals(2, count("SELECT COUNT(*) FROM PLT_SCHEMA_HISTORY"));
    }

    @Test
    void aScriptChangedAfterItWasAppliedStopsTheMigration() {
        migrator.migrate("m", List.of(V1));
        MigrationScript edited =
                new MigrationScript(1, "create", "CREATE TABLE T_A (ID BIGINT PRIMARY KEY);");
        MigrationException e =
                assertThrows(
                        MigrationException.class, () -> migrator.migrate("m", List.of(edited)));
        assertTrue(e.getMessage().contains("V1"), e.getMessage());
        assertTrue(e.getMessage().contains("changed"), e.getMessage());
    }

    @Test
    void aNewScriptOlderThanTheAppliedOnesIsRefused() {
        MigrationScript two = new MigrationScript(2, "two", "CREATE TABLE T_N (ID INT);");
        migrator.migrate("n", List.of(two));
        MigrationException e =
                assertThrows(
                        MigrationException.class, () -> migrator.migrate("n", List.of(V1, two)));
        assertTrue(e.getMessage().contains("older"), e.getMessage());
    }

    @Test
    void duplicateVersionsAreRefused() {
        assertThrows(
                MigrationException.class,
                () ->
                        migrator.migrate(
                                "m", List.of(V1, new MigrationScript(1, "again", "SELECT 1;"))));
    }

    @Test
    void aFailingScriptIsNotRecordedAndItsDataChangesAreRolledBack() throws SQLException {
        migrator.migrate("m", List.of(V1));
        MigrationScript broken =
                new MigrationScript(
                        2,
                        "broken",
                        "INSERT INTO T_A VALUES (7);\nINSERT INTO NO_SUCH_TABLE VALUES (1);");
        assertThrows(MigrationException.class, () -> migrator.migrate("m", List.of(V1, broken)));
        assertEquals(0, count("SELECT COUNT(*) FROM T_A"), "the first insert was rolled back");
        assertEquals(1, count("SELECT COUNT(*) FROM PLT_SCHEMA_HISTORY"));
        // Once mended, the next start applies it.
        assertEquals(2, migrator.migrate("m", List.of(V1, V2)));
    }

    @Test
    void noScriptsMeansVersionZero() throws SQLException {
        assertEquals(0, migrator.migrate("empty", List.of()));
        assertFalse(count("SELECT COUNT(*) FROM PLT_SCHEMA_HISTORY") > 0);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
