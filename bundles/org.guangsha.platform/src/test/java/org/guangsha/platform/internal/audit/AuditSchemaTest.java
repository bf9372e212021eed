package org.guangsha.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.guangsha.platform.internal.persistence.MigrationScript;
import org.guangsha.platform.internal.persistence.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's migrations on H2, as the distribution runs them, and what PLT_AUDIT guarantees. */
class AuditSchemaTest {

    private JdbcDataSource db;

    @BeforeEach
    void migrated() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(db).migrate("platform", scripts());
    }

    @Test
    void theSameSeqCannotBeInsertedTwice() throws SQLException {
        AuditEntry first = AuditChain.next(null, Instant.now(), "a", null, null, null, null);
        insert(first);
        assertThrows(SQLException.class, () -> insert(first));
    }

    @Test
    void theInstantReadsBackTheSameInAnyZone() throws SQLException {
        // nodes may run in different zones; the hash covers the instant, so it must not move
        Instant at = Instant.parse("2026-03-29T01:30:00.123Z");
        insert(AuditChain.next(null, at, "a", null, null, null, null), "Asia/Shanghai");
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("SET TIME ZONE 'Europe/Berlin'");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT AT FROM PLT_AUDIT")) {
                rs.next();
                assertEquals(at, rs.getTimestamp(1).toInstant());
            }
        }
    }

    private void insert(AuditEntry e) throws SQLException {
        insert(e, "UTC");
    }

    private void insert(AuditEntry e, String zone) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("SET TIME ZONE '" + zone + "'");
            insert(c, e);
        }
    }

    private static void insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO PLT_AUDIT (SEQ, AT, ACTION, ACTOR_ID, TARGET,"
                                + " SOURCE_ADDRESS, DETAIL, PREV_HASH, HASH)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.seq());
            ps.setTimestamp(2, Timestamp.from(e.at()));
            ps.setString(3, e.action());
            ps.setString(4, e.actorId());
            ps.setString(5, e.target());
            ps.setString(6, e.sourceAddress());
            ps.setString(7, e.detail());
            ps.setString(8, e.prevHash());
            ps.setString(9, e.hash());
            ps.executeUpdate();
        }
    }

    private static List<MigrationScript> scripts() throws IOException, URISyntaxException {
        Path folder =
                Path.of(AuditSchemaTest.class.getClassLoader().getResource("db/migration").toURI());
        List<MigrationScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                scripts.add(
                        MigrationScript.fromFile(
                                f.getFileName().toString(),
                                Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return scripts;
    }
}
