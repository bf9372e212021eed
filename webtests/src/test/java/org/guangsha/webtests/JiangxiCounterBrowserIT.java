package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The service-hall counter of the Jiangxi line (JX-1, JX-9), on a computer: the caseworker of 东湖区
 * ({@code donghu-county}) logs in to the console, opens 窗口代办, finds no account for a new citizen's
 * ID number and registers one, opens an application for them in 东湖区 (region confirmed a second
 * time, paper consent signed, ID card checked in person), fills the four steps of the citizen
 * pages' own form on their behalf (scans uploaded at the counter: the signed letter and the
 * materials), submits after a confirmation; then the review queue lists the case, whose page shows
 * the channel 窗口 and the form. No full ID number is shown on the way.
 */
class JiangxiCounterBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aCaseworkerRegistersACitizenAtTheCounterAndFilesTheirApplication() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // a made-up citizen of 东湖区, born 1988, whom no account knows yet
        String idNumber =
                idNumber(
                        "36010219880"
                                + (1 + random.nextInt(9))
                                + String.format("%02d", 10 + random.nextInt(18))
                                + String.format("%03d", random.nextInt(1000)));
        String mobile = "139" + String.format("%08d", random.nextInt(100_000_000));
        String name = "窗口测试" + "甲乙丙丁戊己庚辛".charAt(random.nextInt(8));
        Path scan = scan(new Color(200, 220, 240));
        Path letterScan = pdf();

        rest().awaitLogin("donghu-county", Rest.DEMO_PASSWORD);
        // the core answers 404 for an ID number no account has: the page offers the registration
        Browser console =
                desktop()
                        .allowConsoleError(
                                "identity/citizens\\?idNumber=\\S* - Failed to load resource: .*status"
                                        + " of 404");
        console.open("/console/#/login");
        console.type(By.cssSelector("[data-testid='login-account'] input"), "donghu-county");
        console.type(By.cssSelector("[data-testid='login-password'] input"), Rest.DEMO_PASSWORD);
        console.type(By.cssSelector("[data-testid='login-captcha'] input"), captchaAnswer(console));
        console.click(By.cssSelector("[data-testid='login-submit']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/queue"));

        // 窗口代办 sits in the console's navigation (the line's console entry).
        console.click(By.cssSelector("[data-testid='nav-m-jiangxi-counter']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/m/jiangxi/"));

        // The ID number is checked as typed: a wrong check character is named at once.
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        console.type(By.cssSelector("[data-testid='jxc-find-id']"), wrong);
        console.waitForText(By.cssSelector("[data-testid='jxc-find-error']"), "校验位");
        console.type(By.cssSelector("[data-testid='jxc-find-id']"), idNumber);
        console.click(By.cssSelector("[data-testid='jxc-find-submit']"));
        console.waitFor(By.cssSelector("[data-testid='jxc-not-found']"));
        console.screenshot("jiangxi-counter-not-found-desktop");

        // Register the citizen (the ID number is carried over from the search).
        console.click(By.cssSelector("[data-testid='jxc-register-open']"));
        assertEquals(
                idNumber,
                console.waitFor(By.cssSelector("[data-testid='jxc-reg-id']"))
                        .getAttribute("value"));
        console.type(By.cssSelector("[data-testid='jxc-reg-name']"), name);
        console.type(By.cssSelector("[data-testid='jxc-reg-mobile']"), "1234");
        console.click(By.cssSelector("[data-testid='jxc-reg-submit']"));
        console.waitFor(By.cssSelector("[data-testid='jxc-reg-mobile-error']"));
        console.type(By.cssSelector("[data-testid='jxc-reg-mobile']"), mobile);
        console.screenshot("jiangxi-counter-register-desktop");
        console.click(By.cssSelector("[data-testid='jxc-reg-submit']"));

        // The citizen is served: masked, and no application in the region yet.
        WebElement served =
                console.waiting(WAIT)
                        .until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector("[data-testid='jxc-citizen']")));
        String citizenId = served.getAttribute("data-citizen-id");
        assertFalse(citizenId.isBlank());
        console.waitFor(By.cssSelector("[data-testid='jxc-applications-empty']"));
        assertFalse(console.text().contains(idNumber), "the counter shows the ID number masked");
        assertTrue(
                console.driver()
                        .findElement(By.cssSelector("[data-testid='jxc-citizen-id']"))
                        .getText()
                        .contains("*"));
        console.screenshot("jiangxi-counter-citizen-desktop");

        // Open an application for them in 东湖区: region confirmed again, consent, ID check.
        console.click(By.cssSelector("[data-testid='jxc-new']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("/new"));
        Select region =
                new Select(console.waitFor(By.cssSelector("[data-testid='jxc-open-region']")));
        console.waiting(WAIT).until(d -> region.getOptions().size() > 1);
        region.selectByValue("360102");
        console.click(By.cssSelector("[data-testid='jxc-open-agreement']"));
        console.waitFor(By.cssSelector("[data-testid='jxc-agreement']"));
        // nothing is opened before every box is ticked
        console.click(By.cssSelector("[data-testid='jxc-open-submit']"));
        console.waitFor(By.cssSelector("[data-testid='jxc-open'] .gs-c-error"));
        console.click(By.cssSelector("[data-testid='jxc-open-region-confirm']"));
        console.click(By.cssSelector("[data-testid='jxc-open-consent']"));
        console.click(By.cssSelector("[data-testid='jxc-open-identity']"));
        console.screenshot("jiangxi-counter-open-desktop");
        console.click(By.cssSelector("[data-testid='jxc-open-submit']"));
        console.waitFor(By.cssSelector(".van-dialog"));
        console.click(By.cssSelector(".van-dialog__confirm"));

        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/m/jiangxi/applications/"));
        WebElement summary =
                console.waiting(WAIT)
                        .until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector("[data-testid='jxc-summary']")));
        String caseId = summary.getAttribute("data-application-id");
        assertEquals("COUNTER", summary.getAttribute("data-channel"));
        assertEquals("DRAFT", summary.getAttribute("data-status"));
        console.waitForText(By.cssSelector("[data-testid='jxc-channel']"), "窗口");
        console.waitForText(By.cssSelector("[data-testid='jxc-filed-by']"), "东湖区");

        // 1 申请类别: 实物配租, 城镇低保住房困难家庭.
        console.click(By.cssSelector("[data-testid='type-IN_KIND']"));
        console.click(By.cssSelector("[data-testid='category-dibao']"));
        console.screenshot("jiangxi-counter-form-type-desktop");
        next(console, "type", "family");

        // 2 家庭成员: the applicant alone, unmarried.
        By applicant = By.cssSelector("[data-testid='member-applicant']");
        console.waitFor(applicant);
        choose(console, applicant, "m-marital", "UNMARRIED");
        choose(console, applicant, "m-employment", "UNEMPLOYED");
        choose(console, applicant, "m-hukou", "LOCAL_URBAN");
        choose(console, applicant, "m-housing", "RENTING");
        field(console, applicant, "m-mobile", mobile);
        field(console, applicant, "m-hukou-address", "南昌市东湖区八一大道 1 号");
        field(console, applicant, "m-address", "南昌市东湖区八一大道 1 号");
        field(console, applicant, "m-income", "800");
        console.screenshot("jiangxi-counter-form-family-desktop");
        next(console, "family", "assets");

        // 3 家庭资产: nothing owned; the letter printed, signed on paper and its scan uploaded.
        console.click(By.cssSelector("[data-testid='has-vehicle-no']"));
        console.click(By.cssSelector("[data-testid='has-real-estate-no']"));
        console.click(By.cssSelector("[data-testid='has-business-no']"));
        field(console, By.cssSelector("[data-testid='jx-step-assets']"), "assets-deposits", "0");
        field(console, By.cssSelector("[data-testid='jx-step-assets']"), "assets-securities", "0");
        console.click(By.cssSelector("[data-testid='jxc-draft']"));
        console.waitFor(By.cssSelector("[data-testid='jxc-saved']"));
        console.driver()
                .findElement(By.cssSelector("[data-testid='jxc-letter-file']"))
                .sendKeys(letterScan.toAbsolutePath().toString());
        console.waiting(WAIT)
                .until(
                        d ->
                                "UPLOADED"
                                        .equals(
                                                d.findElement(
                                                                By.cssSelector(
                                                                        "[data-testid='jxc-letter']"))
                                                        .getAttribute("data-mode")));
        console.screenshot("jiangxi-counter-form-assets-desktop");
        next(console, "assets", "materials");

        // 4 申请材料: every material needed is a scan made at the counter.
        console.waitFor(By.cssSelector("[data-testid='materials']"));
        for (int round = 0; round < 12 && !materialsDone(console.driver()); round++) {
            List<WebElement> open = new ArrayList<>();
            for (WebElement m :
                    console.driver().findElements(By.cssSelector("[data-testid='material']"))) {
                if (!"true".equals(m.getAttribute("data-satisfied"))) {
                    open.add(m);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            WebElement m = open.get(0);
            String code = m.getAttribute("data-code");
            int before = m.findElements(By.cssSelector("[data-testid='material-file']")).size();
            m.findElement(By.cssSelector("[data-testid='material-counter-upload']"))
                    .sendKeys(scan.toAbsolutePath().toString());
            console.waiting(WAIT)
                    .until(
                            d ->
                                    d.findElements(
                                                            By.cssSelector(
                                                                    "[data-testid='material'][data-code='"
                                                                            + code
                                                                            + "'] [data-testid='material-file']"))
                                                    .size()
                                            > before);
        }
        console.waiting(WAIT).until(JiangxiCounterBrowserIT::materialsDone);
        console.screenshot("jiangxi-counter-form-materials-desktop");
        next(console, "materials", "submit");

        // Submit after the confirmation: the county reviews it next.
        console.waitFor(By.cssSelector("[data-testid='jxc-checklist']"));
        assertTrue(
                console.driver()
                        .findElements(By.cssSelector("[data-testid='jxc-incomplete']"))
                        .isEmpty(),
                "every step is complete");
        console.click(By.cssSelector("[data-testid='jxc-submit']"));
        console.waitFor(By.cssSelector(".van-dialog"));
        console.screenshot("jiangxi-counter-submit-confirm-desktop");
        console.click(By.cssSelector(".van-dialog__confirm"));
        console.waiting(WAIT)
                .until(
                        d ->
                                "SUBMITTED"
                                        .equals(
                                                d.findElement(
                                                                By.cssSelector(
                                                                        "[data-testid='jxc-submitted']"))
                                                        .getAttribute("data-status")));
        console.screenshot("jiangxi-counter-submitted-desktop");

        // The citizen's list at the counter shows it, channel 窗口.
        console.open("/console/#/m/jiangxi/?citizen=" + citizenId);
        By row =
                By.cssSelector(
                        "[data-testid='jxc-application-row'][data-application-id='"
                                + caseId
                                + "']");
        console.waitFor(row);
        assertEquals("COUNTER", console.driver().findElement(row).getAttribute("data-channel"));
        assertTrue(
                console.driver()
                        .findElement(row)
                        .findElement(By.cssSelector("[data-testid='jxc-application-channel']"))
                        .getText()
                        .contains("窗口"));

        // The county's review queue lists the case; its page shows the channel and the form.
        console.open("/console/#/queue");
        By queued = By.cssSelector("[data-testid='queue-row'][data-case-id='" + caseId + "']");
        console.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(queued));
        assertFalse(console.text().contains(idNumber), "the queue shows no full ID number");
        console.screenshot("jiangxi-counter-queue-desktop");
        console.click(queued);
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/cases/" + caseId));
        console.waitForText(By.cssSelector("[data-testid='case-form']"), "低保");
        assertTrue(console.text().contains("窗口"), "the case names its channel, the counter");
        assertFalse(console.text().contains(idNumber), "the form shows the ID number masked");
        console.screenshot("jiangxi-counter-case-desktop");
    }

    /** 保存并下一步 from {@code step}, until the page shows {@code next}. */
    private static void next(Browser console, String step, String next) {
        console.click(
                By.cssSelector("[data-testid='jxc-body-" + step + "'] [data-testid='jxc-next']"));
        console.waiting(WAIT)
                .until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("[data-testid='jxc-body-" + next + "']")));
        assertEquals(
                "true",
                console.driver()
                        .findElement(By.cssSelector("[data-testid='jxc-step-" + step + "']"))
                        .getAttribute("data-done"),
                step + " is complete");
    }

    private static void choose(Browser console, By scope, String testid, String value) {
        WebElement select =
                console.waitFor(scope)
                        .findElement(By.cssSelector("select[data-testid='" + testid + "']"));
        new Select(select).selectByValue(value);
    }

    private static void field(Browser console, By scope, String testid, String text) {
        WebElement input =
                console.waitFor(scope)
                        .findElement(By.cssSelector("[data-testid='" + testid + "'] input"));
        input.clear();
        input.sendKeys(text);
    }

    private static boolean materialsDone(WebDriver driver) {
        List<WebElement> summary =
                driver.findElements(By.cssSelector("[data-testid='materials-summary']"));
        return !summary.isEmpty() && "0".equals(summary.get(0).getAttribute("data-missing"));
    }

    /** A scan (a light PNG) in a temporary file. */
    private static Path scan(Color color) throws IOException {
        BufferedImage image = new BufferedImage(400, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 400, 260);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(20, 20, 360, 220);
        g.dispose();
        Path file = Files.createTempFile("scan-", ".png");
        file.toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** The signed letter's scan: a small one-page PDF with its cross-reference table. */
    private static Path pdf() throws IOException {
        String content = "0 0 0 RG 72 700 m 300 700 l S";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.size();
            out.write(
                    ((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }
        long xref = out.size();
        StringBuilder tail =
                new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (long o : offsets) {
            tail.append(String.format("%010d 00000 n \n", o));
        }
        tail.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.write(tail.toString().getBytes(StandardCharsets.US_ASCII));
        Path file = Files.createTempFile("letter-", ".pdf");
        file.toFile().deleteOnExit();
        Files.write(file, out.toByteArray());
        return file;
    }

    /** The 17 digits with their GB 11643 check character. */
    private static String idNumber(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private String captchaAnswer(Browser browser) {
        String id =
                browser.waitFor(By.cssSelector("img[data-captcha-id]"))
                        .getAttribute("data-captcha-id");
        return rest().getJson("/api/sandbox/captcha/" + id).path("answer").asText();
    }
}
