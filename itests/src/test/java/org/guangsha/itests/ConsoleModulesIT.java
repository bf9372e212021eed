package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A line's pages in the staff console ({@code BusinessModule.consoleMenu}): {@code GET
 * /api/platform/modules} lists a module's console entries to staff only, operators-only entries to
 * operators only, and the line serves the console's script next to the portal's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleModulesIT extends CitizenTestSupport {

    @Inject SessionFactory sessions;

    @Test
    public void consoleEntriesAreListedToStaffByRole() throws Exception {
        await("the selection line is listed", () -> selection(null) != null);
        assertTrue(
                "no console entries for anyone not signed in",
                selection(null).path("consoleMenu").isMissingNode());
        assertEquals(List.of("batches"), entryIds(staffToken(sessions, "CASEWORKER", "440304")));
        assertEquals(
                List.of("batches", "import"), entryIds(staffToken(sessions, "OPERATOR", null)));
        JsonNode entry = selection(staffToken(sessions, "OPERATOR", null)).path("consoleMenu");
        assertEquals("选房批次", entry.get(0).path("name").path("zh").asText());
        assertEquals("", entry.get(0).path("path").asText());
        assertTrue(entry.get(1).path("operatorsOnly").asBoolean());

        HttpResponse<String> script = get("/ui/selection/console.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    }

    private List<String> entryIds(String token) throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode module = selection(token);
        assertNotNull(module);
        module.path("consoleMenu").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    private JsonNode selection(String token) {
        try {
            HttpResponse<String> r = call("GET", "/api/platform/modules", token, null);
            return r.statusCode() == 200 ? PlatformRestIT.find(json(r), "selection") : null;
        } catch (Exception e) {
            return null;
        }
    }
}
