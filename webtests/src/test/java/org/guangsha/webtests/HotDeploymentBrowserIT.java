package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A business line comes and goes at run time: {@code feature:uninstall} / {@code feature:install}
 * in the console, as an operator types them. The portal open on a phone shows the line's menu
 * entry, loses it and gets it back without being reloaded, and the line's page it had open says the
 * line is gone.
 */
class HotDeploymentBrowserIT extends BrowserTestSupport {

    private static final String FEATURE = "guangsha-selection";
    private static final String MODULE = "selection";
    private static final Duration WAIT = Duration.ofMinutes(1);

    private static final By ENTRY = By.cssSelector("[data-module='" + MODULE + "']");

    @Test
    void uninstallingTheSelectionFeatureRemovesItsModuleAndInstallingBringsItBack() {
        Karaf karaf = karaf();
        Await.until(MODULE + " is listed", WAIT, () -> karaf.moduleIds().contains(MODULE));
        Browser phone = phone().open("/");
        phone.waitFor(ENTRY);
        // Set on this page; a reload would lose it.
        phone.script("window.__sameDocument = true;");
        screenshot("hot-deployment-1-installed-phone");

        shell("feature:uninstall " + FEATURE);
        assertFalse(karaf.featureInstalled(FEATURE), FEATURE + " is still installed");
        Await.until(
                MODULE + " leaves /api/platform/modules",
                WAIT,
                () -> !karaf.moduleIds().contains(MODULE));
        phone.waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(ENTRY, 0));
        assertEquals(Boolean.TRUE, phone.script("return window.__sameDocument === true;"));
        screenshot("hot-deployment-2-uninstalled-phone");

        shell("feature:install " + FEATURE);
        assertTrue(karaf.featureInstalled(FEATURE), FEATURE + " is not installed");
        Await.until(
                MODULE + " is back in /api/platform/modules",
                WAIT,
                () -> karaf.moduleIds().contains(MODULE));
        phone.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(ENTRY));
        assertEquals(Boolean.TRUE, phone.script("return window.__sameDocument === true;"));
        // The line's own page, loaded from /ui/selection/main.js at run time.
        phone.open("/#/m/" + MODULE + "/");
        phone.waitForText(By.cssSelector(".gs-page"), "在线选房签约");
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
