package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;

/**
 * The harness itself, so that a passing page test means something: the two sizes are what they
 * claim, console errors are really caught, and the REST and shell helpers reach the distribution.
 */
class HarnessBrowserIT extends BrowserTestSupport {

    @Test
    void phoneIsA390By844TouchPhone() {
        // an HTML page with a viewport meta tag (its 404 is on purpose)
        Browser phone = phone().allowConsoleError("status of 404").open("/verify/X");

        assertEquals(
                List.of(390L, 844L, 3L, 390L, true, true, Browsers.PHONE_USER_AGENT),
                phone.script(
                        "return [screen.width, screen.height, devicePixelRatio, innerWidth,"
                                + " navigator.maxTouchPoints > 0,"
                                + " matchMedia('(pointer: coarse)').matches,"
                                + " navigator.userAgent];"));
    }

    @Test
    void desktopIs1366By900() {
        Browser desktop = desktop().allowConsoleError("status of 404").open("/verify/X");

        assertEquals(
                List.of(1366L, 900L, false),
                desktop.script(
                        "return [innerWidth, innerHeight,"
                                + " matchMedia('(pointer: coarse)').matches];"));
    }

    @Test
    void anUncaughtScriptErrorIsAConsoleError() {
        Browser desktop = desktop().open("/api/platform/health");

        desktop.script("setTimeout(function () { throw new Error('harness-check'); });");

        desktop.waitUntil(d -> !desktop.consoleErrors().isEmpty());
        List<LogEntry> errors = desktop.consoleErrors();
        assertTrue(errors.get(0).getMessage().contains("harness-check"), errors.toString());
        // caught: now accept it, so that the check after the test passes
        desktop.allowConsoleError("harness-check");
        assertTrue(desktop.consoleErrors().isEmpty());
    }

    @Test
    void demoAccountLogsInThroughTheSandboxCaptcha() {
        String token = rest().awaitLogin("13800000001", Rest.DEMO_PASSWORD);

        assertEquals(
                "L2",
                Rest.json(Rest.expect(200, rest().get("/api/identity/me", token)))
                        .path("trustLevel")
                        .asText());
    }

    @Test
    void shellRunsConsoleCommands() {
        assertTrue(karaf().featureInstalled("guangsha-platform"));
        assertFalse(karaf().featureInstalled("guangsha-city-jiangxi"));
        assertTrue(shell("bundle:list -s").contains("org.guangsha.platform"));
    }
}
