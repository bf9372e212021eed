package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The API page {@code /api/docs/} (Swagger UI reading /api/openapi.json) on a desktop. */
class ApiDocsBrowserIT extends BrowserTestSupport {

    @Test
    void apiPageShowsTheInstalledApi() {
        Browser desktop = desktop();

        desktop.open("/api/docs/");

        desktop.waitFor(By.cssSelector(".swagger-ui .info .title"));
        desktop.waitForText(By.cssSelector(".swagger-ui"), "/platform/health");
        String text = desktop.text();
        assertTrue(text.contains("/identity/login"), text);
        screenshot("api-docs-desktop");
    }
}
