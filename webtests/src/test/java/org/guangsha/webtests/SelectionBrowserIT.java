package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Online selection on a phone (seed 002, S-2 … S-6, S-8, S-10): 张三 opens the line, accepts the
 * declaration, searches and pre-selects three units, orders them (置顶); when his session starts he
 * accepts the formal declaration (去选房, the server's window starts), syncs the pre-selection (确认同步),
 * confirms his first intent twice (确认正选) and 我的结果 shows the unit. Once the session is closed, the
 * public results page, opened without login, lists him masked and never shows an ID number, and the
 * page re-running the published assignment says 一致.
 */
class SelectionBrowserIT extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** 张三, the sandbox's verified citizen (sandbox README). */
    private static final String ZHANG_SAN_MOBILE = "13800000001";

    private static final String ZHANG_SAN_ID = "440304199001011233";

    /** Seconds from the batch's creation to its session: time for the pre-selection in the page. */
    private static final int PRESELECTION_SECONDS = 60;

    @Test
    void preSelectChooseInTheSessionAndFindTheResultPublished() {
        String operator = rest().awaitLogin("operator", Rest.DEMO_PASSWORD);
        String citizen = rest().awaitLogin(ZHANG_SAN_MOBILE, Rest.DEMO_PASSWORD);
        VerifiedCitizen other = registerVerifiedCitizen("李选房", "440304");
        String code = "WT-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Instant sessionStarts =
                Instant.now().plusSeconds(PRESELECTION_SECONDS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode batch =
                Rest.json(
                        Rest.expect(
                                201,
                                rest().post(
                                                "/api/selection/admin/batches",
                                                newBatch(code, sessionStarts, other),
                                                operator)));
        String batchId = batch.path("id").asText();

        // Pre-selection (S-2, S-3): declaration, search, three units, 置顶 for the third.
        Browser phone = phone().signIn(citizen).open("/#/m/selection/");
        String family = "[data-testid='family'][data-batch='" + code + "'] ";
        phone.waitFor(By.cssSelector(family));
        phone.waitForText(By.cssSelector(family + "[data-testid='family-phase']"), "预选进行中");
        shot(phone, "selection-start-phone");
        phone.click(By.cssSelector(family + "[data-testid='entry-start']"));
        phone.waitFor(testId("declaration-rules"));
        phone.click(testId("declaration-agree"));
        phone.click(testId("declaration-start-pre"));

        phone.waitFor(testId("unit-search"));
        new Select(phone.waitFor(testId("search-building"))).selectByVisibleText("2栋");
        phone.click(testId("search-submit"));
        phone.waitForText(testId("units-total"), "共 4 套");
        for (int i = 0; i < 3; i++) {
            String count = String.valueOf(i + 1);
            phone.click(By.cssSelector("[data-testid='unit-item'] [data-testid='unit-add']"));
            phone.waiting()
                    .until(
                            d ->
                                    count.equals(
                                            d.findElement(testId("pre-cart-button"))
                                                    .getAttribute("data-count")));
        }
        shot(phone, "selection-preselect-phone");
        phone.click(testId("pre-cart-button"));
        phone.waitFor(testId("pre-cart-page"));
        List<String> picked = cartCodes(phone);
        assertEquals(3, picked.size(), "three units pre-selected");
        phone.click(
                By.cssSelector(
                        "[data-testid='cart-item'][data-position='3'] [data-testid='cart-top']"));
        List<String> ordered = List.of(picked.get(2), picked.get(0), picked.get(1));
        phone.waiting().until(d -> ordered.equals(cartCodes(phone)));
        shot(phone, "selection-my-preselection-phone");

        // Rank 1 pre-selects 张三's first choice and another unit, through the REST API.
        Map<String, String> unitIds = unitIds(batchId, citizen);
        String otherFamily = familyOf(other.token(), code).path("familyId").asText();
        String otherPath = "/api/selection/families/" + otherFamily;
        Rest.expect(
                200, rest().post(otherPath + "/preselection/declaration", Map.of(), other.token()));
        String othersSecond = ordered.get(0).equals("2-302") ? "2-301" : "2-302";
        for (String unit : List.of(ordered.get(0), othersSecond)) {
            Rest.expect(
                    200,
                    rest().post(
                                    otherPath + "/cart/PRE/items",
                                    Map.of("unitId", unitIds.get(unit)),
                                    other.token()));
        }

        // The session starts on the server's clock: the start page, left open, turns to the formal
        // selection by itself when its countdown ends.
        String familyId = familyOf(citizen, code).path("familyId").asText();
        phone.open("/#/m/selection/");
        phone.waitFor(By.cssSelector(family + "[data-testid='family-countdown']"));
        phone.waiting(Duration.ofSeconds(PRESELECTION_SECONDS + 30))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector(family + "[data-testid='family-phase']"), "正选进行中"));

        // Rank 1 enters the formal selection and syncs, but never confirms (S-6 assigns it).
        Rest.expect(200, rest().post(otherPath + "/formal/declaration", Map.of(), other.token()));
        Rest.expect(200, rest().post(otherPath + "/formal/sync", Map.of(), other.token()));

        // Formal selection (S-4, S-5): 去选房, 确认同步, 确认正选 twice, 我的结果.
        phone.click(By.cssSelector(family + "[data-testid='entry-start']"));
        phone.click(testId("declaration-agree"));
        phone.click(testId("declaration-start-formal"));
        phone.waitFor(testId("formal-countdown"));
        phone.click(testId("formal-sync-confirm"));
        phone.waiting()
                .until(
                        d ->
                                "3"
                                        .equals(
                                                d.findElement(testId("formal-tab-intents"))
                                                        .getAttribute("data-count")));
        phone.waiting().until(d -> ordered.equals(cartCodes(phone)));
        int secondsLeft =
                Integer.parseInt(
                        phone.waitFor(testId("formal-countdown")).getAttribute("data-seconds"));
        assertTrue(
                secondsLeft > 0 && secondsLeft <= 60,
                "the countdown follows the server's 60 s window: " + secondsLeft);
        shot(phone, "selection-formal-intents-phone");

        // 房源信息播报 (S-10) on a computer, without login, follows the session live.
        Browser board = desktop().open("/#/m/selection/broadcast/" + batchId);
        board.waitFor(By.cssSelector("[data-testid='broadcast-live'][data-state='live']"));
        board.script("window.__sameDocument = true;");
        assertEquals("FREE", cellStatus(board, ordered.get(0)));

        phone.click(testId("formal-confirm"));
        phone.waitFor(
                By.cssSelector(
                        "[data-testid='formal-pick-option'][data-unit='" + ordered.get(0) + "']"));
        shot(phone, "selection-formal-pick-phone");
        phone.click(testId("formal-pick-submit"));
        phone.click(By.cssSelector(".van-dialog__confirm"));
        phone.type(By.cssSelector(".gs-confirm-twice input"), "确认");
        phone.click(By.cssSelector(".gs-confirm-twice .van-dialog__confirm"));

        phone.waiting(WAIT).until(ExpectedConditions.urlContains("/result"));
        WebElement unit = phone.waitFor(testId("result-unit"));
        assertEquals(ordered.get(0), unit.getAttribute("data-unit"));
        phone.waitForText(testId("result-status"), "已确认正选");
        assertFalse(phone.scrollsSideways());
        shot(phone, "selection-result-phone");
        JsonNode result =
                Rest.json(
                        Rest.expect(
                                200,
                                rest().get(
                                                "/api/selection/families/" + familyId + "/result",
                                                citizen)));
        assertEquals("CONFIRMED", result.path("status").asText());
        assertEquals(ordered.get(0), result.path("allocation").path("unit").path("code").asText());
        board.waiting(WAIT).until(d -> "TAKEN".equals(cellStatus(board, ordered.get(0))));

        // The session closes (here at once, by the operator); its results are public (S-6).
        String sessionId = familyOf(citizen, code).path("session").path("id").asText();
        Rest.expect(
                200,
                rest().post(
                                "/api/selection/admin/sessions/" + sessionId + "/close",
                                Map.of(),
                                operator));
        board.waiting(WAIT).until(d -> "TAKEN".equals(cellStatus(board, othersSecond)));
        assertEquals(Boolean.TRUE, board.script("return window.__sameDocument === true;"));
        shot(board, "selection-broadcast-desktop");
        Browser anyone = phone().open("/#/m/selection/public/" + batchId);
        anyone.waitFor(By.cssSelector("[data-testid='public-result'][data-rank='3']"));
        anyone.waitFor(By.cssSelector("[data-testid='public-result'][data-rank='1']"));
        String page = anyone.text();
        assertTrue(page.contains(ordered.get(0)), "张三's unit is listed");
        assertTrue(page.contains(othersSecond), "rank 1 got its first intent still free (S-6)");
        assertFalse(page.contains(other.idNumber()), "never an ID number");
        assertFalse(page.contains(other.name()), "never a whole name");
        assertTrue(page.contains("张*"), "names are masked");
        assertFalse(page.contains(ZHANG_SAN_ID), "never an ID number");
        assertFalse(page.contains(ZHANG_SAN_ID.substring(0, 6) + "*"), "not even a masked one");
        assertFalse(page.contains("张三"), "never a whole name");
        shot(anyone, "selection-public-results-phone");

        anyone.click(testId("public-run-link"));
        anyone.click(testId("run-verify"));
        anyone.waiting(WAIT)
                .until(
                        d ->
                                "match"
                                        .equals(
                                                d.findElement(testId("run-verdict"))
                                                        .getAttribute("data-verdict")));
        anyone.waitForText(testId("run-verdict"), "一致");
        assertEquals(
                othersSecond,
                anyone.driver()
                        .findElement(By.cssSelector("[data-testid='run-family'][data-rank='1']"))
                        .getAttribute("data-recomputed"));
        shot(anyone, "selection-public-run-phone");

        // The page's own SHA-256 (for browsers without WebCrypto, i.e. plain http off localhost)
        // and canonical text give the server's fixed test vector (AutoAssignmentTest).
        Object hex =
                anyone.driver()
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + " import('/ui/selection/rerun.js').then((m) => {"
                                        + " const text = m.canonicalInputs({algorithm:"
                                        + " 'rank-first-free-intent/1', taken: ['A-1'], families:"
                                        + " [{rank: 1, intents: ['A-1', 'A-2']}, {rank: 2, intents:"
                                        + " ['A-2', '栋\"3']}]});"
                                        + " const bytes = m.sha256(new TextEncoder().encode(text));"
                                        + " done(Array.from(bytes, (b) => b.toString(16).padStart(2,"
                                        + " '0')).join('')); });");
        assertEquals("656d21ffcb120a2aa644a13a9df8eddc9dc41b35459b3fccc5b5b89366f58f5f", hex);
    }

    /**
     * 网上签约 and 材料管理 (S-12, S-13) on the phone, after 张三 confirmed a unit: 确认手机号码, 租金托收 with both
     * card photos, 开始人脸识别 opens the core's ceremony (walked here through its REST API, face check
     * included), the deposit's QR code paid from another device, 提交, the district's caseworker
     * approves, and 材料管理 lists the lease and the occupancy notice.
     */
    @Test
    void signOnlineAndFindTheMaterials() throws Exception {
        // The ceremony's reading countdowns (30 s and 60 s) are shortened for this test, then put
        // back.
        shell("config:property-set -p org.guangsha.selection signing.commitment.seconds 2");
        shell("config:property-set -p org.guangsha.selection signing.contract.seconds 2");
        try {
            signOnline();
        } finally {
            shell("config:property-set -p org.guangsha.selection signing.commitment.seconds 30");
            shell("config:property-set -p org.guangsha.selection signing.contract.seconds 60");
        }
    }

    private void signOnline() throws Exception {
        String operator = rest().awaitLogin("operator", Rest.DEMO_PASSWORD);
        String citizen = rest().awaitLogin(ZHANG_SAN_MOBILE, Rest.DEMO_PASSWORD);
        String code = "WS-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Map<String, Object> running = newBatch(code, Instant.now().plusSeconds(3), null);
        JsonNode batch =
                Rest.json(
                        Rest.expect(
                                201,
                                rest().post("/api/selection/admin/batches", running, operator)));
        Map<String, String> unitIds = unitIds(batch.path("id").asText(), citizen);
        String familyId = familyOf(citizen, code).path("familyId").asText();
        String family = "/api/selection/families/" + familyId;
        Await.until(
                "the session of " + code + " has started",
                WAIT,
                () ->
                        "FORMAL"
                                .equals(
                                        Rest.json(rest().get(family, citizen))
                                                .path("phase")
                                                .asText()));
        Rest.expect(200, rest().post(family + "/formal/declaration", Map.of(), citizen));
        String unitId = unitIds.get("1-201");
        Rest.expect(
                200, rest().post(family + "/cart/FORMAL/items", Map.of("unitId", unitId), citizen));
        Rest.expect(
                200,
                rest().post(
                                family + "/formal/confirm",
                                Map.of("unitId", unitId, "idempotencyKey", "ws-" + code),
                                citizen));

        // 我的结果 → 去签约; 确认手机号码; 租金托收 with both photos (required before going on).
        Browser phone =
                phone().signIn(citizen).open("/#/m/selection/family/" + familyId + "/result");
        phone.click(testId("result-signing"));
        phone.waitForText(testId("signing-home"), "1-201");
        phone.click(testId("signing-mobile-keep"));
        phone.waitFor(testId("signing-bank-form"));
        assertFalse(
                phone.driver().findElement(testId("signing-bank-save")).isEnabled(),
                "no photos, no going on");
        phone.type(By.cssSelector("[data-testid='signing-bank-name'] input"), "中国银行深圳分行");
        phone.type(
                By.cssSelector("[data-testid='signing-bank-card'] input"),
                "6222 0202 0011 2230 004");
        upload(phone, "bank-card-front", cardPhoto(Color.RED));
        upload(phone, "bank-card-back", cardPhoto(Color.BLUE));
        shot(phone, "selection-signing-bank-phone");
        phone.click(testId("signing-bank-save"));

        // 开始人脸识别: the core's ceremony page; its steps are walked through its REST API here.
        phone.click(testId("signing-ceremony"));
        phone.waiting(WAIT).until(ExpectedConditions.urlContains("#/signing/"));
        String ceremony = phone.driver().getCurrentUrl().replaceFirst(".*#/signing/", "");
        walkCeremony(citizen, family, ceremony);
        phone.driver().navigate().back();

        // 租赁保证金: the QR code is paid from another device (the sandbox's WeChat Pay page).
        phone.click(testId("signing-deposit-start"));
        String link = phone.waitFor(testId("qr-link")).getText().trim();
        shot(phone, "selection-signing-deposit-phone");
        Browser other = desktop();
        other.driver().get(link);
        other.click(By.id("pay"));
        phone.click(testId("signing-submit"));
        phone.click(By.cssSelector(".van-dialog__confirm"));
        phone.waitFor(testId("signing-review"));

        // The district approves; the page follows and leads to 材料管理.
        String caseId = Rest.json(rest().get(family + "/signing", citizen)).path("caseId").asText();
        String futian = rest().awaitLogin("futian-district", Rest.DEMO_PASSWORD);
        long version =
                Rest.json(rest().get("/api/review/cases/" + caseId, futian))
                        .path("record")
                        .path("version")
                        .asLong();
        JsonNode claimed =
                Rest.json(
                        Rest.expect(
                                200,
                                rest().post(
                                                "/api/review/cases/" + caseId + "/claim",
                                                Map.of("version", version),
                                                futian)));
        Rest.expect(
                200,
                rest().post(
                                "/api/review/cases/" + caseId + "/decisions",
                                Map.of(
                                        "decision",
                                        "APPROVE",
                                        "version",
                                        claimed.path("version").asLong()),
                                futian));
        phone.waiting(Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(testId("signing-materials")));
        shot(phone, "selection-signing-approved-phone");
        phone.click(testId("signing-materials"));
        phone.waitFor(By.cssSelector("[data-testid='material'][data-kind='occupancy-notice']"));
        assertEquals(
                List.of("lease-contract", "occupancy-notice"),
                phone.driver().findElements(testId("material")).stream()
                        .map(e -> e.getAttribute("data-kind"))
                        .toList());
        assertFalse(phone.scrollsSideways());
        shot(phone, "selection-materials-phone");
    }

    /**
     * The core's ceremony through its REST API: details, commitment, face check, contract,
     * signature.
     */
    private static void walkCeremony(String token, String family, String ceremony)
            throws Exception {
        String base = "/api/signing/" + ceremony;
        Rest.expect(200, rest().post(base + "/confirm", Map.of(), token));
        String commitment = Rest.json(rest().get(base, token)).path("commitmentText").asText();
        Await.until(
                "the commitment letter was read",
                Duration.ofSeconds(45),
                () -> rest().post(base + "/commitment/read", Map.of(), token).statusCode() == 200);
        Rest.expect(200, rest().post(base + "/commitment/text", Map.of("text", commitment), token));
        String purpose =
                Rest.json(rest().get(family + "/signing", token))
                        .path("face")
                        .path("purpose")
                        .asText();
        String faceSession = passedFaceSession(token, purpose);
        Rest.expect(200, rest().post(base + "/face", Map.of("sessionId", faceSession), token));
        Await.until(
                "the contract was read",
                Duration.ofSeconds(75),
                () -> rest().post(base + "/contract/read", Map.of(), token).statusCode() == 200);
        Rest.expect(200, rest().post(base + "/signature", Map.of("image", signature()), token));
    }

    /** Chooses a file for the GsUpload of {@code kind} and waits until it is uploaded. */
    private static void upload(Browser browser, String kind, Path file) {
        By widget = By.cssSelector("[data-testid='upload-" + kind + "']");
        browser.waitFor(widget);
        browser.driver()
                .findElement(
                        By.cssSelector(
                                "[data-testid='upload-"
                                        + kind
                                        + "'] input[type='file']:not([capture])"))
                .sendKeys(file.toString());
        browser.waitFor(
                By.cssSelector("[data-testid='upload-" + kind + "'] [data-testid='upload-view']"));
    }

    /** A photo of a card (a coloured PNG) in a temporary file. */
    private static Path cardPhoto(Color color) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        Path file = Files.createTempFile("card-", ".png");
        file.toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A handwritten signature as the pad sends it: a PNG data URL with ink. */
    private static String signature() throws IOException {
        BufferedImage pad = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = pad.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawLine(20, 80, 120, 30);
        g.drawLine(120, 30, 260, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(pad, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * A batch of eight units in two buildings; 张三 is rank 3 of session 1, which starts at {@code
     * sessionStarts} and gives each family a 60 s window; rank 1 is {@code other}, rank 2 never
     * takes part.
     */
    private static Map<String, Object> newBatch(
            String code, Instant sessionStarts, VerifiedCitizen other) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (int building = 1; building <= 2; building++) {
            for (int floor = 2; floor <= 3; floor++) {
                for (int room = 1; room <= 2; room++) {
                    String number = floor + "0" + room;
                    Map<String, Object> u = new LinkedHashMap<>();
                    u.put("code", building + "-" + number);
                    u.put("project", "龙华保障房");
                    u.put("building", building + "栋");
                    u.put("unitType", room == 1 ? "一房一厅" : "两房一厅");
                    u.put("orientation", room == 1 ? "南" : "北");
                    u.put("roomNumber", number);
                    u.put("floor", floor);
                    u.put("areaCentiM2", room == 1 ? 4530 : 6285);
                    u.put("rentFen", room == 1 ? 120_000 : 168_000);
                    u.put("address", "深圳市龙华区" + building + "栋" + number);
                    units.add(u);
                }
            }
        }
        List<Map<String, Object>> families = new ArrayList<>();
        families.add(
                other != null
                        ? family(1, other.name(), other.idNumber())
                        : family(
                                1,
                                "李测试",
                                PortalBrowserIT.idNumber(
                                        "440306", ThreadLocalRandom.current().nextInt(100, 888))));
        families.add(
                family(
                        2,
                        "王测试",
                        PortalBrowserIT.idNumber(
                                "440305", ThreadLocalRandom.current().nextInt(100, 888))));
        families.add(family(3, "张三", ZHANG_SAN_ID));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("seq", 1);
        session.put("name", "第1场");
        session.put("startsAt", sessionStarts.toString());
        session.put("endsAt", sessionStarts.plusSeconds(600).toString());
        session.put("capacity", 3);
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("code", code);
        batch.put("name", "浏览器测试选房批次 " + code);
        batch.put("regionCode", "440304");
        batch.put("preselectStartsAt", Instant.now().minusSeconds(60).toString());
        batch.put("cartSize", 3);
        batch.put("windowSeconds", 60);
        batch.put("units", units);
        batch.put("sessions", List.of(session));
        batch.put("families", families);
        return batch;
    }

    private static Map<String, Object> family(int rank, String name, String idNumber) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rank", rank);
        f.put("applicantName", name);
        f.put("idNumber", idNumber);
        f.put("householdSize", 2);
        f.put("sessionSeq", 1);
        return f;
    }

    /** The batch's unit ids by code. */
    private static Map<String, String> unitIds(String batchId, String token) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode u :
                Rest.json(
                                Rest.expect(
                                        200,
                                        rest().get(
                                                        "/api/selection/batches/"
                                                                + batchId
                                                                + "/units?size=50",
                                                        token)))
                        .path("items")) {
            ids.put(u.path("code").asText(), u.path("id").asText());
        }
        return ids;
    }

    /** The caller's family in the batch {@code code}, from {@code GET /api/selection/me}. */
    private static JsonNode familyOf(String token, String code) {
        for (JsonNode f : Rest.json(Rest.expect(200, rest().get("/api/selection/me", token)))) {
            if (code.equals(f.path("batch").path("code").asText())) {
                return f;
            }
        }
        throw new AssertionError("张三 is no family of " + code);
    }

    /** A screenshot once Vant's toasts are gone (they hide what matters). */
    private static void shot(Browser browser, String name) {
        browser.waitUntil(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".van-toast")));
        browser.screenshot(name);
    }

    /** A unit's status on the broadcast page: FREE or TAKEN. */
    private static String cellStatus(Browser board, String code) {
        return board.driver()
                .findElement(
                        By.cssSelector("[data-testid='broadcast-unit'][data-unit='" + code + "']"))
                .getAttribute("data-status");
    }

    /** The unit codes of the cart shown, in order. */
    private static List<String> cartCodes(Browser browser) {
        return browser.driver().findElements(testId("cart-item")).stream()
                .map(e -> e.getAttribute("data-unit"))
                .toList();
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }
}
