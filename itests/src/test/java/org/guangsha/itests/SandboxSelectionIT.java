package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumSet;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * {@code POST /api/sandbox/selection}: a verified citizen gets a fresh demo batch with themselves
 * ranked first and can start pre-selecting at once; the sandbox keeps working without the selection
 * line (its one component using it is simply not there) and offers the demo again once the line is
 * back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SandboxSelectionIT extends CitizenTestSupport {

    private static final String SELECTION = "guangsha-selection";

    @Inject FeaturesService features;

    @Inject BundleContext context;

    @Test
    public void aCitizenGetsADemoBatchWithThemselvesRankedFirst() throws Exception {
        awaitIdentity();
        await("the demo is offered", () -> statusOf("/api/sandbox/selection") == 405);
        String token = registerL2(Person.random());
        HttpResponse<String> r = call("POST", "/api/sandbox/selection", token, null);
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode created = json(r);
        assertTrue(created.path("sandbox").asBoolean());
        JsonNode batch = created.path("batch");
        assertTrue(batch.toString(), batch.path("code").asText().startsWith("SANDBOX-"));
        assertEquals("440304", batch.path("regionCode").asText());
        assertEquals(30, batch.path("units").asInt());
        assertEquals(10, batch.path("families").asInt());
        assertEquals(1, batch.path("sessions").asInt());
        assertEquals(1, created.path("rank").asInt());
        String familyId = created.path("familyId").asText();

        // the caller's family, in pre-selection now, its session two minutes away
        JsonNode mine = json(call("GET", "/api/selection/families/" + familyId, token, null));
        assertEquals(familyId, mine.path("familyId").asText());
        assertEquals("PRESELECT", mine.path("phase").asText());
        assertEquals(1, mine.path("rank").asInt());
        HttpResponse<String> declared =
                call(
                        "POST",
                        "/api/selection/families/" + familyId + "/preselection/declaration",
                        token,
                        JSON.createObjectNode());
        assertEquals(declared.body(), 200, declared.statusCode());

        // a second demo for the same citizen is another batch
        JsonNode second =
                json(
                        call(
                                "POST",
                                "/api/sandbox/selection",
                                token,
                                JSON.createObjectNode()
                                        .put("startsInMinutes", 30)
                                        .put("sessionMinutes", 5)));
        assertTrue(!second.path("batch").path("code").asText().equals(batch.path("code").asText()));
        assertEquals(2, json(call("GET", "/api/selection/me", token, null)).size());

        // refused: out-of-range times (400), an L1 citizen (403), nobody (401)
        HttpResponse<String> bad =
                call(
                        "POST",
                        "/api/sandbox/selection",
                        token,
                        JSON.createObjectNode().put("sessionMinutes", 0));
        assertField(bad, "sessionMinutes");
        String l1 = registerAndLogin(Person.random());
        assertEquals(403, call("POST", "/api/sandbox/selection", l1, null).statusCode());
        assertEquals(401, call("POST", "/api/sandbox/selection", null, null).statusCode());
    }

    @Test
    public void theSandboxWorksWithoutTheSelectionLineAndOffersTheDemoWhenItIsBack()
            throws Exception {
        awaitIdentity();
        await("the demo is offered", () -> statusOf("/api/sandbox/selection") == 405);
        // Looked up before: a test probe that loaded a selection class (another IT of the suite)
        // is refreshed with the line, and its bundle context is then no longer valid.
        Bundle sandbox =
                Arrays.stream(context.getBundles())
                        .filter(b -> "org.guangsha.sandbox".equals(b.getSymbolicName()))
                        .findFirst()
                        .orElseThrow();
        features.uninstallFeature(SELECTION, EnumSet.noneOf(FeaturesService.Option.class));
        try {
            await("the demo is gone", () -> statusOf("/api/sandbox/selection") == 404);
            await("the sandbox runs", () -> sandbox.getState() == Bundle.ACTIVE);
            // the rest of the sandbox answers as before: captchas, a citizen made L2 by its
            // simulated bank-card check, its demo cases
            awaitIdentity();
            String token = registerL2(Person.random());
            assertEquals(
                    201,
                    call("POST", "/api/sandbox/cases", token, JSON.createObjectNode())
                            .statusCode());
            assertEquals(404, call("POST", "/api/sandbox/selection", token, null).statusCode());
        } finally {
            features.installFeature(SELECTION, EnumSet.noneOf(FeaturesService.Option.class));
        }
        await("the demo is back", () -> statusOf("/api/sandbox/selection") == 405);
        String token = registerL2(Person.random());
        assertEquals(201, call("POST", "/api/sandbox/selection", token, null).statusCode());
    }
}
