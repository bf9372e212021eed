package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 微信扫码交租 (SZ-4) in the browser: 张三 (the line's demo data: a lease with months in arrears) opens the
 * rent page on the phone at 23:30 by the sandbox's city clock and sees 缴纳房租 disabled with the night
 * rule and the opening time; at 10:00 on the computer presses it for the oldest month, pays on the
 * phone (the simulated WeChat Pay page), and the computer's page shows the month paid, in the
 * history with its receipt, and the next month to pay.
 */
class ShenzhenRentBrowserIT extends BrowserTestSupport {

    private static final String FEATURE = "guangsha-shenzhen-rental";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theOldestMonthIsPaidByQrOnlyWhilePayingIsOpen() {
        if (!karaf().featureInstalled(FEATURE)) {
            // not booted by the distribution yet
            shell("feature:install " + FEATURE);
        }
        String token = rest().awaitLogin("13800000001", Rest.DEMO_PASSWORD);
        String operator = rest().awaitLogin("operator", Rest.DEMO_PASSWORD);
        // the sandbox imports the line's demo data a few seconds after the line appears
        Await.until(
                "张三's demo lease (GET /api/shenzhen/rental/me)",
                Duration.ofSeconds(60),
                () -> {
                    HttpResponse<String> r = rest().get("/api/shenzhen/rental/me", token);
                    return r.statusCode() == 200 && Rest.json(r).path("homes").size() > 0;
                });
        HttpResponse<String> me = rest().get("/api/shenzhen/rental/me", token);
        String leaseId = Rest.json(me).path("homes").get(0).path("leaseId").asText();
        String page = "/#/m/shenzhen-rental/rent/" + leaseId;
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        try {
            // SZ-4 b: at 23:30 the button is disabled, saying why and from when
            clock(operator, month.atDay(10) + "T23:30:00+08:00");
            Browser phone = phone().signIn(token).open(page);
            phone.waitFor(By.cssSelector("[data-testid='rent-closed'][data-rule='night']"));
            phone.waitForText(By.cssSelector("[data-testid='rent-closed']"), "01:00");
            assertEquals(
                    "true",
                    phone.waitFor(By.cssSelector("[data-testid='rent-pay']"))
                            .getAttribute("disabled"));
            phone.screenshot("rent-night-phone");

            // open at 10:00: the oldest month, paid by QR on the phone
            clock(operator, month.atDay(11) + "T10:00:00+08:00");
            JsonNode bills =
                    Rest.json(
                            rest().get("/api/shenzhen/rental/leases/" + leaseId + "/bills", token));
            String period = bills.path("next").path("period").asText();
            Browser desktop = desktop().signIn(token).open(page);
            desktop.waitFor(By.cssSelector("[data-testid='rent-bill-" + period + "']"));
            desktop.screenshot("rent-bills-desktop");
            desktop.click(By.cssSelector("[data-testid='rent-pay']"));
            desktop.waitFor(By.cssSelector("[data-testid='qr-image']"));
            String link =
                    desktop.waitFor(By.cssSelector("[data-testid='qr-link']")).getText().trim();
            desktop.screenshot("rent-qr-desktop");
            phone.driver().get(link);
            phone.click(By.id("pay"));
            phone.screenshot("rent-sandbox-wechat-phone");
            desktop.waiting(WAIT)
                    .until(
                            ExpectedConditions.visibilityOfElementLocated(
                                    By.cssSelector("[data-testid='rent-paid']")));
            // the receipt is issued just after the payment (or by the payment sweep)
            desktop.waiting(Duration.ofSeconds(90))
                    .until(
                            ExpectedConditions.visibilityOfElementLocated(
                                    By.cssSelector("[data-testid='rent-receipt-" + period + "']")));
            desktop.screenshot("rent-paid-desktop");
            desktop.assertNoConsoleErrors();
        } finally {
            rest().post("/api/sandbox/clock", Map.of("reset", true), operator);
        }
    }

    private static void clock(String operator, String at) {
        Rest.expect(200, rest().post("/api/sandbox/clock", Map.of("at", at), operator));
    }
}
