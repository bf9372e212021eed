package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A new citizen on a phone: registers (ID number and mobile checked as typed), logs in, lands on
 * the verification prompt, passes the sandbox face check with a second device, and then sees and
 * opens the lines installed. Also: the portal's home on a phone and a desktop, in both languages
 * and the elderly mode, for the screenshots in docs/.
 */
class PortalBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void registerVerifyByFaceAndSeeTheInstalledLines() {
        String idNumber = idNumber("440304", ThreadLocalRandom.current().nextInt(100, 888));
        String mobile = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Browser phone = phone().open("/#/register");

        // The ID number is checked as it is typed: a wrong check digit is named at once.
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        phone.type(input("register-id-number"), wrong);
        phone.type(input("register-name"), "王测试");
        phone.waitForText(By.cssSelector("[data-testid='register-id-number']"), "校验");
        screenshot("register-1-id-check-phone");
        // Cleared as a person would (select all, delete), so the page sees the input events.
        phone.driver()
                .findElement(input("register-id-number"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        phone.type(input("register-id-number"), idNumber);
        phone.type(input("register-mobile"), mobile);
        phone.click(testId("steps-next"));

        phone.type(input("register-password"), "Welcome@2026a");
        phone.type(input("register-password2"), "Welcome@2026a");
        phone.type(input("register-captcha"), captchaAnswer(phone));
        screenshot("register-2-account-phone");
        phone.click(testId("steps-next"));

        phone.waitFor(testId("register-done"));
        phone.type(input("register-login-captcha"), captchaAnswer(phone));
        phone.click(testId("register-login"));

        // A new account is L1: the verification prompt explains and lists the methods.
        phone.waiting(WAIT).until(ExpectedConditions.urlContains("#/verify-prompt"));
        phone.waitFor(testId("verify-methods"));
        screenshot("verify-prompt-phone");
        phone.click(testId("verify-method-face"));

        // The face check: the phone shows the address a second device (here: a desktop) opens.
        phone.waiting(WAIT).until(ExpectedConditions.urlContains("#/face"));
        String link = phone.waitFor(testId("qr-link")).getText().trim();
        assertTrue(link.contains("/api/sandbox/face/"), link);
        screenshot("face-check-phone");
        Browser camera = desktop();
        camera.driver().get(link);
        camera.click(By.id("pass"));

        // The phone sees the result without a reload, verifies and goes on; the account is L2.
        phone.waiting(WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("#/face")));
        phone.open("/#/me");
        phone.waitFor(testId("profile-trust-level"));
        phone.waiting(WAIT)
                .until(
                        d ->
                                "L2"
                                        .equals(
                                                d.findElement(testId("profile-trust-level"))
                                                        .getAttribute("data-level")));
        assertFalse(phone.text().contains(idNumber), "the full ID number is never shown");
        phone.screenshot("me-verified-phone");

        // The menu lists the lines installed now; the selection line opens.
        phone.open("/#/");
        phone.waitFor(By.cssSelector("[data-module='selection']"));
        phone.screenshot("home-verified-phone");
        phone.waiting(WAIT)
                .until(
                        ExpectedConditions.invisibilityOfElementLocated(
                                By.cssSelector(".van-toast")));
        phone.click(By.cssSelector("[data-entry='selection/home']"));
        phone.waiting(WAIT).until(ExpectedConditions.urlContains("#/m/selection/"));
        phone.waitForText(By.cssSelector(".gs-page"), "在线选房签约");
    }

    @Test
    void homeOnPhoneAndDesktopInBothLanguagesAndTheElderlyMode() {
        Browser phone = phone().open("/");
        phone.waitFor(By.cssSelector("[data-module='selection']"));
        screenshot("portal-home-phone");
        phone.click(testId("elderly-toggle"));
        phone.waitUntil(
                d ->
                        (Boolean)
                                phone.script(
                                        "return document.documentElement.classList.contains('gs-elderly');"));
        assertFalse(
                phone.scrollsSideways(), "the elderly mode does not make the page scroll sideways");
        screenshot("portal-home-elderly-phone");
        // The mode persists across a reload.
        phone.driver().navigate().refresh();
        phone.waitFor(By.cssSelector("[data-module='selection']"));
        assertTrue(
                (Boolean)
                        phone.script(
                                "return document.documentElement.classList.contains('gs-elderly');"));
        phone.click(testId("elderly-toggle"));

        Browser desktop = desktop().open("/");
        desktop.waitFor(By.cssSelector("[data-module='selection']"));
        desktop.click(testId("language-toggle"));
        desktop.waitForText(By.cssSelector("[data-module='selection']"), "Online selection");
        assertEquals("en", desktop.script("return document.documentElement.lang;"));
        screenshot("portal-home-en-desktop");
    }

    private String captchaAnswer(Browser browser) {
        String id =
                browser.waitFor(By.cssSelector("img[data-captcha-id]"))
                        .getAttribute("data-captcha-id");
        return rest().getJson("/api/sandbox/captcha/" + id).path("answer").asText();
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static By input(String id) {
        return By.cssSelector("[data-testid='" + id + "'] input");
    }

    /** A valid resident ID number (GB 11643 check digit) of {@code region}, born 1990-01-01. */
    static String idNumber(String region, int sequence) {
        String body = region + "19900101" + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
