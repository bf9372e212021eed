package org.guangsha.itests;

import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/**
 * A business line comes and goes at run time: uninstalling its feature removes it from the module
 * list and its pages from {@code /ui/selection/}, installing it brings both back, without
 * restarting anything.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HotDeploymentIT extends GuangshaTestSupport {

    private static final String FEATURE = "guangsha-selection";

    @Inject FeaturesService features;

    @Inject BundleContext context;

    @Test
    public void selectionLineIsUninstalledAndInstalledWithoutRestart() throws Exception {
        long frameworkStart = context.getBundle(0).getLastModified();
        await("selection is listed", () -> selectionListed(true));
        await("its pages are served", () -> statusOf("/ui/selection/main.js") == 200);

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("selection is gone from /api/platform/modules", () -> selectionListed(false));
        assertTrue(
                "the bundle is gone too",
                Arrays.stream(context.getBundles())
                        .noneMatch(b -> "org.guangsha.selection".equals(b.getSymbolicName())));
        assertNull(PlatformRestIT.find(json(get("/api/platform/modules")), "selection"));
        await("its pages are gone", () -> statusOf("/ui/selection/main.js") == 404);

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await("selection is back in /api/platform/modules", () -> selectionListed(true));
        await("its pages are back", () -> statusOf("/ui/selection/main.js") == 200);

        assertTrue(
                "the framework was not restarted",
                context.getBundle(0).getLastModified() == frameworkStart);
        assertTrue(features.isInstalled(features.getFeature(FEATURE)));
    }

    private boolean selectionListed(boolean expected) {
        try {
            return (PlatformRestIT.find(json(get("/api/platform/modules")), "selection") != null)
                    == expected;
        } catch (Exception e) {
            return false;
        }
    }
}
