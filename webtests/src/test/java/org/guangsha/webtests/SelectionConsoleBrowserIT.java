package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The selection line's pages in the staff console (S-1, S-6), on a computer: the operator logs in,
 * finds 选房批次 in the console's navigation (the line's console entries), imports a batch from three
 * CSV files of which one row is wrong and sees that row's problem while nothing is created,
 * corrects the file and imports the batch, then closes a session now with a confirmation and sees
 * its families' outcome.
 */
class SelectionConsoleBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final DateTimeFormatter CITY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void theOperatorImportsABatchFromCsvFilesCorrectsARowAndClosesASession() throws Exception {
        String code = "WT-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Path dir = Files.createDirectories(Path.of("target", "selection-console", code));
        Path units = write(dir, "units.csv", unitsCsv());
        Path sessions = write(dir, "sessions.csv", sessionsCsv());
        String goodId = idNumber("44030419880808121");
        String badId = goodId.substring(0, 17) + (goodId.charAt(17) == '0' ? '1' : '0');
        Path families = write(dir, "families.csv", familiesCsv(badId));

        // the demo accounts appear a few seconds after the start
        String operator = rest().awaitLogin("operator", Rest.DEMO_PASSWORD);
        Browser console =
                desktop().allowConsoleError("selection/admin/batches/import - .*status of 400");
        console.open("/console/#/login");
        console.type(By.cssSelector("[data-testid='login-account'] input"), "operator");
        console.type(By.cssSelector("[data-testid='login-password'] input"), Rest.DEMO_PASSWORD);
        console.type(By.cssSelector("[data-testid='login-captcha'] input"), captchaAnswer(console));
        console.click(By.cssSelector("[data-testid='login-submit']"));

        // The line's entries sit in the console's navigation.
        console.click(By.cssSelector("[data-testid='nav-m-selection-batches']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/m/selection/"));
        console.waitFor(By.cssSelector("[data-testid='sel-batches']"));
        console.click(By.cssSelector("[data-testid='sel-import-open']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/m/selection/import"));

        console.type(By.cssSelector("[data-testid='sel-import-code']"), code);
        console.type(By.cssSelector("[data-testid='sel-import-name']"), "浏览器测试批次 " + code);
        new Select(console.waitFor(By.cssSelector("[data-testid='sel-import-region']")))
                .selectByValue("440304");
        pick(console, "units", units);
        pick(console, "families", families);
        pick(console, "sessions", sessions);
        console.screenshot("selection-console-import-desktop");
        console.click(By.cssSelector("[data-testid='sel-import-submit']"));

