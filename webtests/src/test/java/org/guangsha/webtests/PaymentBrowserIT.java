package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The QR display with live status, for a payment: 张三 starts the sandbox's demo rent payment on a
 * computer, pays on the phone (the simulated WeChat Pay page), and the computer's page turns to
 * "paid" by itself, with the receipt to view.
 */
class PaymentBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aPaymentMadeOnThePhoneShowsOnTheComputerWithoutReload() {
        String token = rest().awaitLogin("13800000001", Rest.DEMO_PASSWORD);
        Browser desktop = desktop().signIn(token).open("/#/me");
        desktop.click(By.cssSelector("[data-testid='sandbox-payment']"));
        desktop.waiting(WAIT).until(ExpectedConditions.urlContains("#/pay/"));
        desktop.waitForText(By.cssSelector("[data-testid='pay-status']"), "待支付");
        desktop.waitFor(By.cssSelector("[data-testid='qr-image']"));
        desktop.script("window.__sameDocument = true;");
        String link = desktop.waitFor(By.cssSelector("[data-testid='qr-link']")).getText().trim();
        desktop.screenshot("payment-qr-desktop");

        Browser phone = phone();
        phone.driver().get(link);
        phone.click(By.id("pay"));
        phone.screenshot("payment-sandbox-wechat-phone");

        desktop.waiting(WAIT)
                .until(
                        d ->
                                "PAID"
                                        .equals(
                                                d.findElement(
                                                                By.cssSelector(
                                                                        "[data-testid='pay-status']"))
                                                        .getAttribute("data-status")));
        assertTrue((Boolean) desktop.script("return window.__sameDocument === true;"));
        // The receipt is a sealed document: right after boot the city's demo key may not exist yet,
        // and then the payment sweep (every 30 s) issues it; the page keeps looking meanwhile.
        desktop.waiting(Duration.ofSeconds(90))
                .until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("[data-testid='pay-receipt-view']")));
        desktop.screenshot("payment-paid-desktop");
    }
}
