package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The web bundle over real HTTP: the portal and console documents, their import map and policy,
 * every module file the map names, the WebJar context that reads nothing but WebJar files, and the
 * feature coming and going without touching the REST API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WebIT extends GuangshaTestSupport {

    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    @Inject FeaturesService features;

    @Test
    public void portalAndConsoleLoadEveryModuleTheirImportMapNames() throws Exception {
        await("the portal is served", () -> statusOf("/") == 200);
        for (String page : new String[] {"/", "/console/"}) {
            HttpResponse<String> response = get(page);
            assertEquals(page, 200, response.statusCode());
            assertTrue(
                    response.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .startsWith("text/html"));
            Matcher map = IMPORT_MAP.matcher(response.body());
            assertTrue(page + " has an import map", map.find());
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(
                    "the policy allows the import map by its hash and nothing inline: " + csp,
                    csp.contains("'sha256-" + sha256(map.group(1)) + "'")
                            && !csp.contains("'unsafe-inline' ;")
                            && !csp.matches(".*script-src[^;]*'unsafe-inline'.*"));
            assertTrue(csp.contains("frame-ancestors 'none'"));
            List<String> urls = new ArrayList<>();
            new ObjectMapper()
                    .readTree(map.group(1))
                    .get("imports")
                    .forEach(n -> urls.add(n.asText()));
            for (String url : urls) {
                HttpResponse<String> file = get(url);
                assertEquals(url, 200, file.statusCode());
                assertTrue(
                        url + " is served as JavaScript",
                        file.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .contains("javascript"));
            }
            Matcher app = Pattern.compile("src=\"(/web/[a-z]+/main.js)\"").matcher(response.body());
            assertTrue(app.find());
            assertEquals(200, statusOf(app.group(1)));
        }
        assertEquals(200, statusOf("/web/vendor/vant.css"));
        assertEquals(200, statusOf("/web/css/guangsha.css"));
    }

    @Test
    public void theWebJarContextServesWebJarFilesOnly() throws Exception {
        await("the portal is served", () -> statusOf("/") == 200);
        String vue = vueUrl();
        assertEquals(200, statusOf(vue));
        // The WebJar's manifest and anything outside META-INF/resources/webjars stay unreadable.
        assertEquals(404, statusOf("/web/webjars/../META-INF/MANIFEST.MF"));
        assertEquals(404, statusOf("/web/webjars/%2e%2e/%2e%2e/MANIFEST.MF"));
        assertEquals(404, statusOf("/web/webjars/vue/"));
        // A class of this bundle is not a web file.
        assertEquals(404, statusOf("/web/../org/guangsha/web/internal/WebPages.class"));
        assertEquals(404, statusOf("/no-such-page"));
        assertEquals(302, get("/console").statusCode());
    }

    @Test
    public void theWebFeatureComesAndGoesWithoutTouchingTheApi() throws Exception {
        await("the portal is served", () -> statusOf("/") == 200);
        try {
            features.uninstallFeature("guangsha-web", EnumSet.noneOf(FeaturesService.Option.class));
            await("the portal is gone", () -> statusOf("/") == 404 || statusOf("/") == -1);
            assertEquals(404, statusOf("/web/lib/guangsha.js"));
            assertEquals(200, statusOf("/api/platform/health"));
            // The core's own public page answers (its "not found" page), not the portal's.
            assertEquals(404, statusOf("/verify/GS00000000-NOTHING"));
            assertTrue(get("/verify/GS00000000-NOTHING").body().contains("未找到该文书"));
        } finally {
            features.installFeature("guangsha-web", EnumSet.noneOf(FeaturesService.Option.class));
        }
        await("the portal is back", () -> statusOf("/") == 200);
        assertEquals(200, statusOf(vueUrl()));
    }

    private String vueUrl() throws Exception {
        Matcher map = IMPORT_MAP.matcher(get("/").body());
        assertTrue(map.find());
        Matcher vue = Pattern.compile("\"vue\":\"([^\"]+)\"").matcher(map.group(1));
        assertTrue(vue.find());
        assertNotNull(vue.group(1));
        return vue.group(1);
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