        // One bad ID number: its row is named, and nothing was created.
        By badRow =
                By.cssSelector(
                        "[data-testid='sel-import-error'][data-section='families'][data-row='2']");
        WebElement row =
                console.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(badRow));
        assertEquals("idNumber", row.getAttribute("data-column"));
        assertTrue(row.getText().contains("身份证"), row.getText());
        assertEquals(
                1,
                console.driver()
                        .findElements(By.cssSelector("[data-testid='sel-import-error']"))
                        .size(),
                "only the bad row is named");
        console.waitFor(By.cssSelector("[data-testid='sel-import-rejected']"));
        console.screenshot("selection-console-import-rejected-desktop");
        assertFalse(batchListed(operator, code), "a rejected batch is not stored");

        // The corrected file goes in; the batch is imported and its page opens.
        pick(console, "families", write(dir, "families.csv", familiesCsv(goodId)));
        console.click(By.cssSelector("[data-testid='sel-import-submit']"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/m/selection/batches/"));
        console.waitForText(By.cssSelector("[data-testid='sel-batch-code']"), code);
        console.waitFor(By.cssSelector("[data-testid='sel-batch-done']"));
        assertTrue(batchListed(operator, code));
        By firstSession = By.cssSelector("[data-testid='sel-session-row'][data-seq='1']");
        console.waitFor(firstSession);
        assertEquals(
                2,
                console.driver()
                        .findElements(By.cssSelector("[data-testid='sel-session-row']"))
                        .size());
        console.waiting(WAIT)
                .until(
                        d ->
                                d.findElements(By.cssSelector("[data-testid='sel-family-row']"))
                                                .size()
                                        == 3);
        String page = console.text();
        assertFalse(page.contains(goodId), "the families list shows no full ID number");
        assertFalse(page.contains("王小明"), "the families list shows no full name");
        console.screenshot("selection-console-batch-desktop");

        // Close the first session now, after the confirmation.
        console.click(
                By.cssSelector(
                        "[data-testid='sel-session-row'][data-seq='1'] [data-testid='sel-session-close']"));
        console.waitFor(By.cssSelector(".van-dialog"));
        console.click(By.cssSelector(".van-dialog__confirm"));
        console.waiting(WAIT)
                .until(
                        d ->
                                "CLOSED"
                                        .equals(
                                                d.findElement(firstSession)
                                                        .getAttribute("data-status")));
        console.waitForText(By.cssSelector("[data-testid='sel-batch-done']"), "已结束");
        // Nobody took part: its families are absent (S-7).
        assertEquals(
                "2",
                console.driver()
                        .findElement(firstSession)
                        .findElement(By.cssSelector("[data-testid='sel-count-ABSENT']"))
                        .getText()
                        .strip());
        assertEquals(
                "SCHEDULED",
                console.driver()
                        .findElement(
                                By.cssSelector("[data-testid='sel-session-row'][data-seq='2']"))
                        .getAttribute("data-status"),
                "the other session stays open");
        console.screenshot("selection-console-session-closed-desktop");
    }

    private static void pick(Browser browser, String name, Path file) {
        WebElement input =
                browser.driver()
                        .findElement(
                                By.cssSelector("[data-testid='sel-import-file-" + name + "']"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(
                By.cssSelector("[data-testid='sel-import-chosen-" + name + "']"),
                file.getFileName().toString());
    }

    private boolean batchListed(String token, String code) {
        JsonNode batches =
                Rest.json(Rest.expect(200, rest().get("/api/selection/admin/batches", token)));
        JsonNode list = batches.isArray() ? batches : batches.path("items");
        for (JsonNode b : list) {
            if (code.equals(b.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Path write(Path dir, String name, String text) {
        try {
            // as a spreadsheet saves it: UTF-8 with a byte-order mark, CRLF
            return Files.writeString(
                    dir.resolve(name),
                    "\uFEFF" + text.replace("\n", "\r\n"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unitsCsv() {
        StringBuilder csv = new StringBuilder("房源编号,项目,楼栋,户型,朝向,房号,楼层,面积(㎡),月租金(元),地址\n");
        for (String room : List.of("301", "302", "401", "402")) {
            csv.append("1-")
                    .append(room)
                    .append(",测试苑,1栋,一房一厅,南,")
                    .append(room)
                    .append(',')
                    .append(room.charAt(0))
                    .append(",52.30,1850.00,深圳市福田区测试苑1栋")
                    .append(room)
                    .append('\n');
        }
        return csv.toString();
    }

    private static String sessionsCsv() {
        OffsetDateTime day =
                OffsetDateTime.now(ZoneOffset.ofHours(8))
                        .plusDays(3)
                        .withHour(9)
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0);
        return "场次号,场次名称,开始时间,结束时间,家庭数\n"
                + "1,第1场,"
                + CITY.format(day)
                + ","
                + CITY.format(day.plusHours(2))
                + ",2\n"
                + "2,第2场,"
                + CITY.format(day.plusHours(3))
                + ","
                + CITY.format(day.plusHours(5))
                + ",2\n";
    }

    private static String familiesCsv(String secondId) {
        return "排位,姓名,身份证号码,家庭人数,场次\n"
                + "1,李四,"
                + idNumber("44030419850505123")
                + ",2,1\n"
                + "2,王小明,"
                + secondId
                + ",3,1\n"
                + "3,赵六,"
                + idNumber("44030419920303124")
                + ",1,2\n";
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
