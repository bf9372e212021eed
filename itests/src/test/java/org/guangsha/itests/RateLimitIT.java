package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Captcha, registration and login cannot be flooded: 429 problem+json with Retry-After. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RateLimitIT extends GuangshaTestSupport {

    private static final String FILTER =
            "(&(objectClass=org.guangsha.platform.internal.ratelimit.RateLimiter)"
                    + "(per.address.per.minute=%s))";

    @Inject ConfigurationAdmin configAdmin;

    @Inject BundleContext context;

    @Test
    public void aScriptIsStoppedAfterTheLimit() throws Exception {
        await("captcha answers", () -> statusOf("/api/identity/captcha") == 200);
        Configuration config = configAdmin.getConfiguration("org.guangsha.ratelimit", null);
        Dictionary<String, Object> original = config.getProperties();
        try {
            Dictionary<String, Object> low = new Hashtable<>();
            low.put("per.address.per.minute", "3");
            low.put("per.account.per.minute", "3");
            config.update(low);
            await("the low limit applies", () -> applied("3"));
            HttpResponse<String> last = null;
            for (int i = 0; i < 5; i++) {
                last = get("/api/identity/captcha");
            }
            assertEquals(429, last.statusCode());
            assertEquals(
                    "urn:guangsha:problem:too-many-requests", json(last).path("type").asText());
            long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60);
            // Other endpoints without the annotation are not limited.
            assertEquals(200, get("/api/platform/health").statusCode());
        } finally {
            config.update(original);
            await(
                    "the limit is restored",
                    () -> applied(String.valueOf(original.get("per.address.per.minute"))));
        }
    }

    private boolean applied(String value) {
        try {
            return context.getServiceReferences((String) null, String.format(FILTER, value))
                    != null;
        } catch (Exception e) {
            return false;
        }
    }
}
