package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.apache.karaf.features.FeaturesService;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Registration, login, tokens, lockout and the trust-level gate over real HTTP (DOMAIN.md I-1, I-3,
 * I-4), with the sandbox answering captchas.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class IdentityIT extends GuangshaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Guangsha#2026";

    @Inject BundleContext context;

    @Inject ConfigurationAdmin configAdmin;

    @Inject FeaturesService features;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A resource of another line that only real-name verified citizens may use. */
    @Path("itest-l2")
    @Produces(MediaType.APPLICATION_JSON)
    public static class L2Resource {
        @GET
        @RequiresTrustLevel(TrustLevel.L2)
        public String housing() {
            return "{\"ok\":true}";
        }
    }

    @Test
    public void registerLoginMeLogout() throws Exception {
        awaitIdentity();
        Person p = Person.random();
        HttpResponse<String> registered = register(p);
        assertEquals(registered.body(), 201, registered.statusCode());
        JsonNode created = json(registered);
        assertEquals("L1", created.path("trustLevel").asText());
        assertEquals(
                p.idNumber.substring(0, 4) + "**********" + p.idNumber.substring(14),
                created.path("idNumber").asText());
        assertEquals(
                p.mobile.substring(0, 3) + "****" + p.mobile.substring(7),
                created.path("mobile").asText());

        String token = login(p.idNumber, PASSWORD);
        JsonNode me = json(call("GET", "/api/identity/me", token, null));
        assertEquals(p.name, me.path("name").asText());
        assertFalse(me.toString().contains(p.idNumber));
        assertFalse(me.toString().contains(p.mobile));
        assertEquals("L1", me.path("trustLevel").asText());
        assertTrue(me.path("roles").toString().contains("CITIZEN"));

        // Login by mobile works too.
        assertNotNull(login(p.mobile, PASSWORD));

        assertEquals(204, call("POST", "/api/identity/logout", token, null).statusCode());
        HttpResponse<String> after = call("GET", "/api/identity/me", token, null);
        assertEquals(401, after.statusCode());
        assertEquals("urn:guangsha:problem:invalid-token", json(after).path("type").asText());
        assertEquals(401, call("GET", "/api/identity/me", null, null).statusCode());
    }

    @Test
    public void duplicatesAndInvalidFieldsAreNamed() throws Exception {
        awaitIdentity();
        Person p = Person.random();
        assertEquals(201, register(p).statusCode());

        HttpResponse<String> sameId = register(new Person("李四", p.idNumber, Person.newMobile()));
        assertEquals(409, sameId.statusCode());
        assertEquals("idNumber", json(sameId).path("errors").get(0).path("field").asText());
        HttpResponse<String> sameMobile =
                register(new Person("李四", Person.newIdNumber(), p.mobile));
        assertEquals("mobile", json(sameMobile).path("errors").get(0).path("field").asText());

        String badCheck = p.idNumber.substring(0, 17) + (p.idNumber.charAt(17) == '1' ? "2" : "1");
        assertField(register(new Person("王五", badCheck, Person.newMobile())), "idNumber", "校验位");
        assertField(register(new Person("王五", Person.newIdNumber(), "1380013800")), "mobile", null);
        Person weak = Person.random();
        assertField(register(weak, "abcdefgh"), "password", null);

        ObjectNode wrongCaptcha = body(Person.random(), PASSWORD);
        wrongCaptcha.put("captchaAnswer", "WRONG");
        assertField(post("/api/identity/register", wrongCaptcha), "captchaAnswer", null);
    }

    @Test
    public void captchaIsAnImageAndSingleUse() throws Exception {
        awaitIdentity();
        JsonNode captcha = json(get("/api/identity/captcha"));
        assertTrue(captcha.path("image").asText().startsWith("data:image/png;base64,"));
        String id = captcha.path("id").asText();
        String answer = json(get("/api/sandbox/captcha/" + id)).path("answer").asText();
        Person p = Person.random();
        ObjectNode first = body(p, PASSWORD, id, answer);
        assertEquals(201, post("/api/identity/register", first).statusCode());
        ObjectNode again = body(Person.random(), PASSWORD, id, answer);
        assertField(post("/api/identity/register", again), "captchaAnswer", null);
    }

    @Test
    public void fiveFailuresLockTheAccountUntilTheLockEnds() throws Exception {
        awaitIdentity();
        Configuration config = configAdmin.getConfiguration("org.guangsha.identity", null);
        Dictionary<String, Object> original = config.getProperties();
        try {
            Dictionary<String, Object> shortLock = copy(original);
            shortLock.put("lockout.seconds", "3");
            config.update(shortLock);
            Person p = Person.random();
            await("identity restarted with the short lock", () -> registerStatus(p) == 201);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = loginResponse(p.idNumber, "Wrong#Password1");
                assertEquals(wrong.body(), 401, wrong.statusCode());
                assertEquals(
                        "urn:guangsha:problem:invalid-credentials",
                        json(wrong).path("type").asText());
            }
            HttpResponse<String> locked = loginResponse(p.idNumber, PASSWORD);
            assertEquals(locked.body(), 403, locked.statusCode());
            assertEquals("urn:guangsha:problem:account-locked", json(locked).path("type").asText());
            Thread.sleep(3500);
            assertNotNull("unlocked after the lock time", login(p.idNumber, PASSWORD));
            assertTrue(auditCount(p, "BAD_PASSWORD") == 5);
            assertTrue(auditCount(p, "LOCKED") == 1);
            assertTrue(auditCount(p, "SUCCESS") == 1);
        } finally {
            config.update(original);
        }
    }

    @Test
    public void tokensExpire() throws Exception {
        awaitIdentity();
        Configuration config = configAdmin.getConfiguration("org.guangsha.identity", null);
        Dictionary<String, Object> original = config.getProperties();
        try {
            Dictionary<String, Object> shortTokens = copy(original);
            shortTokens.put("token.seconds", "2");
            config.update(shortTokens);
            Person p = Person.random();
            await("identity restarted with short tokens", () -> registerStatus(p) == 201);
            String token = login(p.idNumber, PASSWORD);
            await("the token expires", () -> statusWith(token) == 401);
        } finally {
            config.update(original);
        }
    }

    @Test
    public void anL2ResourceRefusesL1AndAnonymousCallers() throws Exception {
        awaitIdentity();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.resource", true);
        props.put("osgi.jaxrs.application.select", GuangshaRest.APPLICATION_SELECT);
        ServiceRegistration<Object> reg =
                context.registerService(Object.class, new L2Resource(), props);
        try {
            await("the L2 resource is up", () -> statusOf("/api/itest-l2") == 401);
            HttpResponse<String> anonymous = get("/api/itest-l2");
            assertEquals(
                    "urn:guangsha:problem:unauthenticated", json(anonymous).path("type").asText());
            Person p = Person.random();
            register(p);
            String token = login(p.idNumber, PASSWORD);
            HttpResponse<String> l1 = call("GET", "/api/itest-l2", token, null);
            assertEquals(403, l1.statusCode());
            assertEquals(
                    "urn:guangsha:problem:trust-level-required", json(l1).path("type").asText());
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void sandboxCaptchaPathExistsOnlyWithTheSandboxFeature() throws Exception {
        awaitIdentity();
        String id = json(get("/api/identity/captcha")).path("id").asText();
        assertEquals(200, get("/api/sandbox/captcha/" + id).statusCode());
        features.uninstallFeature("guangsha-sandbox", EnumSet.noneOf(FeaturesService.Option.class));
        try {
            await("the sandbox path is gone", () -> statusOf("/api/sandbox/captcha/" + id) == 404);
            assertFalse(get("/api/openapi.json").body().contains("/sandbox/"));
        } finally {
            features.installFeature(
                    "guangsha-sandbox", EnumSet.noneOf(FeaturesService.Option.class));
        }
        awaitIdentity();
    }

    // --- helpers -------------------------------------------------------------------------

    private void awaitIdentity() throws InterruptedException {
        await(
                "identity and sandbox answer",
                () -> {
                    try {
                        HttpResponse<String> c = get("/api/identity/captcha");
                        return c.statusCode() == 200
                                && get("/api/sandbox/captcha/" + json(c).path("id").asText())
                                                .statusCode()
                                        == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    private int registerStatus(Person p) {
        try {
            return register(p).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> register(Person p) throws Exception {
        return register(p, PASSWORD);
    }

    private HttpResponse<String> register(Person p, String password) throws Exception {
        return post("/api/identity/register", body(p, password));
    }

    private ObjectNode body(Person p, String password) throws Exception {
        JsonNode captcha = json(get("/api/identity/captcha"));
        String id = captcha.path("id").asText();
        return body(
                p, password, id, json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
    }

    private static ObjectNode body(Person p, String password, String captchaId, String answer) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", p.name);
        body.put("idNumber", p.idNumber);
        body.put("mobile", p.mobile);
        body.put("password", password);
        body.put("captchaId", captchaId);
        body.put("captchaAnswer", answer);
        return body;
    }

    private String login(String account, String password) throws Exception {
        HttpResponse<String> r = loginResponse(account, password);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode body = json(r);
        assertTrue(body.path("expiresAt").asText().endsWith("+08:00"));
        return body.path("token").asText();
    }

    private HttpResponse<String> loginResponse(String account, String password) throws Exception {
        String id = json(get("/api/identity/captcha")).path("id").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("account", account);
        body.put("password", password);
        body.put("captchaId", id);
        body.put("captchaAnswer", json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
        return post("/api/identity/login", body);
    }

    private HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return call("POST", path, null, body);
    }

    private HttpResponse<String> call(String method, String path, String token, JsonNode body)
            throws Exception {
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body.toString(), StandardCharsets.UTF_8));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int statusWith(String token) {
        try {
            return call("GET", "/api/identity/me", token, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void assertField(HttpResponse<String> r, String field, String zhFragment)
            throws Exception {
        assertEquals(r.body(), 400, r.statusCode());
        assertTrue(
                r.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith(GuangshaRest.PROBLEM_JSON));
        JsonNode error = json(r).path("errors").get(0);
        assertEquals(r.body(), field, error.path("field").asText());
        if (zhFragment != null) {
            assertTrue(
                    error.path("message").asText(),
                    error.path("message").asText().contains(zhFragment));
        }
    }

    private int auditCount(Person p, String outcome) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM PLT_LOGIN_AUDIT l JOIN PLT_ACCOUNT a ON a.ID = l.ACCOUNT_ID"
                                        + " WHERE a.ID_NUMBER = ? AND l.OUTCOME = ?")) {
            st.setString(1, p.idNumber);
            st.setString(2, outcome);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
        Dictionary<String, Object> copy = new Hashtable<>();
        if (d != null) {
            for (java.util.Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                copy.put(k, d.get(k));
            }
        }
        return copy;
    }

    /** A made-up citizen with a valid ID number (GB 11643 check digit) and mobile. */
    record Person(String name, String idNumber, String mobile) {
        static Person random() {
            return new Person("张三", newIdNumber(), newMobile());
        }

        static String newMobile() {
            return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        }

        static String newIdNumber() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String base =
                    String.format(
                            "440304%04d%02d%02d%03d",
                            1950 + r.nextInt(50),
                            1 + r.nextInt(12),
                            1 + r.nextInt(28),
                            r.nextInt(1000));
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (base.charAt(i) - '0') * weights[i];
            }
            return base + "10X98765432".charAt(sum % 11);
        }
    }
}
