package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.CaptchaProvider;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.internal.persistence.MigrationScript;
import org.guangsha.platform.internal.persistence.SchemaMigrator;
import org.guangsha.platform.internal.ratelimit.RateLimiter;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff accounts against the real schema (the platform's migrations on H2) and OpenJPA: the lists
 * operators and caseworkers see, and disabling: no login, every token refused at once, enabling
 * lets the account log in afresh.
 */
class StaffAccountsTest {

    private static final String PASSWORD = "Staff#2026guangsha";

    private EntityManagerFactory emf;
    private CaptchaService captchas;
    private AccountService accounts;
    private StaffService staff;

    @BeforeEach
    void freshDatabase() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(dataSource).migrate("platform", platformScripts());
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-platform",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        JpaTransactions tx = new JpaTransactions(emf);
        CaptchaProvider fixed = () -> new CaptchaProvider.Challenge("ABCDE", "data:,");
        captchas = new CaptchaService(tx, fixed, Clock.systemUTC(), 300);
        accounts =
                new AccountService(
                        tx,
                        captchas,
                        new RateLimiter(Clock.systemUTC(), 1000, 1000),
                        Clock.systemUTC(),
                        new IdentityRules(
                                5,
                                Duration.ofMinutes(15),
                                Duration.ofHours(8),
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(5),
                                10_000));
        staff = new StaffService(emf, null, accounts, new TwoDistricts());
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void operatorsListEveryoneCaseworkersTheirRegion() {
        AccountEntity op = create("op1", "OPERATOR", null);
        AccountEntity futian = create("futian1", "CASEWORKER", "440304");
        AccountEntity nanshan = create("nanshan1", "CASEWORKER", "440305");
        assertEquals(
                List.of("futian1", "nanshan1", "op1"),
                staff.all().stream().map(AccountEntity::username).toList());
        assertEquals(
                List.of(futian.id()),
                staff.inRegion("440304").stream().map(AccountEntity::id).toList());
        assertEquals(
                List.of(futian.id(), nanshan.id()),
                staff.inRegion("440300").stream().map(AccountEntity::id).toList());
        assertNull(op.regionCode());
    }

    @Test
    void aDisabledAccountCannotLogInAndItsTokensStopWorking() {
        AccountEntity op = create("op1", "OPERATOR", null);
        AccountEntity cw = create("futian1", "CASEWORKER", "440304");
        String token = login("futian1", PASSWORD).token();
        assertTrue(accounts.authenticate(token).isPresent());

        AccountEntity disabled = staff.setDisabled(cw.id(), true, op.id(), "10.0.0.1");
        assertTrue(disabled.disabled());
        assertTrue(disabled.disabledAt() != null);
        assertEquals(Optional.empty(), accounts.authenticate(token));
        ProblemException refused =
                assertThrows(ProblemException.class, () -> login("futian1", PASSWORD));
        assertEquals(403, refused.problem().status());
        assertEquals("urn:guangsha:problem:account-disabled", refused.problem().type());
        // without the password nobody learns that the account exists and is disabled
        ProblemException wrong =
                assertThrows(ProblemException.class, () -> login("futian1", "Wrong#2026guangsha"));
        assertEquals(401, wrong.problem().status());
        // disabling twice changes nothing
        assertTrue(staff.setDisabled(cw.id(), true, op.id(), null).disabled());

        AccountEntity enabled = staff.setDisabled(cw.id(), false, op.id(), null);
        assertFalse(enabled.disabled());
        assertNull(enabled.disabledAt());
        assertEquals(Optional.empty(), accounts.authenticate(token), "old logins stay ended");
        Caller again = accounts.authenticate(login("futian1", PASSWORD).token()).orElseThrow();
        assertEquals(cw.id(), again.accountId());
    }

    @Test
    void onlyStaffAccountsOfOthersAreDisabled() {
        AccountEntity op = create("op1", "OPERATOR", null);
        ProblemException self =
                assertThrows(
                        ProblemException.class,
                        () -> staff.setDisabled(op.id(), true, op.id(), null));
        assertEquals(409, self.problem().status());
        assertEquals("urn:guangsha:problem:own-account", self.problem().type());
        String citizen =
                accounts.ensureCitizen(
                        "张三",
                        "11010519491231002X",
                        "13800138000",
                        "Citizen#2026",
                        org.guangsha.platform.identity.TrustLevel.L1);
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> staff.setDisabled(citizen, true, op.id(), null))
                        .problem()
                        .status());
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> staff.setDisabled("no-such-id", true, op.id(), null))
                        .problem()
                        .status());
    }

    private AccountEntity create(String username, String role, String region) {
        return staff.create(
                new StaffService.NewStaff(username, "工作人员", PASSWORD, role, region), null, null);
    }

    private AccountService.Login login(String account, String password) {
        String captcha = captchas.issue().id();
        return accounts.login(account, password, captcha, "ABCDE", "127.0.0.1");
    }

    /** Shenzhen (440300) with Futian (440304) and Nanshan (440305). */
    private static final class TwoDistricts implements Regions {
        @Override
        public List<Region> tree() {
            return List.of();
        }

        @Override
        public Optional<Region> region(String code) {
            return List.of("440300", "440304", "440305").contains(code)
                    ? Optional.of(new Region(code, "district", null, List.of()))
                    : Optional.empty();
        }

        @Override
        public boolean covers(String scopeCode, String regionCode) {
            return scopeCode.equals(regionCode)
                    || ("440300".equals(scopeCode) && regionCode.startsWith("4403"));
        }

        @Override
        public boolean mayAct(Caller caller, String regionCode) {
            return true;
        }

        @Override
        public void checkScope(Caller caller, String regionCode) {}
    }

    private static List<MigrationScript> platformScripts() throws Exception {
        Path dir =
                Path.of(
                        StaffAccountsTest.class
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
