package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changing a citizen's mobile number against the real schema: the code goes to the new number and
 * only that account can spend it, once; numbers in use are refused naming {@code mobile}; the old
 * number is told; the audit row shows both numbers masked.
 */
class MobileServiceTest {

    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    private EntityManagerFactory emf;
    private AccountService accounts;
    private MobileService mobiles;
    private final List<String[]> sent = new CopyOnWriteArrayList<>();
    private final List<String> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void freshDatabase() throws Exception {
        emf = PlatformTestDatabase.create();
        JpaTransactions tx = new JpaTransactions(emf);
        accounts = PlatformTestDatabase.accounts(emf);
        mobiles =
                new MobileService(
                        tx,
                        Clock.systemUTC(),
                        (mobile, text) -> sent.add(new String[] {mobile, text}),
                        (action, actor, target, source, detail) ->
                                audited.add(
                                        action + "|" + actor + "|" + target + "|" + source + "|"
                                                + detail));
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void theCodeSentToTheNewNumberChangesItOnce() {
        String zhang = citizen("440304199001011233", "13800000001");
        mobiles.sendCode(zhang, "13900000009");
        assertEquals("13900000009", sent.get(0)[0]);
        String code = code(sent.get(0)[1]);

        // a wrong code counts as a try and changes nothing
        assertField(
                assertThrows(
                        ProblemException.class,
                        () -> mobiles.change(zhang, "13900000009", wrong(code), "10.0.0.1")),
                400,
                "code");
        AccountEntity changed = mobiles.change(zhang, "13900000009", code, "10.0.0.1");
        assertEquals("13900000009", changed.mobile());
        assertEquals("13900000009", accounts.account(zhang).orElseThrow().mobile());

        // the old number is told, the audit row masks both numbers
        assertEquals("13800000001", sent.get(1)[0]);
        assertTrue(sent.get(1)[1].contains("139****0009"), sent.get(1)[1]);
        assertEquals(
                List.of(
                        "account.mobile-changed|"
                                + zhang
                                + "|account:"
                                + zhang
                                + "|10.0.0.1|from=138****0001 to=139****0009"),
                audited);

        // a code is used once
        assertField(
                assertThrows(
                        ProblemException.class,
                        () -> mobiles.change(zhang, "13900000009", code, null)),
                400,
                "code");
    }

    @Test
    void numbersInUseTheSameNumberAndAnotherAccountsCodeAreRefused() {
        String zhang = citizen("440304199001011233", "13800000001");
        String li = citizen("440305198505054327", "13800000002");
        assertField(
                assertThrows(ProblemException.class, () -> mobiles.sendCode(zhang, "13800000002")),
                409,
                "mobile");
        assertField(
                assertThrows(ProblemException.class, () -> mobiles.sendCode(zhang, "13800000001")),
                400,
                "mobile");
        assertField(
                assertThrows(ProblemException.class, () -> mobiles.sendCode(zhang, "1380000")),
                400,
                "mobile");

        mobiles.sendCode(zhang, "13900000009");
        String code = code(sent.get(0)[1]);
        // one code a minute per number
        ProblemException again =
                assertThrows(ProblemException.class, () -> mobiles.sendCode(li, "13900000009"));
        assertEquals(429, again.problem().status());
        // 李四 cannot spend the code sent for 张三
        assertField(
                assertThrows(
                        ProblemException.class,
                        () -> mobiles.change(li, "13900000009", code, null)),
                400,
                "code");
        assertEquals("13800000002", accounts.account(li).orElseThrow().mobile());
        assertEquals("13900000009", mobiles.change(zhang, "13900000009", code, null).mobile());
    }

    @Test
    void fiveWrongTriesEndTheCode() {
        String zhang = citizen("440304199001011233", "13800000001");
        mobiles.sendCode(zhang, "13900000009");
        String code = code(sent.get(0)[1]);
        for (int i = 0; i < PasswordService.MAX_ATTEMPTS; i++) {
            assertThrows(
                    ProblemException.class,
                    () -> mobiles.change(zhang, "13900000009", wrong(code), null));
        }
        assertThrows(
                ProblemException.class, () -> mobiles.change(zhang, "13900000009", code, null));
        assertEquals("13800000001", accounts.account(zhang).orElseThrow().mobile());
    }

    private String citizen(String idNumber, String mobile) {
        return accounts.ensureCitizen("张三", idNumber, mobile, "Guangsha#2026", TrustLevel.L2);
    }

    private static String code(String text) {
        Matcher m = CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static void assertField(ProblemException e, int status, String field) {
        assertEquals(status, e.problem().status(), e.problem().toString());
        assertEquals(field, e.problem().errors().get(0).field());
    }
}
