package org.guangsha.selection.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.persistence.JpaTransactions;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database with the selection line's schema (its migrations run by a small
 * script runner: the SEL_ tables refer only to each other) and the unit {@code guangsha-selection}
 * on it, as in the running platform.
 */
final class SelectionTestDatabase implements AutoCloseable {

    private static final List<String> MIGRATIONS =
            List.of("V1__batches_and_allocation.sql", "V2__signing.sql");

    final JdbcDataSource dataSource = new JdbcDataSource();
    final EntityManagerFactory emf;
    final JpaTransactions tx;

    SelectionTestDatabase() throws Exception {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String script : MIGRATIONS) {
                for (String sql : statements(read("/db/migration/" + script))) {
                    st.execute(sql);
                }
            }
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-selection",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        tx = new JpaTransactions(emf);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SelectionTestDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's statements: comments dropped, split at semicolons ending a line. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(sql.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** {@code SELECT COUNT(*)} of a table. */
    long count(String table) throws SQLException {
        return number("SELECT COUNT(*) FROM " + table);
    }

    long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() {
        emf.close();
    }

    /** Shenzhen (440300) with Futian (440304) and Luohu (440303). */
    static Regions regions() {
        Region futian = new Region("440304", "DISTRICT", LocalizedText.of("福田区", "Futian"), null);
        Region luohu = new Region("440303", "DISTRICT", LocalizedText.of("罗湖区", "Luohu"), null);
        Region shenzhen =
                new Region(
                        "440300",
                        "CITY",
                        LocalizedText.of("深圳市", "Shenzhen"),
                        List.of(futian, luohu));
        Map<String, Region> all = Map.of("440300", shenzhen, "440304", futian, "440303", luohu);
        return new Regions() {
            @Override
            public List<Region> tree() {
                return List.of(shenzhen);
            }

            @Override
            public Optional<Region> region(String code) {
                return Optional.ofNullable(code == null ? null : all.get(code));
            }

            @Override
            public boolean covers(String scope, String code) {
                return scope.equals(code) || ("440300".equals(scope) && all.containsKey(code));
            }

            @Override
            public boolean mayAct(Caller caller, String code) {
                return caller.roles().contains("OPERATOR")
                        || (caller.roles().contains("CASEWORKER")
                                && caller.regionCode() != null
                                && covers(caller.regionCode(), code));
            }

            @Override
            public void checkScope(Caller caller, String code) {
                if (!mayAct(caller, code)) {
                    throw new IllegalStateException("out of region");
                }
            }
        };
    }
}
