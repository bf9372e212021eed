package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Dictionary;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Health answers 503 while the database is gone and 200 once it is back; the rest of the platform
 * follows without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DatabaseOutageIT extends GuangshaTestSupport {

    @Inject ConfigurationAdmin configAdmin;

    @Test
    public void healthIs503WithoutTheDatabaseAnd200WhenItIsBack() throws Exception {
        await("health is 200", () -> statusOf("/api/platform/health") == 200);
        Configuration[] found =
                configAdmin.listConfigurations(
                        "(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=guangsha))");
        assertNotNull("the guangsha DataSource is configured", found);
        Configuration config = found[0];
        Dictionary<String, Object> original = config.getProperties();
        String url = (String) original.get("url");
        try {
            Dictionary<String, Object> broken = config.getProperties();
            broken.put("url", "jdbc:h2:file:/nonexistent/dir/guangsha;IFEXISTS=TRUE");
            config.update(broken);
            await("health is 503", () -> statusOf("/api/platform/health") == 503);
            JsonNode body = json(get("/api/platform/health"));
            assertEquals("DOWN", body.path("status").asText());
            assertFalse(body.path("database").path("reachable").asBoolean());
        } finally {
            Dictionary<String, Object> restored = config.getProperties();
            restored.put("url", url);
            config.update(restored);
        }
        await("health is 200 again", () -> statusOf("/api/platform/health") == 200);
    }
}
