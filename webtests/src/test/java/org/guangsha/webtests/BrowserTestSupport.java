package org.guangsha.webtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Base of every browser test ({@code *BrowserIT}, run by failsafe in {@code verify}).
 *
 * <ul>
 *   <li>Before the first class: checks Chromium and chromedriver are installed (fails otherwise),
 *       then starts the one shared {@link Karaf} of the run, stopped when the run ends.
 *   <li>{@link #phone()} / {@link #desktop()} open a fresh headless Chromium ({@link Browser}); a
 *       test may open several (a citizen's phone and a caseworker's desktop).
 *   <li>After each test: fails on SEVERE entries in any of its browsers' consoles ({@link
 *       #assertNoConsoleErrors()}), then closes them. When a test fails, each browser's screenshot,
 *       HTML and console log are saved as {@code target/screenshots/failed-<Class>.<method>-<n>.*}.
 *   <li>{@link #karaf()}, {@link #rest()}, {@link #shell(String)} and {@link #url(String)} reach
 *       the running distribution.
 * </ul>
 */
@ExtendWith(BrowserTestSupport.Harness.class)
public abstract class BrowserTestSupport {

    private final List<Browser> browsers = new ArrayList<>();

    /** The running distribution (started before the first test class). */
    protected static Karaf karaf() {
        return Karaf.shared();
    }

    /** REST helpers for the running distribution. */
    protected static Rest rest() {
        return karaf().rest();
    }

    /** Runs a Karaf console command (through {@code bin/client}) and returns what it printed. */
    protected static String shell(String command) {
        return karaf().shell(command);
    }

    /** The absolute URL of {@code path} on the running distribution. */
    protected static String url(String path) {
        return karaf().url(path);
    }

    /**
     * A citizen registered for one test and verified (L2) by the sandbox's bank-card rule.
     *
     * @param name the name
     * @param idNumber the resident ID number (born 1990-01-01 in the test's region)
     * @param mobile the mobile, which logs in with {@link #CITIZEN_PASSWORD}
     * @param token a login of the citizen
     */
    protected record VerifiedCitizen(String name, String idNumber, String mobile, String token) {}

    /** The password of the citizens {@link #registerVerifiedCitizen} registers. */
    protected static final String CITIZEN_PASSWORD = "Welcome@2026a";

    /** Registers a citizen of {@code region} (6 digits) and verifies them to L2. */
    protected static VerifiedCitizen registerVerifiedCitizen(String name, String region) {
        String idNumber =
                PortalBrowserIT.idNumber(region, ThreadLocalRandom.current().nextInt(100, 888));
        String mobile = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Map<String, String> register = new LinkedHashMap<>();
        register.put("name", name);
        register.put("idNumber", idNumber);
        register.put("mobile", mobile);
        register.put("password", CITIZEN_PASSWORD);
        register.putAll(rest().captcha());
        Rest.expect(201, rest().post("/api/identity/register", register));
        String token = rest().login(mobile, CITIZEN_PASSWORD);
        Map<String, Object> verification =
                Map.of(
                        "method",
                        "bank-card",
                        "input",
                        Map.of("cardNumber", "6222020200112230004", "reservedMobile", mobile));
        JsonNode verified =
                Rest.json(
                        Rest.expect(
                                200,
                                rest().post("/api/identity/verifications", verification, token)));
        if (!"L2".equals(verified.path("trustLevel").asText())) {
            throw new AssertionError("not verified: " + verified);
        }
        return new VerifiedCitizen(name, idNumber, mobile, token);
    }

    /**
     * A face session of {@code purpose} passed on the sandbox's phone page, over REST: the id to
     * hand to the flow that consumes it.
     */
    protected static String passedFaceSession(String token, String purpose) {
        JsonNode face =
                Rest.json(
                        Rest.expect(
                                201,
                                rest().post(
                                                "/api/identity/face-sessions",
                                                Map.of("purpose", purpose),
                                                token)));
        String qr = face.path("qr").asText();
        Rest.expect(
                200,
                rest().post(
                                "/api/sandbox/face/" + face.path("id").asText(),
                                Map.of(
                                        "secret",
                                        qr.substring(qr.indexOf("?k=") + 3),
                                        "passed",
                                        true)));
        return face.path("id").asText();
    }

    /** Opens a phone-sized browser (390×844, touch, mobile user agent). */
    protected Browser phone() {
        return open(Browsers.Size.PHONE);
    }

    /** Opens a desktop browser (1366×900). */
    protected Browser desktop() {
        return open(Browsers.Size.DESKTOP);
    }

    /** The browser this test opened last. */
    protected Browser browser() {
        if (browsers.isEmpty()) {
            throw new IllegalStateException("Open a browser first: phone() or desktop()");
        }
        return browsers.get(browsers.size() - 1);
    }

    /** Screenshot of the last browser as {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) {
        return browser().screenshot(name);
    }

    /** Fails on SEVERE console entries of any browser of this test (also run after each test). */
    protected void assertNoConsoleErrors() {
        List<String> failures = new ArrayList<>();
        for (Browser b : browsers) {
            try {
                b.assertNoConsoleErrors();
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    private Browser open(Browsers.Size size) {
        Browser browser = new Browser(Browsers.start(size), size, karaf().baseUri());
        browsers.add(browser);
        return browser;
    }

    @AfterEach
    void checkConsolesAndCloseBrowsers() {
        try {
            assertNoConsoleErrors();
        } finally {
            for (Browser b : browsers) {
                b.close();
            }
            browsers.clear();
        }
    }

    /**
     * The JUnit extension behind the base class: the shared Karaf in the root store (closed when
     * the run ends) and the evidence of failed tests.
     */
    static final class Harness implements BeforeAllCallback, TestExecutionExceptionHandler {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(Harness.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            Browsers.checkInstalled();
            context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Karaf.class, k -> Karaf.shared(), Karaf.class);
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
                throws Throwable {
            if (context.getTestInstance().orElse(null) instanceof BrowserTestSupport test) {
                String name =
                        "failed-"
                                + context.getRequiredTestClass().getSimpleName()
                                + "."
                                + context.getRequiredTestMethod().getName();
                for (int i = 0; i < test.browsers.size(); i++) {
                    test.browsers.get(i).saveEvidence(name + "-" + (i + 1));
                }
            }
            throw throwable;
        }
    }
}
