package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 江西省公租房申请一件事 on a phone (seed 003, JX-2 … JX-10): 张三 opens the line (立即办理), agrees to the service
 * authorization (同意授权), picks 南昌市 → 东湖区 and confirms the region (继续申请), reads the notice (现在去申请),
 * passes the face check (the sandbox's phone page, opened from the QR code's address), fills 申请类别
 * (实物配租, 城镇低保住房困难家庭), 家庭成员 (已婚: the spouse is required, then added), 家庭资产 (no vehicle, property or
 * business; deposits in 元; the 授权承诺书 signed on the pad), 申请材料 (ID card and household register as
 * electronic licences, the spouse's ID card, the marriage certificate and the 低保证 uploaded),
 * submits after the second confirmation and follows the progress under 我的申请; the county's and then
 * the city's caseworker approve and the page says 已通过 without a reload. A second test: a draft
 * saved at step 2 resumes in a new browser session, then 放弃申请 withdraws it after both confirmations
 * (JX-5, JX-10).
 */
class JiangxiBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** 张三, the sandbox's verified citizen (sandbox README). */
    private static final String ZHANG_SAN_MOBILE = "13800000001";

    private static final List<String> OPEN =
            List.of("DRAFT", "SUBMITTED", "UNDER_REVIEW", "RETURNED");

    @Test
    void applyOnThePhoneAndSeeBothLevelsApprove() throws Exception {
        String citizen = rest().awaitLogin(ZHANG_SAN_MOBILE, Rest.DEMO_PASSWORD);
        withdrawOpenApplications(citizen);

        // 立即办理 → 同意授权 (JX-2); a consent given in an earlier run leads straight to the region.
        Browser phone = phone().signIn(citizen).open("/#/m/jiangxi/");
        phone.waitFor(testId("jx-start"));
        shot(phone, "jiangxi-1-start-phone");
        phone.click(testId("jx-start-now"));
        phone.waitUntil(
                ExpectedConditions.or(
                        ExpectedConditions.visibilityOfElementLocated(testId("consent-agree")),
                        ExpectedConditions.visibilityOfElementLocated(testId("region-city"))));
        if (!phone.driver().findElements(testId("consent-agree")).isEmpty()) {
            phone.waitFor(testId("consent-agreement"));
            shot(phone, "jiangxi-2-consent-phone");
            phone.click(testId("consent-agree"));
        }

        // 南昌市 → 东湖区, 去申请, the second confirmation (继续申请).
        new Select(phone.waitFor(testId("region-city"))).selectByVisibleText("南昌市");
        new Select(phone.waitFor(testId("region-county"))).selectByVisibleText("东湖区");
        phone.click(testId("region-apply"));
        phone.waitForText(By.cssSelector(".jx-region-dialog"), "东湖区");
        shot(phone, "jiangxi-3-region-confirm-phone");
        phone.click(By.cssSelector(".jx-region-dialog .van-dialog__confirm"));

        // 申请流程 and 申请须知, 现在去申请: the application is opened.
        phone.waitForText(testId("notice-region"), "东湖区");
        noOverlay(phone);
        phone.click(testId("notice-read"));
        shot(phone, "jiangxi-4-notice-phone");
        phone.click(testId("notice-apply"));

        // 身份验证 (JX-3): 同意授权, then the sandbox's phone page passes the face check.
        phone.click(testId("face-agree"));
        String link = phone.waitFor(testId("qr-link")).getText().trim();
        assertTrue(link.contains("/api/sandbox/face/"), link);
        shot(phone, "jiangxi-5-face-phone");
        Browser camera = desktop();
        camera.driver().get(link);
        camera.click(By.id("pass"));

        // 申请类别 (JX-4): 实物配租, 城镇低保住房困难家庭; its materials are listed.
        phone.waiting(WAIT).until(ExpectedConditions.urlContains("/form"));
        String applicationId =
                phone.driver()
                        .getCurrentUrl()
                        .replaceFirst(".*/applications/", "")
                        .replace("/form", "");
        noOverlay(phone);
        phone.click(testId("type-IN_KIND"));
        phone.click(testId("category-dibao"));
        phone.waitForText(testId("type-materials"), "低保证");
        shot(phone, "jiangxi-6-type-phone");
        next(phone, "family");

        // 家庭成员 (JX-6): married without a spouse is refused on the spot; then the spouse.
        String applicant = "[data-testid='member-applicant'] ";
        select(phone, applicant + "[data-testid='m-marital']", "已婚");
        select(phone, applicant + "[data-testid='m-employment']", "灵活就业");
        select(phone, applicant + "[data-testid='m-hukou']", "本地城镇户籍");
        select(phone, applicant + "[data-testid='m-housing']", "租房");
        phone.type(By.cssSelector(applicant + "[data-testid='m-income'] input"), "2600");
        phone.type(
                By.cssSelector(applicant + "[data-testid='m-hukou-address'] input"),
                "南昌市东湖区八一大道 1 号");
        phone.type(By.cssSelector(applicant + "[data-testid='m-address'] input"), "南昌市东湖区八一大道 1 号");
        phone.click(testId("steps-next"));
        phone.waitForText(testId("members-error"), "配偶");
        assertEquals("family", phone.waitFor(testId("steps")).getAttribute("data-step"));
        shot(phone, "jiangxi-7-family-spouse-required-phone");
        phone.click(testId("member-add"));
        String spouse = "[data-testid='member-0'] ";
        phone.waitFor(By.cssSelector(spouse + "[data-testid='m-name']"));
        assertEquals(
                "SPOUSE",
                new Select(
                                phone.driver()
                                        .findElement(
                                                By.cssSelector(
                                                        spouse + "[data-testid='m-relation']")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        phone.type(By.cssSelector(spouse + "[data-testid='m-name'] input"), "李梅");
        phone.type(
                By.cssSelector(spouse + "[data-testid='m-id-number'] input"),
                PortalBrowserIT.idNumber("360102", 26));
        phone.waitForText(testId("m-id-hint"), "正确");
        select(phone, spouse + "[data-testid='m-marital']", "已婚");
        select(phone, spouse + "[data-testid='m-employment']", "在职");
        select(phone, spouse + "[data-testid='m-hukou']", "本地城镇户籍");
        select(phone, spouse + "[data-testid='m-housing']", "租房");
        phone.type(By.cssSelector(spouse + "[data-testid='m-employer'] input"), "南昌市公交公司");
        phone.type(By.cssSelector(spouse + "[data-testid='m-income'] input"), "3800");
        phone.type(
                By.cssSelector(spouse + "[data-testid='m-hukou-address'] input"), "南昌市东湖区八一大道 1 号");
        phone.type(By.cssSelector(spouse + "[data-testid='m-address'] input"), "南昌市东湖区八一大道 1 号");
        shot(phone, "jiangxi-8-family-phone");
        next(phone, "assets");

        // 家庭资产 (JX-7): 否 three times, deposits in 元, the letter signed on the pad.
        phone.click(testId("has-vehicle-no"));
        phone.click(testId("has-real-estate-no"));
        phone.click(testId("has-business-no"));
        phone.type(By.cssSelector("[data-testid='assets-deposits'] input"), "12000.50");
        phone.type(By.cssSelector("[data-testid='assets-securities'] input"), "0");
        WebElement pad = phone.waitFor(testId("signature-canvas"));
        phone.script("arguments[0].scrollIntoView({block: 'center'});", pad);
        new Actions(phone.driver())
                .moveToElement(pad, -80, 10)
                .clickAndHold()
                .moveByOffset(40, -30)
                .moveByOffset(40, 40)
                .moveByOffset(50, -20)
                .release()
                .perform();
        phone.click(testId("commitment-sign"));
        phone.waitFor(By.cssSelector("[data-testid='commitment'][data-done='true']"));
        shot(phone, "jiangxi-9-assets-signed-phone");
        next(phone, "materials");

        // 申请材料 (JX-8): the applicant's licences, the rest uploaded; none missing.
        By idCard =
                By.cssSelector(
                        "[data-testid='material'][data-code='id-card'] [data-testid='material-licence']");
        phone.click(idCard);
        phone.waitFor(
                By.cssSelector(
                        "[data-testid='material'][data-code='id-card'][data-satisfied='true']"));
        phone.click(
                By.cssSelector(
                        "[data-testid='material'][data-code='household-register'] [data-testid='material-licence']"));
        phone.waitFor(
                By.cssSelector(
                        "[data-testid='material'][data-code='household-register'][data-satisfied='true']"));
        upload(
                phone,
                "[data-testid='material'][data-code='id-card'][data-satisfied='false']",
                photo(Color.BLUE));
        upload(
                phone,
                "[data-testid='material'][data-code='marriage-certificate']",
                photo(Color.RED));
        upload(
                phone,
                "[data-testid='material'][data-code='dibao-certificate']",
                photo(Color.ORANGE));
        phone.waitFor(By.cssSelector("[data-testid='materials-summary'][data-missing='0']"));
        shot(phone, "jiangxi-10-materials-phone");

        // 提交申请 (JX-9): the second confirmation offers 再次检查 or 提交.
        phone.click(testId("steps-next"));
        phone.waitForText(By.cssSelector(".jx-submit-dialog"), "再次检查");
        shot(phone, "jiangxi-11-submit-confirm-phone");
        phone.click(By.cssSelector(".jx-submit-dialog .van-dialog__confirm"));
        phone.waitFor(By.cssSelector("[data-testid='detail-status'][data-status='SUBMITTED']"));
        assertFalse(phone.scrollsSideways());

        // 我的申请: live progress; the county and then the city approve over the review API.
        phone.open("/#/m/jiangxi/applications");
        String card = "[data-testid='application'][data-application='" + applicationId + "'] ";
        phone.waitFor(By.cssSelector(card + "[data-testid='application-live']"));
        shot(phone, "jiangxi-12-my-applications-phone");
        approve("donghu-county", applicationId);
        approve("nanchang-city", applicationId);
        phone.waiting(Duration.ofSeconds(60))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector(card + "[data-testid='application-status']"),
                                "已通过"));
        shot(phone, "jiangxi-13-approved-phone");
        JsonNode done =
                Rest.json(rest().get("/api/jiangxi/applications/" + applicationId, citizen));
        assertEquals("APPROVED", done.path("status").asText(), done.toString());
        assertEquals("MOBILE", done.path("channel").asText());
    }

    @Test
    void aDraftResumesInAnotherSessionAndIsWithdrawn() {
        // a citizen of its own: 张三's application of the other test may be approved, which keeps
        // his one open place (JX-9)
        VerifiedCitizen other = registerVerifiedCitizen("李暂存", "360102");
        String citizen = other.token();
        String applicationId = openApplicationPastTheFaceCheck(citizen);

        // Step 1 saved (下一步), step 2 left as a draft (暂存).
        Browser first =
                phone().signIn(citizen)
                        .open("/#/m/jiangxi/applications/" + applicationId + "/form");
        first.click(testId("type-SUBSIDY"));
        first.click(testId("category-dibao"));
        next(first, "family");
        select(first, "[data-testid='member-applicant'] [data-testid='m-marital']", "已婚");
        first.type(
                By.cssSelector("[data-testid='member-applicant'] [data-testid='m-employer'] input"),
                "南昌市环卫处");
        first.click(testId("form-draft"));
        first.waitUntil(
                d ->
                        Rest.json(rest().get("/api/jiangxi/applications/" + applicationId, citizen))
                                .path("family")
                                .path("applicant")
                                .path("employment")
                                .path("employer")
                                .asText()
                                .equals("南昌市环卫处"));
        first.close();

        // Another session (another device): 我的申请 → 继续申请 opens step 2 with what was typed.
        String again = rest().login(other.mobile(), CITIZEN_PASSWORD);
        Browser second = phone().signIn(again).open("/#/m/jiangxi/applications");
        String card = "[data-testid='application'][data-application='" + applicationId + "'] ";
        second.click(By.cssSelector(card + "[data-testid='application-resume']"));
        second.waitFor(testId("steps-resumed"));
        assertEquals("family", second.waitFor(testId("steps")).getAttribute("data-step"));
        assertEquals(
                "MARRIED",
                new Select(
                                second.driver()
                                        .findElement(
                                                By.cssSelector(
                                                        "[data-testid='member-applicant'] [data-testid='m-marital']")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        assertEquals(
                "南昌市环卫处",
                second.driver()
                        .findElement(
                                By.cssSelector(
                                        "[data-testid='member-applicant'] [data-testid='m-employer'] input"))
                        .getAttribute("value"));
        shot(second, "jiangxi-14-draft-resumed-phone");

        // 放弃申请 (JX-10): told beforehand, confirmed twice.
        second.open("/#/m/jiangxi/applications/" + applicationId);
        second.click(testId("detail-withdraw"));
        second.waitForText(By.cssSelector(".van-dialog"), "不能恢复");
        shot(second, "jiangxi-15-withdraw-warning-phone");
        second.click(By.cssSelector(".van-dialog__confirm"));
        second.type(By.cssSelector(".gs-confirm-twice input"), "放弃申请");
        second.click(By.cssSelector(".gs-confirm-twice .van-dialog__confirm"));
        second.waiting(WAIT).until(ExpectedConditions.urlMatches("/applications$"));
        JsonNode gone = Rest.json(rest().get("/api/cases/" + applicationId, citizen));
        assertEquals("WITHDRAWN", gone.path("status").asText(), gone.toString());
        assertEquals(
                404,
                rest().get("/api/jiangxi/applications/" + applicationId, citizen).statusCode(),
                "the line keeps nothing of a withdrawn application");
    }

    /** Consent, an application in 东湖区 and a passed face check, over REST. */
    private static String openApplicationPastTheFaceCheck(String token) {
        String version =
                Rest.json(rest().get("/api/jiangxi/guide"))
                        .path("agreement")
                        .path("version")
                        .asText();
        rest().post("/api/jiangxi/consent", Map.of("version", version), token);
        JsonNode application =
                Rest.json(
                        Rest.expect(
                                201,
                                rest().post(
                                                "/api/jiangxi/applications",
                                                Map.of(
                                                        "regionCode",
                                                        "360102",
                                                        "confirmRegion",
                                                        true,
                                                        "channel",
                                                        "MOBILE"),
                                                token)));
        String id = application.path("id").asText();
        String faceSession = passedFaceSession(token, "apply:" + id);
        Rest.expect(
                200,
                rest().post(
                                "/api/jiangxi/applications/" + id + "/face",
                                Map.of("sessionId", faceSession),
                                token));
        return id;
    }

    /** An earlier run's open application would stand in the way (one open application each). */
    private static void withdrawOpenApplications(String token) {
        for (JsonNode a :
                Rest.json(Rest.expect(200, rest().get("/api/jiangxi/applications", token)))) {
            if (!OPEN.contains(a.path("status").asText())) {
                continue;
            }
            String path = "/api/cases/" + a.path("id").asText() + "/withdraw";
            JsonNode notice = Rest.json(Rest.expect(200, rest().post(path, Map.of(), token)));
            Rest.expect(
                    200,
                    rest().post(
                                    path + "/confirm",
                                    Map.of(
                                            "confirmationToken",
                                            notice.path("confirmationToken").asText()),
                                    token));
        }
    }

    /** The caseworker claims the case at their level and approves it. */
    private static void approve(String caseworker, String caseId) {
        String token = rest().awaitLogin(caseworker, Rest.DEMO_PASSWORD);
        String path = "/api/review/cases/" + caseId;
        long version =
                Rest.json(Rest.expect(200, rest().get(path, token)))
                        .path("record")
                        .path("version")
                        .asLong();
        JsonNode claimed =
                Rest.json(
                        Rest.expect(
                                200,
                                rest().post(path + "/claim", Map.of("version", version), token)));
        Rest.expect(
                200,
                rest().post(
                                path + "/decisions",
                                Map.of(
                                        "decision",
                                        "APPROVE",
                                        "version",
                                        claimed.path("version").asLong()),
                                token));
    }

    /** 下一步, and waits for the step {@code key}. */
    private static void next(Browser phone, String key) {
        noOverlay(phone);
        phone.click(testId("steps-next"));
        phone.waiting(WAIT)
                .until(
                        ExpectedConditions.attributeToBe(
                                By.cssSelector("[data-testid='steps']"), "data-step", key));
        noOverlay(phone);
    }

    /** Picks an option of a native select by its words. */
    private static void select(Browser phone, String css, String text) {
        WebElement element = phone.waitFor(By.cssSelector(css));
        phone.script("arguments[0].scrollIntoView({block: 'center'});", element);
        new Select(element).selectByVisibleText(text);
    }

    /** Toasts and dialog overlays gone (they would take the next click). */
    private static void noOverlay(Browser phone) {
        phone.waiting(WAIT)
                .until(
                        ExpectedConditions.and(
                                ExpectedConditions.invisibilityOfElementLocated(
                                        By.cssSelector(".van-toast")),
                                ExpectedConditions.invisibilityOfElementLocated(
                                        By.cssSelector(".van-overlay"))));
    }

    /**
     * Chooses a file for each of the material's upload controls not filed yet (an ID card's two
     * sides: the same photo, stored once per kind) and waits until the material is satisfied.
     */
    private static void upload(Browser phone, String material, Path file) {
        WebElement item = phone.waitFor(By.cssSelector(material));
        String code = item.getAttribute("data-code");
        String member = item.getAttribute("data-member");
        String self =
                "[data-testid='material'][data-code='" + code + "'][data-member='" + member + "']";
        for (WebElement kind :
                item.findElements(
                        By.cssSelector("[data-testid='material-kind'][data-filed='false']"))) {
            String k = kind.getAttribute("data-kind");
            kind.findElement(By.cssSelector("input[type='file']:not([capture])"))
                    .sendKeys(file.toString());
            phone.waiting(WAIT)
                    .until(
                            ExpectedConditions.presenceOfElementLocated(
                                    By.cssSelector(
                                            self
                                                    + " [data-testid='material-kind'][data-kind='"
                                                    + k
                                                    + "'][data-filed='true']")));
        }
        phone.waiting(WAIT)
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(self + "[data-satisfied='true']")));
    }

    /** A photo (a coloured PNG) in a temporary file. */
    private static Path photo(Color color) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        Path file = Files.createTempFile("material-", ".png");
        file.toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void shot(Browser browser, String name) {
        browser.waitUntil(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".van-toast")));
        browser.screenshot(name);
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }
}
