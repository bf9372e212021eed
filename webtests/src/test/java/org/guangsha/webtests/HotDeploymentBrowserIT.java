package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A business line comes and goes at run time: {@code feature:uninstall} / {@code feature:install}
 * in the console, as an operator types them. REST level for now; the portal's menu is checked here
 * once the portal exists.
 */
class HotDeploymentBrowserIT extends BrowserTestSupport {

    private static final String FEATURE = "guangsha-selection";
    private static final String MODULE = "selection";
    private static final Duration WAIT = Duration.ofMinutes(1);

    @Test
    void uninstallingTheSelectionFeatureRemovesItsModuleAndInstallingBringsItBack() {
        Karaf karaf = karaf();
        Await.until(MODULE + " is listed", WAIT, () -> karaf.moduleIds().contains(MODULE));

        shell("feature:uninstall " + FEATURE);
        assertFalse(karaf.featureInstalled(FEATURE), FEATURE + " is still installed");
        Await.until(
                MODULE + " leaves /api/platform/modules",
                WAIT,
                () -> !karaf.moduleIds().contains(MODULE));

        shell("feature:install " + FEATURE);
        assertTrue(karaf.featureInstalled(FEATURE), FEATURE + " is not installed");
        Await.until(
                MODULE + " is back in /api/platform/modules",
                WAIT,
                () -> karaf.moduleIds().contains(MODULE));
    }

    /** The other tests share this Karaf: the line is installed again whatever happened. */
    @AfterEach
    void reinstallTheLine() {
        Karaf karaf = karaf();
        if (!karaf.featureInstalled(FEATURE)) {
            shell("feature:install " + FEATURE);
        }
        Await.until(MODULE + " is listed again", WAIT, () -> karaf.moduleIds().contains(MODULE));
    }
}
