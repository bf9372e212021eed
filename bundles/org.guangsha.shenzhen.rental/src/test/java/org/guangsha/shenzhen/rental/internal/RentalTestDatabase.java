package org.guangsha.shenzhen.rental.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.persistence.JpaTransactions;
import org.h2.jdbcx.JdbcDataSource;

/** The line's tables on a fresh in-memory H2 database, with the unit on OpenJPA. */
public final class RentalTestDatabase implements AutoCloseable {

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final EntityManagerFactory emf;
    public final JpaTransactions tx;

    public RentalTestDatabase() throws Exception {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        StringBuilder sql = new StringBuilder();
        for (String script : List.of("V1__homes_leases_bills.sql", "V6__resident_changes.sql")) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + script)) {
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append(";\n");
            }
        }
        StringBuilder plain = new StringBuilder();
        for (String line : sql.toString().split("\n")) {
            if (!line.strip().startsWith("--")) {
                plain.append(line).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String s : plain.toString().split(";")) {
                if (!s.isBlank()) {
                    st.execute(s);
                }
            }
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-shenzhen-rental",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        tx = new JpaTransactions(emf);
    }

    /** One number from SQL. */
    public long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
