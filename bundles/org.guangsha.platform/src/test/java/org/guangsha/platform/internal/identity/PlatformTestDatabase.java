package org.guangsha.platform.internal.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.identity.CaptchaProvider;
import org.guangsha.platform.internal.persistence.MigrationScript;
import org.guangsha.platform.internal.persistence.SchemaMigrator;
import org.guangsha.platform.internal.ratelimit.RateLimiter;
import org.guangsha.platform.persistence.JpaTransactions;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database with the platform's migrations and its OpenJPA unit, and an account
 * service on it, for tests of any package of the core.
 */
public final class PlatformTestDatabase {

    /** The answer of every captcha of {@link #accounts}. */
    public static final String CAPTCHA_ANSWER = "ABCDE";

    private PlatformTestDatabase() {}

    /** A new database, migrated; close the factory after the test. */
    public static EntityManagerFactory create() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(dataSource).migrate("platform", platformScripts());
        return new PersistenceProviderImpl()
                .createEntityManagerFactory(
                        "guangsha-platform",
                        Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    /** Accounts on {@code emf} with a cheap password hash and a fixed captcha. */
    public static AccountService accounts(EntityManagerFactory emf) {
        JpaTransactions tx = new JpaTransactions(emf);
        CaptchaProvider fixed = () -> new CaptchaProvider.Challenge(CAPTCHA_ANSWER, "data:,");
        return new AccountService(
                tx,
                new CaptchaService(tx, fixed, Clock.systemUTC(), 300),
                new RateLimiter(Clock.systemUTC(), 1000, 1000),
                Clock.systemUTC(),
                new IdentityRules(
                        5,
                        Duration.ofMinutes(15),
                        Duration.ofHours(8),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5),
                        10_000));
    }

    private static List<MigrationScript> platformScripts() throws Exception {
        Path dir =
                Path.of(
                        PlatformTestDatabase.class
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
