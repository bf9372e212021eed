package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The face step of the core signing ceremony (P-3) on a computer, through the shared face check
 * (GsFaceCheck): the sandbox's demo signing is walked over REST up to 人脸识别; the page shows the QR
 * code of a face session for the ceremony; a failed check offers a retry with a new session; a
 * passed one is consumed by the ceremony's face step and the page goes on to the contract.
 */
class SigningBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** 张三, the sandbox's verified citizen (sandbox README). */
    private static final String ZHANG_SAN_MOBILE = "13800000001";

    @Test
    void theFaceStepFailsOnceThenPassesAndTheCeremonyGoesOn() throws Exception {
        String citizen = rest().awaitLogin(ZHANG_SAN_MOBILE, Rest.DEMO_PASSWORD);
        String id =
                Rest.json(Rest.expect(201, rest().post("/api/sandbox/signing", Map.of(), citizen)))
                        .path("id")
                        .asText();
        String base = "/api/signing/" + id;
        Rest.expect(200, rest().post(base + "/confirm", Map.of(), citizen));
        String commitment = Rest.json(rest().get(base, citizen)).path("commitmentText").asText();
        Await.until(
                "the commitment letter was read",
                Duration.ofSeconds(45),
                () ->
                        rest().post(base + "/commitment/read", Map.of(), citizen).statusCode()
                                == 200);
        Rest.expect(
                200, rest().post(base + "/commitment/text", Map.of("text", commitment), citizen));

        // 人脸识别 on a computer: the QR code (no "open here" button), the privacy note.
        Browser pc = desktop().signIn(citizen).open("/#/signing/" + id);
        pc.waitFor(By.cssSelector("[data-testid='signing-step'][data-step='FACE_CHECK']"));
        String first = pc.waitFor(testId("qr-link")).getText().trim();
        assertTrue(first.contains("/api/sandbox/face/"), first);
        assertTrue(
                pc.driver().findElements(testId("face-open-here")).isEmpty(),
                "a computer shows the QR code for the phone");
        pc.waitFor(testId("face-privacy"));
        pc.screenshot("signing-face-desktop");

        // The phone's check fails: the page says so and offers a retry, which is a new session.
        Browser camera = phone();
        camera.driver().get(first);
        camera.click(By.id("fail"));
        pc.waitFor(testId("face-failed"));
        pc.waitUntil(
                ExpectedConditions.attributeToBe(testId("face-check"), "data-state", "failed"));
        pc.click(testId("face-retry"));
        pc.waitUntil(
                ExpectedConditions.attributeToBe(testId("face-check"), "data-state", "pending"));
        String second = pc.waitFor(testId("qr-link")).getText().trim();
        assertNotEquals(first, second, "a retry is a new face session");

        // It passes: the ceremony's face step consumes the session and the contract comes next.
        camera.driver().get(second);
        camera.click(By.id("pass"));
        pc.waiting(WAIT)
                .until(
                        ExpectedConditions.attributeToBe(
                                testId("signing-step"), "data-step", "READ_CONTRACT"));
        pc.screenshot("signing-contract-after-face-desktop");
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }
}
