package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.guangsha.platform.rest.GuangshaRest;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The REST application over real HTTP: health, modules, the error contract, OpenAPI, docs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlatformRestIT extends GuangshaTestSupport {

    @Inject BundleContext context;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    private ServiceRegistration<Object> probe;

    @Before
    public void registerProbeResource() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.resource", true);
        props.put("osgi.jaxrs.name", "itest-probe");
        props.put("osgi.jaxrs.application.select", GuangshaRest.APPLICATION_SELECT);
        props.put("osgi.jaxrs.extension.select", "(osgi.jaxrs.media.type=application/json)");
        probe = context.registerService(Object.class, new ProbeResource(), props);
        await("the probe resource answers", () -> statusOf("/api/itest-probe/failure") == 500);
    }

    @After
    public void unregisterProbeResource() {
        probe.unregister();
    }

    @Test
    public void healthIsUpWithItsDatabase() throws Exception {
        await("health is 200", () -> statusOf("/api/platform/health") == 200);
        HttpResponse<String> response = get("/api/platform/health");
        assertTrue(
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/json"));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonNode body = json(response);
        assertEquals("UP", body.path("status").asText());
        assertEquals("0.1.0-SNAPSHOT", body.path("version").asText());
        assertTrue(body.path("database").path("reachable").asBoolean());
        assertTrue(body.path("database").path("migrated").asBoolean());
        assertTrue(body.path("checkedAt").asText().endsWith("+08:00"));
    }

    @Test
    public void modulesListTheSelectionLine() throws Exception {
        JsonNode modules = json(get("/api/platform/modules"));
        assertTrue(modules.isArray());
        JsonNode selection = find(modules, "selection");
        assertNotNull("selection is listed: " + modules, selection);
        assertEquals("在线选房签约", selection.path("name").path("zh").asText());
        assertEquals("Online selection & signing", selection.path("name").path("en").asText());
        assertEquals("/ui/selection/", selection.path("ui").asText());
        assertEquals("L2", selection.path("requiredTrustLevel").asText());
        assertTrue(selection.path("menu").size() > 0);
    }

    @Test
    public void modulesListTheJiangxiApplicationLine() throws Exception {
        JsonNode jiangxi = find(json(get("/api/platform/modules")), "jiangxi");
        assertNotNull("jiangxi is listed", jiangxi);
        assertEquals("公租房申请一件事", jiangxi.path("name").path("zh").asText());
        assertEquals("/ui/jiangxi/", jiangxi.path("ui").asText());
        assertEquals("L2", jiangxi.path("requiredTrustLevel").asText());
        assertTrue(jiangxi.path("menu").size() > 0);
    }

    @Test
    public void unknownPathIsProblemJsonNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = get("/api/no/such/path");
        assertProblem(response, 404, "not-found");
        assertEquals("/api/no/such/path", json(response).path("instance").asText());
    }

    @Test
    public void wrongMethodIsProblemJson() throws Exception {
        HttpResponse<String> response = post("/api/platform/health", "application/json", "{}");
        assertProblem(response, 405, "method-not-allowed");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"));
    }

    @Test
    public void malformedJsonIs400ProblemJson() throws Exception {
        HttpResponse<String> response =
                post("/api/itest-probe/applicants", "application/json", "{\"name\": \"张三\",");
        assertProblem(response, 400, "malformed-json");
    }

    @Test
    public void unknownFieldIsNamed() throws Exception {
        HttpResponse<String> response =
                post(
                        "/api/itest-probe/applicants",
                        "application/json",
                        "{\"name\": \"张三\", \"familySize\": 3, \"nickname\": \"x\"}");
        assertProblem(response, 400, "validation");
        JsonNode error = json(response).path("errors").get(0);
        assertEquals("nickname", error.path("field").asText());
        assertTrue(isChinese(error.path("message").asText()));
    }

    @Test
    public void wrongTypeIsNamed() throws Exception {
        HttpResponse<String> response =
                post(
                        "/api/itest-probe/applicants",
                        "application/json",
                        "{\"name\": \"张三\", \"familySize\": \"three\"}");
        assertProblem(response, 400, "validation");
        assertEquals("familySize", json(response).path("errors").get(0).path("field").asText());
    }

    @Test
    public void validJsonStillWorks() throws Exception {
        HttpResponse<String> response =
                post(
                        "/api/itest-probe/applicants",
                        "application/json",
                        "{\"name\": \"张三\", \"familySize\": 3}");
        assertEquals(200, response.statusCode());
        assertEquals("张三", json(response).path("name").asText());
    }

    @Test
    public void unexpectedFailureIs500WithoutInternals() throws Exception {
        HttpResponse<String> response = get("/api/itest-probe/failure");
        assertProblem(response, 500, "server-error");
        assertFalse(response.body().contains("secret internal detail"));
        assertFalse(response.body().contains("Exception"));
        assertTrue(json(response).path("detail").asText().contains("incident"));
    }

    @Test
    public void openApiDescribesEveryInstalledResource() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode api = json(response);
        assertTrue(api.path("openapi").asText().startsWith("3."));
        assertEquals("/api", api.path("servers").get(0).path("url").asText());
        JsonNode paths = api.path("paths");
        assertTrue(paths.has("/platform/health"));
        assertTrue(paths.has("/platform/modules"));
        assertTrue(paths.has("/platform/features"));
        assertTrue(paths.has("/platform/qr"));
        for (String core :
                List.of(
                        "/attachments",
                        "/licences/{type}",
                        "/documents/{id}/pdf",
                        "/signing/{id}/signature",
                        "/cases/{id}/progress",
                        "/review/queue",
                        "/review/cases/{id}/decisions")) {
            assertTrue(core, paths.has(core));
        }
        // A resource of another bundle (this test's) is described as soon as it is registered.
        assertTrue(paths.has("/itest-probe/applicants"));
        assertTrue(paths.path("/itest-probe/applicants").has("post"));
    }

    @Test
    public void browsableApiPageIsServed() throws Exception {
        HttpResponse<String> page = get("/api/docs/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/api/openapi.json"));
        HttpResponse<String> script = get("/api/docs/swagger-ui-bundle.js");
        assertEquals(200, script.statusCode());
        assertTrue(
                script.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/javascript"));
        assertProblem(get("/api/docs/no-such-file.js"), 404, "not-found");
    }

    @Test
    public void platformSchemaIsMigratedAndItsRowsWritten() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement history =
                        c.prepareStatement(
                                "SELECT VERSION FROM PLT_SCHEMA_HISTORY WHERE MODULE_ID = 'platform' ORDER BY VERSION");
                ResultSet versions = history.executeQuery()) {
            assertTrue("platform V1 is recorded", versions.next());
            assertEquals(1, versions.getInt(1));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement setting =
                        c.prepareStatement(
                                "SELECT SETTING_VALUE FROM PLT_SETTING WHERE SETTING_KEY = 'installation.id'");
                ResultSet value = setting.executeQuery()) {
            assertTrue("the installation id was written through JPA", value.next());
            assertEquals(36, value.getString(1).length());
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug)
            throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith(GuangshaRest.PROBLEM_JSON));
        assertFalse(response.body().contains("<html"));
        JsonNode problem = json(response);
        assertEquals("urn:guangsha:problem:" + slug, problem.path("type").asText());
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("title").asText(), isChinese(problem.path("title").asText()));
    }

    private static boolean isChinese(String text) {
        return !text.isEmpty()
                && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    static JsonNode find(JsonNode modules, String id) {
        return StreamSupport.stream(modules.spliterator(), false)
                .filter(m -> id.equals(m.path("id").asText()))
                .findFirst()
                .orElse(null);
    }
}
