package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Without the sandbox feature the platform still runs: it can be uninstalled at run time, and calls
 * that need a missing government service get 503 problem+json, never a stack trace.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SandboxUninstallIT extends CitizenTestSupport {

    private static final String FEATURE = "guangsha-sandbox";

    @Inject FeaturesService features;

    @Test
    public void thePlatformAnswersWithoutTheSandboxAndSays503ForMissingServices() throws Exception {
        awaitIdentity();
        // logged in while the sandbox answers captchas; the token lives in the database
        String token = registerL2(Person.random());
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        try {
            await("the sandbox's paths are gone", () -> statusOf("/api/sandbox/captcha/x") == 404);
            assertEquals(200, statusOf("/api/platform/health"));
            assertEquals(200, statusOf("/api/identity/captcha"));
            assertEquals(200, call("GET", "/api/identity/me", token, null).statusCode());
            assertEquals("[]", get("/api/identity/verifications/methods").body().replace(" ", ""));

            HttpResponse<String> licence = call("POST", "/api/licences/id-card", token, null);
            assertUnavailable(licence, "no-provider");
            JsonNode service = json(call("GET", "/api/licences/service", token, null));
            assertTrue(
                    service.toString(),
                    service.path("provider").isMissingNode() || service.path("provider").isNull());
            HttpResponse<String> face =
                    call(
                            "POST",
                            "/api/identity/face-sessions",
                            token,
                            JSON.createObjectNode().put("purpose", "verify"));
            assertUnavailable(face, "service-unavailable");
        } finally {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
            await(
                    "the sandbox is back",
                    () -> statusOf("/api/sandbox/captcha/x") == 404 && sandboxUp());
        }
    }

    private boolean sandboxUp() {
        try {
            String id = json(get("/api/identity/captcha")).path("id").asText();
            return statusOf("/api/sandbox/captcha/" + id) == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void assertUnavailable(HttpResponse<String> r, String type) throws Exception {
        assertEquals(r.body(), 503, r.statusCode());
        assertTrue(
                r.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"));
        assertEquals("urn:guangsha:problem:" + type, json(r).path("type").asText());
        assertTrue(r.body(), !r.body().contains("Exception"));
    }
}
