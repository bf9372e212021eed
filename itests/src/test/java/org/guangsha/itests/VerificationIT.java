package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import org.guangsha.platform.identity.FaceSessions;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Real-name verification raises L1 to L2 (I-2, I-4) and face checks by phone (I-5), with the
 * sandbox's simulated methods.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class VerificationIT extends CitizenTestSupport {

    @Inject BundleContext context;

    @Inject ConfigurationAdmin configAdmin;

    @Inject FaceSessions faceSessions;

    @Test
    public void fourMethodsAreListed() throws Exception {
        awaitMethods();
        Set<String> ids = new TreeSet<>();
        json(get("/api/identity/verifications/methods"))
                .forEach(m -> ids.add(m.path("id").asText()));
        assertEquals(Set.of("bank-card", "face", "social-security-card", "wechat"), ids);
    }

    @Test
    public void l1IsRefusedWithTheMethodsAndAllowedAfterAVerification() throws Exception {
        awaitMethods();
        ServiceRegistration<Object> l2 = registerL2Resource(context);
        try {
            Person p = Person.random();
            String token = registerAndLogin(p);
            HttpResponse<String> refused = call("GET", "/api/itest-l2", token, null);
            assertEquals(403, refused.statusCode());
            JsonNode problem = json(refused);
            assertEquals(
                    "urn:guangsha:problem:trust-level-required", problem.path("type").asText());
            assertEquals("L2", problem.path("requiredTrustLevel").asText());
            assertEquals(4, problem.path("verificationMethods").size());

            JsonNode failed =
                    verify(token, "bank-card", "cardNumber", "6222020200110030000", p.mobile());
            assertEquals("FAILED", failed.path("status").asText());
            assertEquals("L1", failed.path("trustLevel").asText());

            JsonNode passed =
                    verify(token, "bank-card", "cardNumber", "6222020200112230004", p.mobile());
            assertEquals(passed.toString(), "PASSED", passed.path("status").asText());
            assertEquals("L2", passed.path("trustLevel").asText());
            assertEquals(
                    "L2",
                    json(call("GET", "/api/identity/me", token, null)).path("trustLevel").asText());
            assertEquals(200, call("GET", "/api/itest-l2", token, null).statusCode());
        } finally {
            l2.unregister();
        }
    }

    @Test
    public void faceCheckOnThePhoneVerifiesOnceForItsOwnerOnly() throws Exception {
        awaitMethods();
        Person p = Person.random();
        String token = registerAndLogin(p);
        JsonNode session = createFaceSession(token);
        String id = session.path("id").asText();
        assertEquals("PENDING", session.path("status").asText());
        String qr = session.path("qr").asText();
        assertTrue(qr, qr.startsWith("/api/sandbox/face/" + id + "?k="));
        assertTrue(session.path("expiresAt").asText().endsWith("+08:00"));

        // Another account does not see it and cannot use it.
        String other = registerAndLogin(Person.random());
        assertEquals(
                404, call("GET", "/api/identity/face-sessions/" + id, other, null).statusCode());

        // The phone opens the page and passes the check; a wrong secret changes nothing.
        HttpResponse<String> page = get(qr);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("沙箱模拟"));
        assertEquals(404, complete(id, "wrong-secret-123", true).statusCode());
        String secret = qr.substring(qr.indexOf("?k=") + 3);
        assertEquals(200, complete(id, secret, true).statusCode());
        assertEquals(404, complete(id, secret, false).statusCode());
        assertEquals(
                "PASSED",
                json(call("GET", "/api/identity/face-sessions/" + id, token, null))
                        .path("status")
                        .asText());

        assertEquals(
                "FAILED", verify(other, "face", "faceSessionId", id, null).path("status").asText());
        JsonNode verified = verify(token, "face", "faceSessionId", id, null);
        assertEquals("PASSED", verified.path("status").asText());
        assertEquals("L2", verified.path("trustLevel").asText());
        assertEquals(
                "single use",
                "FAILED",
                verify(token, "face", "faceSessionId", id, null).path("status").asText());
    }

    @Test
    public void faceSessionsExpire() throws Exception {
        awaitMethods();
        Dictionary<String, Object> original =
                setIdentityConfig(configAdmin, context, "FaceSessionService", "face.seconds", "2");
        try {
            Person p = Person.random();
            String token = registerAndLogin(p);
            JsonNode session = createFaceSession(token);
            String id = session.path("id").asText();
            String qr = session.path("qr").asText();
            await(
                    "the session expires",
                    () -> {
                        try {
                            return "EXPIRED"
                                    .equals(
                                            json(call(
                                                            "GET",
                                                            "/api/identity/face-sessions/" + id,
                                                            token,
                                                            null))
                                                    .path("status")
                                                    .asText());
                        } catch (Exception e) {
                            return false;
                        }
                    });
            assertEquals(404, complete(id, qr.substring(qr.indexOf("?k=") + 3), true).statusCode());
        } finally {
            restoreIdentityConfig(
                    configAdmin, context, original, "FaceSessionService", "face.seconds");
        }
    }

    @Test
    public void aBadPurposeIsNamed() throws Exception {
        awaitMethods();
        String token = registerAndLogin(Person.random());
        ObjectNode body = JSON.createObjectNode().put("purpose", "anything");
        HttpResponse<String> r = call("POST", "/api/identity/face-sessions", token, body);
        assertEquals(400, r.statusCode());
        assertEquals("purpose", json(r).path("errors").get(0).path("field").asText());
        assertEquals(401, call("POST", "/api/identity/face-sessions", null, body).statusCode());
    }

    /**
     * JX-3: a line's application asks for a face check before its form with the purpose {@code
     * apply:<application id>}; the session is consumed once, for that application only.
     */
    @Test
    public void anApplicationsFaceCheckIsConsumedOnceForThatApplication() throws Exception {
        awaitMethods();
        String token = registerAndLogin(Person.random());
        String accountId = json(call("GET", "/api/identity/me", token, null)).path("id").asText();
        String purpose = "apply:3f2b7c1e-5a4d-4e8f-9b0a-1c2d3e4f5a6b";
        String id = passedFaceSession(token, purpose);
        JsonNode session = json(call("GET", "/api/identity/face-sessions/" + id, token, null));
        assertEquals(purpose, session.path("purpose").asText());
        assertEquals("PASSED", session.path("status").asText());

        assertFalse(faceSessions.consume(id, accountId, "apply:another-application"));
        assertFalse(
                faceSessions.consume(id, accountId, "sign:3f2b7c1e-5a4d-4e8f-9b0a-1c2d3e4f5a6b"));
        // nor does it serve as a real-name verification
        assertEquals(
                "FAILED", verify(token, "face", "faceSessionId", id, null).path("status").asText());
        assertTrue(faceSessions.consume(id, accountId, purpose));
        assertFalse("single use", faceSessions.consume(id, accountId, purpose));

        ObjectNode bad = JSON.createObjectNode().put("purpose", "apply:a b");
        HttpResponse<String> r = call("POST", "/api/identity/face-sessions", token, bad);
        assertEquals(400, r.statusCode());
        assertEquals("purpose", json(r).path("errors").get(0).path("field").asText());
    }

    private void awaitMethods() throws InterruptedException {
        await(
                "four verification methods",
                () -> {
                    try {
                        return json(get("/api/identity/verifications/methods")).size() == 4
                                && get("/api/identity/captcha").statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    private JsonNode createFaceSession(String token) throws Exception {
        HttpResponse<String> r =
                call(
                        "POST",
                        "/api/identity/face-sessions",
                        token,
                        JSON.createObjectNode().put("purpose", "verify"));
        assertEquals(r.body(), 201, r.statusCode());
        return json(r);
    }
}
