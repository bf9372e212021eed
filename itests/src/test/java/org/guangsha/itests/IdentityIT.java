package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Dictionary;
import java.util.EnumSet;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Registration, login, tokens, lockout and the trust-level gate over real HTTP (DOMAIN.md I-1, I-3,
 * I-4), with the sandbox answering captchas.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class IdentityIT extends CitizenTestSupport {

    @Inject BundleContext context;

    @Inject ConfigurationAdmin configAdmin;

    @Inject FeaturesService features;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    @Test
    public void registerLoginMeLogout() throws Exception {
        awaitIdentity();
        Person p = Person.random();
        HttpResponse<String> registered = register(p);
        assertEquals(registered.body(), 201, registered.statusCode());
        JsonNode created = json(registered);
        assertEquals("L1", created.path("trustLevel").asText());
        assertEquals(
                p.idNumber().substring(0, 4) + "**********" + p.idNumber().substring(14),
                created.path("idNumber").asText());
        assertEquals(
                p.mobile().substring(0, 3) + "****" + p.mobile().substring(7),
                created.path("mobile").asText());

        String token = login(p.idNumber(), PASSWORD);
        JsonNode me = json(call("GET", "/api/identity/me", token, null));
        assertEquals(p.name(), me.path("name").asText());
        assertFalse(me.toString().contains(p.idNumber()));
        assertFalse(me.toString().contains(p.mobile()));
        assertEquals("L1", me.path("trustLevel").asText());
        assertTrue(me.path("roles").toString().contains("CITIZEN"));

        // Login by mobile works too.
        assertNotNull(login(p.mobile(), PASSWORD));

        assertEquals(204, call("POST", "/api/identity/logout", token, null).statusCode());
        HttpResponse<String> after = call("GET", "/api/identity/me", token, null);
        assertEquals(401, after.statusCode());
        assertEquals("urn:guangsha:problem:invalid-token", json(after).path("type").asText());
        assertEquals(401, call("GET", "/api/identity/me", null, null).statusCode());
    }

    @Test
    public void otherLoginMethodsAreListedAndWork() throws Exception {
        awaitIdentity();
        await(
                "the sandbox login methods",
                () -> {
                    try {
                        return json(get("/api/identity/login-methods")).size() == 3;
                    } catch (Exception e) {
                        return false;
                    }
                });
        JsonNode methods = json(get("/api/identity/login-methods"));
        assertEquals("password", methods.get(0).path("id").asText());
        assertTrue(methods.toString().contains("\"wechat\""));
        assertTrue(methods.toString().contains("\"ca-certificate\""));

        Person p = Person.random();
        assertEquals(201, register(p).statusCode());
        HttpResponse<String> wechat =
                call(
                        "POST",
                        "/api/identity/login/wechat",
                        null,
                        JSON.createObjectNode().put("scanCode", "SANDBOX:" + p.idNumber()));
        assertEquals(wechat.body(), 200, wechat.statusCode());
        String token = json(wechat).path("token").asText();
        assertEquals(
                p.name(), json(call("GET", "/api/identity/me", token, null)).path("name").asText());

        HttpResponse<String> stranger =
                call(
                        "POST",
                        "/api/identity/login/ca-certificate",
                        null,
                        JSON.createObjectNode()
                                .put("certificate", "SANDBOX-CERT:" + Person.newIdNumber()));
        assertEquals(401, stranger.statusCode());
        assertEquals("urn:guangsha:problem:no-account", json(stranger).path("type").asText());
        HttpResponse<String> forged =
                call(
                        "POST",
                        "/api/identity/login/wechat",
                        null,
                        JSON.createObjectNode().put("scanCode", "x"));
        assertEquals(
                "urn:guangsha:problem:invalid-credentials", json(forged).path("type").asText());
        assertEquals(
                404,
                call("POST", "/api/identity/login/nope", null, JSON.createObjectNode())
                        .statusCode());
    }

    @Test
    public void duplicatesAndInvalidFieldsAreNamed() throws Exception {
        awaitIdentity();
        Person p = Person.random();
        assertEquals(201, register(p).statusCode());

        HttpResponse<String> sameId = register(new Person("李四", p.idNumber(), Person.newMobile()));
        assertEquals(409, sameId.statusCode());
        assertEquals("idNumber", json(sameId).path("errors").get(0).path("field").asText());
        HttpResponse<String> sameMobile =
                register(new Person("李四", Person.newIdNumber(), p.mobile()));
        assertEquals("mobile", json(sameMobile).path("errors").get(0).path("field").asText());

        String badCheck =
                p.idNumber().substring(0, 17) + (p.idNumber().charAt(17) == '1' ? "2" : "1");
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
        Dictionary<String, Object> original =
                setIdentityConfig(configAdmin, context, "AccountService", "lockout.seconds", "3");
        try {
            Person p = Person.random();
            assertEquals(201, register(p).statusCode());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = loginResponse(p.idNumber(), "Wrong#Password1");
                assertEquals(wrong.body(), 401, wrong.statusCode());
                assertEquals(
                        "urn:guangsha:problem:invalid-credentials",
                        json(wrong).path("type").asText());
            }
            HttpResponse<String> locked = loginResponse(p.idNumber(), PASSWORD);
            assertEquals(locked.body(), 403, locked.statusCode());
            assertEquals("urn:guangsha:problem:account-locked", json(locked).path("type").asText());
            Thread.sleep(3500);
            assertNotNull("unlocked after the lock time", login(p.idNumber(), PASSWORD));
            assertTrue(auditCount(p, "BAD_PASSWORD") == 5);
            assertTrue(auditCount(p, "LOCKED") == 1);
            assertTrue(auditCount(p, "SUCCESS") == 1);
        } finally {
            restoreIdentityConfig(
                    configAdmin, context, original, "AccountService", "lockout.seconds");
        }
    }

    @Test
    public void tokensExpire() throws Exception {
        awaitIdentity();
        Dictionary<String, Object> original =
                setIdentityConfig(configAdmin, context, "AccountService", "token.seconds", "2");
        try {
            Person p = Person.random();
            String token = registerAndLogin(p);
            assertEquals(200, statusWith(token));
            await("the token expires", () -> statusWith(token) == 401);
        } finally {
            restoreIdentityConfig(
                    configAdmin, context, original, "AccountService", "token.seconds");
        }
    }

    @Test
    public void anL2ResourceRefusesL1AndAnonymousCallers() throws Exception {
        awaitIdentity();
        ServiceRegistration<Object> reg = registerL2Resource(context);
        try {
            HttpResponse<String> anonymous = get("/api/itest-l2");
            assertEquals(
                    "urn:guangsha:problem:unauthenticated", json(anonymous).path("type").asText());
            Person p = Person.random();
            register(p);
            String token = login(p.idNumber(), PASSWORD);
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

    private int auditCount(Person p, String outcome) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM PLT_LOGIN_AUDIT l JOIN PLT_ACCOUNT a ON a.ID = l.ACCOUNT_ID"
                                        + " WHERE a.ID_NUMBER = ? AND l.OUTCOME = ?")) {
            st.setString(1, p.idNumber());
            st.setString(2, outcome);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
