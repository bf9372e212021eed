package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A caseworker approves a case in the console and the citizen's progress page, open on a phone,
 * follows without a reload: 张三's sandbox demo case is approved at district level by {@code
 * futian-district} in the console (queue, detail, claim, approve with confirmation), then at city
 * level by {@code shenzhen-city}; the phone shows each step as it happens.
 */
class CaseReviewBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void theCitizensProgressPageFollowsTheCaseworkersDecisionsWithoutReload() {
        String citizen = rest().awaitLogin("13800000001", Rest.DEMO_PASSWORD);
        JsonNode created =
                Rest.json(Rest.expect(201, rest().post("/api/sandbox/cases", Map.of(), citizen)));
        String caseId = created.path("id").asText();

        Browser phone = phone().signIn(citizen).open("/#/me/cases/" + caseId);
        waitForStatus(phone, "SUBMITTED");
        phone.script("window.__sameDocument = true;");
        phone.screenshot("case-progress-submitted-phone");

        // The district caseworker, in the console on a computer.
        Browser console = desktop().open("/console/#/login");
        console.type(By.cssSelector("[data-testid='login-account'] input"), "futian-district");
        console.type(By.cssSelector("[data-testid='login-password'] input"), Rest.DEMO_PASSWORD);
        console.type(By.cssSelector("[data-testid='login-captcha'] input"), captchaAnswer(console));
        console.click(By.cssSelector("[data-testid='login-submit']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/queue"));
        By row = By.cssSelector("[data-testid='queue-row'][data-case-id='" + caseId + "']");
        console.waitFor(row);
        assertFalse(
                console.text().contains("440304199001011233"), "the queue shows no full ID number");
        console.screenshot("console-queue-desktop");
        console.click(row);
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/cases/" + caseId));
        console.click(By.cssSelector("[data-testid='claim-button']"));
        console.click(By.cssSelector("[data-testid='decision-approve']"));
        console.click(By.cssSelector("[data-testid='decision-submit']"));
        console.click(By.cssSelector(".van-dialog__confirm"));
        console.waitFor(By.cssSelector("[data-testid='decision-result']"));
        console.screenshot("console-case-decided-desktop");

        // The phone moved on to the city level by itself.
        phone.waiting(WAIT).until(d -> timelineHas(d, "审核通过"));
        assertEquals(Boolean.TRUE, phone.script("return window.__sameDocument === true;"));
        phone.screenshot("case-progress-level1-approved-phone");

        // The city caseworker approves (over REST here); the phone shows the final decision.
        String city = rest().awaitLogin("shenzhen-city", Rest.DEMO_PASSWORD);
        long current =
                Rest.json(Rest.expect(200, rest().get("/api/review/cases/" + caseId, city)))
                        .path("record")
                        .path("version")
                        .asLong();
        JsonNode claimed =
                Rest.json(
                        Rest.expect(
                                200,
                                rest().post(
                                                "/api/review/cases/" + caseId + "/claim",
                                                Map.of("version", current),
                                                city)));
        long version = claimed.path("version").asLong();
        Rest.expect(
                200,
                rest().post(
                                "/api/review/cases/" + caseId + "/decisions",
                                Map.of("decision", "APPROVE", "version", version),
                                city));
        waitForStatus(phone, "APPROVED");
        assertTrue((Boolean) phone.script("return window.__sameDocument === true;"));
        phone.screenshot("case-progress-approved-phone");
    }

    private static void waitForStatus(Browser browser, String status) {
        browser.waiting(WAIT)
                .until(
                        d ->
                                status.equals(
                                        d.findElement(By.cssSelector("[data-testid='case-status']"))
                                                .getAttribute("data-status")));
    }

    private static boolean timelineHas(WebDriver driver, String text) {
        return driver.findElement(By.cssSelector("[data-testid='case-timeline']"))
                .getText()
                .contains(text);
    }

    private String captchaAnswer(Browser browser) {
        String id =
                browser.waitFor(By.cssSelector("img[data-captcha-id]"))
                        .getAttribute("data-captcha-id");
        return rest().getJson("/api/sandbox/captcha/" + id).path("answer").asText();
    }
}
