package org.guangsha.selection.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.internal.persistence.MigrationScript;
import org.guangsha.platform.internal.persistence.SchemaMigrator;
import org.guangsha.platform.persistence.JpaTransactions;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V2__signing.sql on top of V1 with the line's persistence unit: a family's signing row is stored
 * and found by its case, the version settles two writers, and a unit is signed for once.
 */
class SigningSchemaTest {

    private JdbcDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaTransactions tx;

    @BeforeEach
    void freshDatabase() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(dataSource).migrate("selection", scripts());
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-selection",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        tx = new JpaTransactions(emf);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO SEL_BATCH VALUES ('b1','SZ-1','批次','440304',CURRENT_TIMESTAMP,5,180,"
                            + "'api',CURRENT_TIMESTAMP,NULL,0)");
            s.execute(
                    "INSERT INTO SEL_UNIT VALUES ('u1','b1','3-1203',NULL,'3栋','一房一厅','南','1203',12,"
                            + "5230,120000,NULL)");
            s.execute(
                    "INSERT INTO SEL_SESSION (ID,BATCH_ID,SEQ,NAME,KIND,STARTS_AT,ENDS_AT,STATUS,"
                            + "ROW_VERSION) VALUES ('s1','b1',1,'第1场','FORMAL',CURRENT_TIMESTAMP,"
                            + "DATEADD('HOUR',1,CURRENT_TIMESTAMP),'SCHEDULED',0)");
            for (String f : List.of("f1", "f2")) {
                s.execute(
                        "INSERT INTO SEL_FAMILY (ID,BATCH_ID,RANK_NO,APPLICANT_NAME,ID_NUMBER,"
                                + "HOUSEHOLD_SIZE,SESSION_ID,STATUS,ROW_VERSION) VALUES ('"
                                + f
                                + "','b1',"
                                + f.charAt(1)
                                + ",'张三','44030419900101123"
                                + f.charAt(1)
                                + "',3,'s1','CONFIRMED',0)");
            }
        }
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void aSigningRowIsStoredFoundByItsCaseAndVersioned() {
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        tx.run(em -> em.persist(new SigningEntity("f1", "u1", "acc1", now)));
        tx.run(
                em -> {
                    SigningEntity s = em.find(SigningEntity.class, "f1");
                    s.bankCardNumber("6222020200112230004");
                    s.depositFen(240000L);
                    s.caseId("case-1");
                    s.mobileConfirmedAt(now);
                });
        SigningEntity found =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT s FROM SigningEntity s WHERE s.caseId = :c",
                                                SigningEntity.class)
                                        .setParameter("c", "case-1")
                                        .getSingleResult());
        assertEquals("f1", found.familyId());
        assertEquals(240000L, found.depositFen());
        assertEquals(now, found.mobileConfirmedAt());

        // a write on a stale copy loses
        SigningEntity stale = tx.read(em -> em.find(SigningEntity.class, "f1"));
        tx.run(em -> em.find(SigningEntity.class, "f1").bankName("工商银行"));
        assertThrows(
                PersistenceException.class,
                () ->
                        tx.run(
                                em -> {
                                    SigningEntity s = em.merge(stale);
                                    s.bankName("建设银行");
                                }));
    }

    @Test
    void aUnitIsSignedForOnce() {
        Instant now = Instant.now();
        tx.run(em -> em.persist(new SigningEntity("f1", "u1", "acc1", now)));
        assertThrows(
                PersistenceException.class,
                () -> tx.run(em -> em.persist(new SigningEntity("f2", "u1", "acc2", now))));
    }

    private static List<MigrationScript> scripts() throws Exception {
        Path dir =
                Path.of(
                        SigningSchemaTest.class
                                .getClassLoader()
                                .getResource("db/migration")
                                .toURI());
        List<MigrationScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                scripts.add(
                        MigrationScript.fromFile(f.getFileName().toString(), Files.readString(f)));
            }
        }
        return scripts;
    }
}
