package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.guangsha.platform.rest.GuangshaRest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/** The JAX-RS runtime reports the application with all its parts and nothing failed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JaxrsRuntimeIT extends GuangshaTestSupport {

    @Inject JaxrsServiceRuntime runtime;

    @Test
    public void nothingFailedAndTheApplicationHasItsParts() throws Exception {
        await("health is 200", () -> statusOf("/api/platform/health") == 200);
        RuntimeDTO dto = runtime.getRuntimeDTO();
        assertEquals(describe(dto.failedApplicationDTOs), 0, dto.failedApplicationDTOs.length);
        assertEquals(describe(dto.failedResourceDTOs), 0, dto.failedResourceDTOs.length);
        assertEquals(describe(dto.failedExtensionDTOs), 0, dto.failedExtensionDTOs.length);

        ApplicationDTO app =
                Arrays.stream(dto.applicationDTOs)
                        .filter(a -> GuangshaRest.APPLICATION_NAME.equals(a.name))
                        .findFirst()
                        .orElse(null);
        assertNotNull("application guangsha is registered", app);
        assertEquals(GuangshaRest.APPLICATION_BASE, app.base);
        Set<String> extensions =
                Arrays.stream(app.extensionDTOs).map(e -> e.name).collect(Collectors.toSet());
        assertTrue(
                extensions.toString(),
                extensions.containsAll(
                        Set.of(
                                "guangsha.json",
                                "guangsha.problem-mapper",
                                "guangsha.http-error-mapper",
                                "guangsha.json-error-mapper",
                                "guangsha.unexpected-error-mapper")));
        assertTrue(app.resourceDTOs.length >= 3);
    }

    private static String describe(Object[] failed) {
        return Arrays.stream(failed)
                .map(f -> f.getClass().getSimpleName() + failedReason(f))
                .collect(Collectors.joining(", "));
    }

    private static String failedReason(Object dto) {
        try {
            return " name="
                    + dto.getClass().getField("name").get(dto)
                    + " reason="
                    + dto.getClass().getField("failureReason").get(dto);
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }
}
