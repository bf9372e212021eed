package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * {@code GET /api/platform/features}: operators see the Guangsha features of the distribution,
 * which are installed and started, and which business module came with which feature; nobody else
 * does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FeaturesIT extends CitizenTestSupport {

    @Inject SessionFactory sessions;

    @Test
    public void operatorsSeeTheGuangshaFeaturesOthersAreRefused() throws Exception {
        awaitIdentity();
        String operator = staffToken(sessions, "OPERATOR", null);
        HttpResponse<String> r = call("GET", "/api/platform/features", operator, null);
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonNode features = json(r);
        assertTrue(features.isArray());
        features.forEach(
                f -> assertTrue(f.toString(), f.path("name").asText().startsWith("guangsha-")));

        JsonNode platform = find(features, "guangsha-platform");
        assertNotNull(features.toString(), platform);
        assertTrue(platform.path("installed").asBoolean());
        assertTrue(platform.path("started").asBoolean());
        assertFalse(platform.path("version").asText().isEmpty());
        assertTrue(platform.path("description").asText().contains("Guangsha"));

        // the selection line's module came with its feature
        JsonNode selection = find(features, "guangsha-selection");
        assertTrue(selection.path("installed").asBoolean());
        assertEquals("selection", selection.path("modules").get(0).asText());
        assertEquals(0, platform.path("modules").size());
        // so did the Jiangxi application line's, booted by the demo distribution
        JsonNode jiangxiLine = find(features, "guangsha-jiangxi-application");
        assertNotNull(features.toString(), jiangxiLine);
        assertTrue(jiangxiLine.path("installed").asBoolean());
        assertTrue(jiangxiLine.path("started").asBoolean());
        assertEquals("jiangxi", jiangxiLine.path("modules").get(0).asText());

        // in system/ but not installed: the city presets
        JsonNode jiangxi = find(features, "guangsha-city-jiangxi");
        assertNotNull(features.toString(), jiangxi);
        assertFalse(jiangxi.path("installed").asBoolean());
        assertFalse(jiangxi.path("started").asBoolean());

        String citizen = registerAndLogin(Person.random());
        HttpResponse<String> asCitizen = call("GET", "/api/platform/features", citizen, null);
        assertEquals(403, asCitizen.statusCode());
        assertEquals(
                "urn:guangsha:problem:wrong-account-kind", json(asCitizen).path("type").asText());
        String caseworker = staffToken(sessions, "CASEWORKER", "440304");
        HttpResponse<String> asCaseworker = call("GET", "/api/platform/features", caseworker, null);
        assertEquals(403, asCaseworker.statusCode());
        assertEquals("urn:guangsha:problem:forbidden", json(asCaseworker).path("type").asText());
        assertEquals(401, call("GET", "/api/platform/features", null, null).statusCode());
    }

    private static JsonNode find(JsonNode features, String name) {
        return StreamSupport.stream(features.spliterator(), false)
                .filter(f -> name.equals(f.path("name").asText()))
                .findFirst()
                .orElse(null);
    }
}
