package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManagerFactory;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.identity.AccountService.CounterRegistration;
import org.guangsha.platform.internal.identity.CitizenCounterResource.CitizenView;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifications;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a citizen account at the service-hall counter (JX-1) against the real schema: L3 with an
 * in-person verification by the caseworker, a password nobody knows, the citizen told how to set
 * one, every rule of self-registration (I-1), 409 naming the taken key, audited with masked
 * details.
 */
class CounterRegistrationTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String MOBILE = "13800138000";
    private static final String OTHER_ID = ResidentIdNumber.withCheckCharacter("36010219800101001");

    private EntityManagerFactory emf;
    private AccountService accounts;
    private CitizenCounterResource counter;
    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private final List<String> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void freshDatabase() throws Exception {
        emf = PlatformTestDatabase.create();
        accounts = PlatformTestDatabase.accounts(emf);
        AuditLog audit =
                (action, actor, target, source, detail) ->
                        audited.add(
                                action + "|" + actor + "|" + target + "|" + source + "|" + detail);
        Field field = AccountService.class.getDeclaredField("auditLog");
        field.setAccessible(true);
        field.set(accounts, audit);
        Notifications inbox = sent::add;
        counter = new CitizenCounterResource(accounts, inbox);
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void theCitizenGetsAnL3AccountVerifiedInPersonByTheCaseworker() {
        Response r =
                counter.register(
                        new CounterRegistration(" 张三 ", ID_NUMBER, MOBILE),
                        as("caseworker-1"),
                        null);
        assertEquals(201, r.getStatus());
        CitizenView view = (CitizenView) r.getEntity();
        assertEquals("张*", view.name());
        assertEquals("1101**********002X", view.idNumber());
        assertEquals("138****8000", view.mobile());
        assertEquals(TrustLevel.L3, view.trustLevel());

        AccountEntity stored = accounts.citizenByIdNumber(ID_NUMBER).orElseThrow();
        assertEquals(view.id(), stored.id());
        assertEquals("张三", stored.name());
        assertEquals(TrustLevel.L3, stored.trustLevel());
        assertEquals(AccountKind.CITIZEN, stored.kind());
        List<Object[]> verifications =
                new JpaTransactions(emf)
                        .read(
                                em ->
                                        em.createQuery(
                                                        "SELECT v.method, v.outcome, v.verifiedBy"
                                                                + " FROM VerificationEntity v"
                                                                + " WHERE v.accountId = :a",
                                                        Object[].class)
                                                .setParameter("a", stored.id())
                                                .getResultList());
        assertEquals(1, verifications.size());
        assertEquals(List.of("in-person", "PASSED", "caseworker-1"), List.of(verifications.get(0)));
    }

    @Test
    void nobodyKnowsThePasswordAndTheCitizenIsToldHowToSetOne() {
        CitizenView view = register("caseworker-1");
        AccountEntity stored = accounts.account(view.id()).orElseThrow();
        for (String guess : List.of("", ID_NUMBER, MOBILE, "Demo@2026", "123456")) {
            assertFalse(accounts.passwordMatches(stored, guess), guess);
        }
        assertEquals(1, sent.size());
        Notification n = sent.get(0);
        assertEquals(view.id(), n.accountId());
        assertEquals("account.counter-registered", n.category());
        assertEquals("账号已开通", n.title().zh());
        assertTrue(n.body().zh().contains("忘记密码"), n.body().zh());
        assertTrue(n.body().zh().contains("短信验证码"), n.body().zh());
        assertTrue(n.body().zh().contains("138****8000"), n.body().zh());
        assertFalse(n.body().zh().contains(MOBILE) || n.body().zh().contains(ID_NUMBER));
        assertTrue(n.body().en().contains("Forgot the password"), n.body().en());
        assertEquals("/password-reset", n.link());
    }

    @Test
    void randomPasswordsPassThePolicyAndDiffer() {
        String a = AccountService.randomPassword();
        assertEquals(
                java.util.Optional.empty(), PasswordPolicy.check("password", a, ID_NUMBER, MOBILE));
        assertTrue(a.length() >= 32, a);
        assertNotEquals(a, AccountService.randomPassword());
    }

    @Test
    void theRegistrationIsAuditedWithMaskedDetails() {
        CitizenView view =
                (CitizenView)
                        counter.register(
                                        new CounterRegistration("张三", ID_NUMBER, MOBILE),
                                        as("caseworker-1"),
                                        null)
                                .getEntity();
        assertEquals(1, audited.size());
        String entry = audited.get(0);
        assertTrue(
                entry.startsWith(
                        "account.counter-registered|caseworker-1|account:" + view.id() + "|"),
                entry);
        assertTrue(entry.contains("name=张*"), entry);
        assertTrue(entry.contains("1101**********002X") && entry.contains("138****8000"), entry);
        assertTrue(entry.contains("trustLevel=L3"), entry);
        assertFalse(entry.contains(ID_NUMBER) || entry.contains(MOBILE), entry);
    }

    @Test
    void takenKeysAre409NamingThemAndNothingIsStoredOrSent() {
        register("caseworker-1");
        sent.clear();
        audited.clear();

        ProblemException sameId = refused(new CounterRegistration("张三", ID_NUMBER, "13900139000"));
        assertEquals(409, sameId.problem().status());
        assertEquals(List.of("idNumber"), fields(sameId));
        assertTrue(sameId.problem().errors().get(0).message().contains("按身份证号查找"));

        ProblemException sameMobile = refused(new CounterRegistration("李四", OTHER_ID, MOBILE));
        assertEquals(409, sameMobile.problem().status());
        assertEquals(List.of("mobile"), fields(sameMobile));

        ProblemException both = refused(new CounterRegistration("张三", ID_NUMBER, MOBILE));
        assertEquals(List.of("idNumber", "mobile"), fields(both));

        assertTrue(sent.isEmpty());
        assertTrue(audited.isEmpty());
        assertTrue(accounts.citizenByIdNumber(OTHER_ID).isEmpty());
    }

    @Test
    void theRulesOfSelfRegistrationApply() {
        ProblemException badCheckDigit =
                refused(new CounterRegistration("张三", "110105194912310021", MOBILE));
        assertEquals(400, badCheckDigit.problem().status());
        assertEquals(List.of("idNumber"), fields(badCheckDigit));

        ProblemException all = refused(new CounterRegistration(" ", "123", "1380013800"));
        assertEquals(400, all.problem().status());
        assertEquals(List.of("name", "idNumber", "mobile"), fields(all));

        assertThrows(
                ProblemException.class,
                () -> counter.register(null, as("caseworker-1"), null),
                "a body is required");
        assertTrue(sent.isEmpty());
    }

    @Test
    void theCitizenIsFoundByIdNumberAfterwards() {
        CitizenView registered = register("caseworker-1");
        CitizenView found = counter.find(ID_NUMBER.toLowerCase());
        assertEquals(registered, found);
    }

    @Test
    void aFailingNotificationDoesNotUndoTheAccount() {
        CitizenCounterResource withBrokenInbox =
                new CitizenCounterResource(
                        accounts,
                        n -> {
                            throw new IllegalStateException("inbox down");
                        });
        Response r =
                withBrokenInbox.register(
                        new CounterRegistration("张三", ID_NUMBER, MOBILE), as("cw"), null);
        assertEquals(201, r.getStatus());
        assertTrue(accounts.citizenByIdNumber(ID_NUMBER).isPresent());
    }

    private CitizenView register(String caseworker) {
        return (CitizenView)
                counter.register(
                                new CounterRegistration("张三", ID_NUMBER, MOBILE),
                                as(caseworker),
                                null)
                        .getEntity();
    }

    private ProblemException refused(CounterRegistration r) {
        return assertThrows(
                ProblemException.class, () -> counter.register(r, as("caseworker-1"), null));
    }

    private static List<String> fields(ProblemException e) {
        return e.problem().errors().stream().map(FieldError::field).toList();
    }

    private static SecurityContext as(String staffId) {
        Caller caller =
                new Caller(
                        staffId, AccountKind.STAFF, TrustLevel.L3, Set.of("CASEWORKER"), "360102");
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
