package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 个人租后信息变更 (SZ-3) and 单位住房承租信息变更 (SZ-5) in the browser, on the line's demo data.
 *
 * <p>SZ-3 on a phone: 张三 opens his personal page → 个人租后信息变更 → 变更信息, enters a new mobile, edits his
 * spouse's mobile, deletes his child, adds his mother with her ID card's two sides and a
 * certificate; an ID number with a wrong check digit is marked on its field before anything is
 * sent, his own ID number is refused by the server on its field (problem+json), and neither stores
 * anything; with a valid number he confirms and sees the change 审核中. {@code futian-district}
 * approves it in the review console on a computer, where the form shows the ID numbers masked; the
 * phone's personal page then lists the mother and no longer the child.
 *
 * <p>SZ-5 on a computer: the demo organization logs in with 法人登录, sees exactly its three Nanshan
 * homes (no other organization's), replaces the occupant of one home (deletes 黄二, adds an occupant
 * with a co-resident, their ID cards uploaded) and edits the occupant of another; {@code
 * nanshan-district} approves the first in the console and the second over REST; the organization
 * prints the new occupant's 入住通知书, a PDF its session reads over HTTP.
 *
 * <p>The demo data are shared with the other browser tests of the run (ShenzhenRentBrowserIT and
 * the renewal test use 张三's lease): each test puts the residents back as the sandbox seeded them,
 * by a change approved over REST.
 */
class ShenzhenChangesBrowserIT extends BrowserTestSupport {

    private static final String FEATURE = "guangsha-shenzhen-rental";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CREDIT_CODE = "91440300MA5G20260T";
    private static final String LESSEE_ID = "440304199001011233";

    /** 张三's co-residents as the sandbox seeds them (SandboxShenzhenRental). */
    private static final List<Person> ZHANG_SAN_DEMO =
            List.of(
                    new Person(
                            "CO_RESIDENT",
                            "李梅",
                            idNumber("44030419920315202"),
                            "配偶",
                            "13800000011",
                            null),
                    new Person(
                            "CO_RESIDENT", "张小宝", idNumber("44030420180601301"), "子女", null, null));

    private static final String CHEN_YI = idNumber("44030519950101011");

    /** The organization's occupants by lease, as seeded. */
    private static final Map<String, List<Person>> ORG_DEMO =
            Map.of(
                    "SZDEMO-L-ORG-0001",
                    List.of(
                            new Person("OCCUPANT", "陈一", CHEN_YI, "员工", "13800000021", null),
                            new Person(
                                    "CO_RESIDENT",
                                    "林一",
                                    idNumber("44030519960505042"),
                                    "配偶",
                                    null,
                                    CHEN_YI)),
                    "SZDEMO-L-ORG-0002",
                    List.of(
                            new Person(
                                    "OCCUPANT",
                                    "黄二",
                                    idNumber("44030619960202023"),
                                    "员工",
                                    "13800000022",
                                    null)));

    /** SZ-3: a citizen's change, refused inputs, review with masked numbers, the result shown. */
    @Test
    void aCitizenChangesCoResidentsOnThePhoneAndSeesThemOnceTheDistrictApproves()
            throws IOException {
        installed();
        String citizen = rest().awaitLogin("13800000001", Rest.DEMO_PASSWORD);
        String futian = rest().awaitLogin("futian-district", Rest.DEMO_PASSWORD);
        String leaseId = awaitLease(citizen, "SZDEMO-L-2026-0001");
        String changes = "/api/shenzhen/rental/leases/" + leaseId + "/changes";
        try {
            JsonNode before = Rest.json(Rest.expect(200, rest().get(changes, citizen)));
            assertTrue(before.path("canApply").asBoolean(), before.toString());
            int changesBefore = before.path("changes").size();
            String spouseId = residentId(before, "配偶");
            String childId = residentId(before, "子女");

            // the personal page → 个人租后信息变更: the home and who lives there
            Browser phone = phone().signIn(citizen).open("/#/m/shenzhen-rental/");
            phone.allowConsoleError("changes - Failed to load resource: .*status of 400");
            phone.click(service("changes"));
            phone.waitFor(testId("changes-guide"));
            phone.waitForText(testId("changes-residents"), "配偶");
            assertFalse(phone.text().contains(idNumber("44030419920315202")), "masked");
            shot(phone, "changes-1-list-phone");

            // 变更信息: a new mobile; the spouse's mobile edited; the child deleted; the mother added
            phone.click(testId("changes-edit"));
            phone.waitFor(testId("changes-form"));
            phone.type(By.cssSelector("[data-testid='changes-mobile'] input"), "13912345678");
            String spouse = row(spouseId);
            phone.click(By.cssSelector(spouse + " [data-testid='row-edit']"));
            phone.type(By.cssSelector(spouse + " [data-testid='row-mobile'] input"), "13800000012");
            phone.click(By.cssSelector(spouse + " [data-testid='row-done']"));
            phone.waitFor(By.cssSelector(spouse + "[data-state='EDIT']"));
            phone.click(By.cssSelector(row(childId) + " [data-testid='row-remove']"));
            phone.waitFor(By.cssSelector(row(childId) + "[data-state='DELETE']"));
            phone.click(testId("changes-add"));
            String mother = "[data-testid='changes-row'][data-state='ADD']";
            phone.type(By.cssSelector(mother + " [data-testid='row-name'] input"), "王秀英");
            select(phone, mother + " select[data-testid='row-relation']", "父母");
            upload(phone, mother + " [data-testid='upload-id-card-front']", photo(Color.BLUE));
            upload(phone, mother + " [data-testid='upload-id-card-back']", photo(Color.CYAN));
            upload(phone, "[data-testid='upload-certificate']", photo(Color.ORANGE));

            // a wrong check digit: marked on the field as typed and on 提交, nothing sent
            String motherId = idNumber("44030419650308142");
            String wrong = motherId.substring(0, 17) + (motherId.endsWith("1") ? "2" : "1");
            By idField = By.cssSelector(mother + " [data-testid='row-id-number'] input");
            phone.type(idField, wrong);
            phone.click(testId("changes-submit"));
            By idError =
                    By.cssSelector(
                            mother + " [data-testid='row-id-number'] .van-field__error-message");
            phone.waitForText(idError, "身份证号码校验位错误");
            assertTrue(phone.text().contains("请更正标出的信息"), phone.text());
            shot(phone, "changes-2-invalid-id-phone");
            assertNothingStored(changes, citizen, changesBefore);

            // the lessee's own number passes the page's check; the server refuses it on its field
            retype(phone, idField, LESSEE_ID);
            phone.click(testId("changes-submit"));
            phone.click(By.cssSelector(".szc-confirm-dialog .van-dialog__confirm"));
            phone.waitForText(idError, "承租人本人不必登记为同住人");
            phone.waitUntil(
                    ExpectedConditions.invisibilityOfElementLocated(
                            By.cssSelector(".szc-confirm-dialog")));
            assertTrue(phone.text().contains("提交的信息有误"), phone.text());
            shot(phone, "changes-3-server-refuses-phone");
            assertNothingStored(changes, citizen, changesBefore);

            // a valid number: confirmed and submitted; under review, no second change possible
            retype(phone, idField, motherId);
            phone.waitUntil(
                    ExpectedConditions.invisibilityOfElementLocated(
                            By.cssSelector(mother + " .van-field__error-message")));
            phone.waitForText(testId("changes-summary"), "新增 1 人，修改 1 人，删除 1 人");
            phone.click(testId("changes-submit"));
            phone.waitForText(By.cssSelector(".szc-confirm-dialog"), "承租人信息有变更");
            shot(phone, "changes-4-confirm-phone");
            phone.click(By.cssSelector(".szc-confirm-dialog .van-dialog__confirm"));
            phone.waitFor(By.cssSelector("[data-testid='change'][data-status='REVIEW']"));
            phone.waitForText(testId("changes-reason"), "正在审核中");
            assertEquals("true", phone.waitFor(testId("changes-edit")).getAttribute("disabled"));
            shot(phone, "changes-5-under-review-phone");

            // stored as proposed; nothing applied yet; the three files filed with the case
            JsonNode review = Rest.json(Rest.expect(200, rest().get(changes, citizen)));
            JsonNode change = review.path("changes").get(0);
            assertEquals("REVIEW", change.path("status").asText(), change.toString());
            assertEquals(
                    Set.of("李*:EDIT", "王**:ADD"),
                    actions(change.path("residents")),
                    change.toString());
            assertEquals("张**", change.path("removed").get(0).path("name").asText());
            assertEquals("139****5678", change.path("mobile").asText());
            assertEquals(
                    Set.of("李*", "张**"),
                    names(review.path("residents")),
                    "nothing before approval");
            String caseId = change.path("caseId").asText();
            JsonNode filed =
                    Rest.json(Rest.expect(200, rest().get("/api/review/cases/" + caseId, futian)));
            assertEquals(3, filed.path("attachments").size(), filed.toString());
            assertEquals("MOBILE", filed.path("record").path("channel").asText());

            // futian-district approves in the console: the form masks every ID number
            Browser console = consoleLogin("futian-district");
            openCase(console, caseId);
            console.waitForText(testId("case-form"), "【新增】王**");
            String form = console.text();
            assertTrue(form.contains("4403**********" + motherId.substring(14)), form);
            assertTrue(form.contains("删除同住人"), form);
            for (String full : List.of(motherId, LESSEE_ID, ZHANG_SAN_DEMO.get(0).idNumber())) {
                assertFalse(form.contains(full), "the review shows " + full + " unmasked");
            }
            shot(console, "changes-6-review-form-desktop");
            approveInConsole(console);
            shot(console, "changes-7-approved-desktop");

            // the phone: the personal page lists the mother, not the child; the change approved
            phone.open("/#/m/shenzhen-rental/");
            phone.waitForText(testId("szr-residents"), "王**（父母）");
            assertFalse(
                    phone.waitFor(testId("szr-residents")).getText().contains("子女"),
                    "the child was deleted");
            shot(phone, "changes-8-personal-page-phone");
            phone.click(service("changes"));
            phone.waitFor(By.cssSelector("[data-testid='change'][data-status='APPROVED']"));
            phone.waitForText(testId("changes-lessee-mobile"), "139****5678");
            assertEquals(null, phone.waitFor(testId("changes-edit")).getAttribute("disabled"));
            shot(phone, "changes-9-approved-phone");
            JsonNode after = Rest.json(Rest.expect(200, rest().get(changes, citizen)));
            assertEquals(Set.of("李*", "王**"), names(after.path("residents")));
            assertEquals("138****0012", resident(after, "配偶").path("mobile").asText());
            assertFalse(phone.scrollsSideways(), "the phone page scrolls sideways");
        } finally {
            restore(citizen, futian, leaseId, ZHANG_SAN_DEMO);
        }
    }

    /** SZ-5: an organization's homes only, occupants changed, approved, the notice printed. */
    @Test
    void anOrganizationReplacesAnOccupantAndPrintsTheOccupancyNotice() throws IOException {
        installed();
        String organization = awaitOrganizationLogin();
        String nanshan = rest().awaitLogin("nanshan-district", Rest.DEMO_PASSWORD);
        String lease1 = awaitLease(organization, "SZDEMO-L-ORG-0001");
        String lease2 = awaitLease(organization, "SZDEMO-L-ORG-0002");
        String changes2 = "/api/shenzhen/rental/leases/" + lease2 + "/changes";
        String changes1 = "/api/shenzhen/rental/leases/" + lease1 + "/changes";
        try {
            JsonNode home2 = Rest.json(Rest.expect(200, rest().get(changes2, organization)));
            JsonNode home1 = Rest.json(Rest.expect(200, rest().get(changes1, organization)));
            String huangEr = home2.path("residents").get(0).path("id").asText();
            String chenYi = residentId(home1, "员工");

            // 法人登录 on the portal's login page, then the personal page → 单位住房承租信息变更
            Browser desktop = desktop().open("/#/login?next=%2Fm%2Fshenzhen-rental%2F");
            desktop.click(testId("login-who-organization"));
            desktop.waitFor(testId("login-organization-hint"));
            desktop.type(By.cssSelector("[data-testid='login-account'] input"), CREDIT_CODE);
            desktop.type(
                    By.cssSelector("[data-testid='login-password'] input"), Rest.DEMO_PASSWORD);
            desktop.type(
                    By.cssSelector("[data-testid='login-captcha'] input"), captchaAnswer(desktop));
            shot(desktop, "employer-changes-0-login-desktop");
            desktop.click(testId("login-submit"));
            desktop.waitFor(By.cssSelector("[data-testid='szr-home'][data-kind='ORGANIZATION']"));
            desktop.click(service("employer-changes"));

            // exactly the organization's three homes: none of another lessee
            desktop.waitFor(
                    By.cssSelector("[data-testid='changes-home'][data-lease='SZDEMO-L-ORG-0003']"));
            Set<String> homes = new TreeSet<>();
            for (WebElement h : desktop.driver().findElements(testId("changes-home"))) {
                homes.add(h.getAttribute("data-lease"));
            }
            assertEquals(
                    Set.of("SZDEMO-L-ORG-0001", "SZDEMO-L-ORG-0002", "SZDEMO-L-ORG-0003"), homes);
            assertFalse(desktop.text().contains("SZDEMO-L-2026-0001"), "张三's lease is not listed");
            shot(desktop, "employer-changes-1-homes-desktop");

            // A1002: 黄二 leaves; 赵六 moves in with his spouse 钱七, their ID cards uploaded
            desktop.click(
                    By.cssSelector(home("SZDEMO-L-ORG-0002") + " [data-testid='changes-edit']"));
            desktop.waitFor(testId("changes-form"));
            desktop.click(By.cssSelector(row(huangEr) + " [data-testid='row-remove']"));
            desktop.waitFor(By.cssSelector(row(huangEr) + "[data-state='DELETE']"));
            desktop.click(testId("changes-add-occupant"));
            String occupant = "[data-testid='changes-row'][data-role='OCCUPANT'][data-state='ADD']";
            String zhaoLiu = idNumber("44030519920304001");
            desktop.type(By.cssSelector(occupant + " [data-testid='row-name'] input"), "赵六");
            desktop.type(
                    By.cssSelector(occupant + " [data-testid='row-id-number'] input"), zhaoLiu);
            desktop.type(
                    By.cssSelector(occupant + " [data-testid='row-mobile'] input"), "13800000041");
            upload(
                    desktop,
                    occupant + " > .szc-uploads [data-testid='upload-id-card-front']",
                    photo(Color.GREEN));
            upload(
                    desktop,
                    occupant + " > .szc-uploads [data-testid='upload-id-card-back']",
                    photo(Color.PINK));
            desktop.click(By.cssSelector(occupant + " [data-testid='changes-add-co-resident']"));
            String co =
                    occupant
                            + " [data-testid='changes-row'][data-role='CO_RESIDENT'][data-state='ADD']";
            String qianQi = idNumber("44030519930405002");
            desktop.type(By.cssSelector(co + " [data-testid='row-name'] input"), "钱七");
            desktop.type(By.cssSelector(co + " [data-testid='row-id-number'] input"), qianQi);
            select(desktop, co + " select[data-testid='row-relation']", "配偶");
            upload(desktop, co + " [data-testid='upload-id-card-front']", photo(Color.MAGENTA));
            upload(desktop, co + " [data-testid='upload-id-card-back']", photo(Color.YELLOW));
            desktop.type(
                    By.cssSelector("[data-testid='changes-reason-input'] textarea"), "员工黄二离职，赵六入住");
            desktop.waitForText(testId("changes-summary"), "新增 2 人，修改 0 人，删除 1 人");
            shot(desktop, "employer-changes-2-form-desktop");
            desktop.click(testId("changes-submit"));
            desktop.waitForText(By.cssSelector(".szc-confirm-dialog"), "新增 2 人");
            shot(desktop, "employer-changes-3-confirm-desktop");
            desktop.click(By.cssSelector(".szc-confirm-dialog .van-dialog__confirm"));
            desktop.waitFor(
                    By.cssSelector(
                            home("SZDEMO-L-ORG-0002")
                                    + " [data-testid='change'][data-status='REVIEW']"));

            // A1001: 陈一's mobile edited
            desktop.click(
                    By.cssSelector(home("SZDEMO-L-ORG-0001") + " [data-testid='changes-edit']"));
            desktop.waitFor(testId("changes-form"));
            desktop.click(By.cssSelector(row(chenYi) + " > .szc-actions [data-testid='row-edit']"));
            desktop.type(
                    By.cssSelector(row(chenYi) + " [data-testid='row-mobile'] input"),
                    "13800000031");
            desktop.waitForText(testId("changes-summary"), "修改 1 人");
            desktop.click(testId("changes-submit"));
            desktop.click(By.cssSelector(".szc-confirm-dialog .van-dialog__confirm"));
            desktop.waitFor(
                    By.cssSelector(
                            home("SZDEMO-L-ORG-0001")
                                    + " [data-testid='change'][data-status='REVIEW']"));
            assertEquals(
                    "true",
                    desktop.waitFor(
                                    By.cssSelector(
                                            home("SZDEMO-L-ORG-0002")
                                                    + " [data-testid='changes-edit']"))
                            .getAttribute("disabled"));
            shot(desktop, "employer-changes-4-under-review-desktop");

            // nanshan-district: A1002 in the console (masked form), A1001 over REST
            String case2 =
                    Rest.json(rest().get(changes2, organization))
                            .path("changes")
                            .get(0)
                            .path("caseId")
                            .asText();
            String case1 =
                    Rest.json(rest().get(changes1, organization))
                            .path("changes")
                            .get(0)
                            .path("caseId")
                            .asText();
            JsonNode filed =
                    Rest.json(Rest.expect(200, rest().get("/api/review/cases/" + case2, nanshan)));
            assertEquals(4, filed.path("attachments").size(), filed.toString());
            Browser console = consoleLogin("nanshan-district");
            openCase(console, case2);
            console.waitForText(testId("case-form"), "【新增】赵*");
            String form = console.text();
            assertTrue(form.contains("同住人（随赵*）"), form);
            assertTrue(form.contains("删除入住人"), form);
            for (String full :
                    List.of(zhaoLiu, qianQi, ORG_DEMO.get("SZDEMO-L-ORG-0002").get(0).idNumber())) {
                assertFalse(form.contains(full), "the review shows " + full + " unmasked");
            }
            shot(console, "employer-changes-5-review-form-desktop");
            approveInConsole(console);
            approve(nanshan, case1);

            // the organization: approved; the new occupant's 入住通知书 printed and readable
            desktop.open("/#/m/shenzhen-rental/");
            desktop.click(service("employer-changes"));
            String approved =
                    home("SZDEMO-L-ORG-0002") + " [data-testid='change'][data-status='APPROVED']";
            desktop.waitForText(By.cssSelector(approved + " [data-testid='changes-notice']"), "赵*");
            assertEquals(
                    1,
                    desktop.driver()
                            .findElements(
                                    By.cssSelector(approved + " [data-testid='changes-notice']"))
                            .size(),
                    "the notice is offered for the occupant who lives there now");
            desktop.waitForText(
                    By.cssSelector(
                            home("SZDEMO-L-ORG-0001") + " [data-testid='changes-residents']"),
                    "138****0031");
            desktop.click(By.cssSelector(approved + " [data-testid='changes-notice']"));
            WebElement notice =
                    desktop.waitFor(
                            By.cssSelector(approved + " [data-testid='changes-notice-document']"));
            String pdf = notice.getAttribute("data-pdf");
            shot(desktop, "employer-changes-6-notice-desktop");
            HttpResponse<String> file = Rest.expect(200, rest().get(pdf, organization));
            assertEquals(
                    "application/pdf",
                    file.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", ""));
            assertTrue(file.body().startsWith("%PDF"), "a PDF");
            assertTrue(
                    rest().get(pdf, rest().awaitLogin("13800000001", Rest.DEMO_PASSWORD))
                                    .statusCode()
                            >= 400,
                    "another account cannot read the notice");

            // stored: 赵六 the occupant with 钱七 his co-resident; 黄二 gone
            JsonNode after = Rest.json(Rest.expect(200, rest().get(changes2, organization)));
            assertEquals(Set.of("赵*", "钱*"), names(after.path("residents")));
            String zhao = residentId(after, null);
            for (JsonNode r : after.path("residents")) {
                if ("CO_RESIDENT".equals(r.path("role").asText())) {
                    assertEquals(zhao, r.path("occupantRef").asText(), after.toString());
                }
            }
        } finally {
            restore(organization, nanshan, lease2, ORG_DEMO.get("SZDEMO-L-ORG-0002"));
            restore(organization, nanshan, lease1, ORG_DEMO.get("SZDEMO-L-ORG-0001"));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A resident as the sandbox seeds them; {@code occupant} the ID number of their occupant. */
    private record Person(
            String role,
            String name,
            String idNumber,
            String relation,
            String mobile,
            String occupant) {}

    private static void installed() {
        if (!karaf().featureInstalled(FEATURE)) {
            shell("feature:install " + FEATURE);
        }
    }

    /** The lease's id once the sandbox imported the demo data (seconds after the start). */
    private static String awaitLease(String token, String leaseNo) {
        String[] id = new String[1];
        Await.until(
                leaseNo + " (GET /api/shenzhen/rental/me)",
                Duration.ofSeconds(60),
                () -> {
                    HttpResponse<String> r = rest().get("/api/shenzhen/rental/me", token);
                    if (r.statusCode() != 200) {
                        return false;
                    }
                    for (JsonNode h : Rest.json(r).path("homes")) {
                        if (leaseNo.equals(h.path("leaseNo").asText())) {
                            id[0] = h.path("leaseId").asText();
                            return true;
                        }
                    }
                    return false;
                });
        return id[0];
    }

    /** 法人登录 over REST, once the sandbox created the demo organization. */
    private static String awaitOrganizationLogin() {
        String[] token = new String[1];
        Await.until(
                "the demo organization can log in",
                Duration.ofMinutes(1),
                () -> {
                    Map<String, String> body = new LinkedHashMap<>();
                    body.put("creditCode", CREDIT_CODE);
                    body.put("password", Rest.DEMO_PASSWORD);
                    body.putAll(rest().captcha());
                    HttpResponse<String> r = rest().post("/api/identity/organizations/login", body);
                    if (r.statusCode() != 200) {
                        return false;
                    }
                    token[0] = Rest.json(r).path("token").asText();
                    return true;
                });
        return token[0];
    }

    private static void assertNothingStored(String changes, String token, int before) {
        JsonNode now = Rest.json(Rest.expect(200, rest().get(changes, token)));
        assertEquals(before, now.path("changes").size(), "a refused change stores nothing");
        assertTrue(now.path("canApply").asBoolean(), now.toString());
    }

    /** The id of the (first) resident with {@code relation}; null: the first occupant. */
    private static String residentId(JsonNode overview, String relation) {
        return resident(overview, relation).path("id").asText();
    }

    private static JsonNode resident(JsonNode overview, String relation) {
        for (JsonNode r : overview.path("residents")) {
            if (relation == null
                    ? "OCCUPANT".equals(r.path("role").asText())
                    : relation.equals(r.path("relation").asText())) {
                return r;
            }
        }
        throw new AssertionError("no " + relation + " in " + overview);
    }

    private static Set<String> names(JsonNode residents) {
        Set<String> out = new HashSet<>();
        residents.forEach(r -> out.add(r.path("name").asText()));
        return out;
    }

    private static Set<String> actions(JsonNode residents) {
        Set<String> out = new HashSet<>();
        residents.forEach(r -> out.add(r.path("name").asText() + ":" + r.path("action").asText()));
        return out;
    }

    /**
     * Puts a lease's residents back as the sandbox seeded them: an open change is rejected, then,
     * unless they already are as seeded, a change to the seeded list is proposed and approved over
     * REST (kept residents by id, the missing ones added again with their full numbers).
     */
    private static void restore(
            String lessee, String caseworker, String leaseId, List<Person> demo) {
        String changes = "/api/shenzhen/rental/leases/" + leaseId + "/changes";
        JsonNode now = Rest.json(Rest.expect(200, rest().get(changes, lessee)));
        for (JsonNode c : now.path("changes")) {
            if ("REVIEW".equals(c.path("status").asText())) {
                decide(caseworker, c.path("caseId").asText(), "REJECT");
            }
        }
        now = Rest.json(Rest.expect(200, rest().get(changes, lessee)));
        Map<String, String> refs = new LinkedHashMap<>();
        List<Map<String, Object>> residents = new ArrayList<>();
        boolean same = now.path("residents").size() == demo.size();
        int n = 0;
        for (Person p : demo) {
            JsonNode kept = null;
            for (JsonNode r : now.path("residents")) {
                if (mask(p.idNumber()).equals(r.path("idNumber").asText())
                        && p.role().equals(r.path("role").asText())) {
                    kept = r;
                }
            }
            String mobile =
                    p.mobile() == null
                            ? null
                            : p.mobile().substring(0, 3) + "****" + p.mobile().substring(7);
            same &=
                    kept != null
                            && p.relation().equals(kept.path("relation").asText())
                            && String.valueOf(mobile)
                                    .equals(
                                            kept.has("mobile")
                                                    ? kept.path("mobile").asText()
                                                    : "null");
            String ref = kept != null ? kept.path("id").asText() : "restore" + (++n);
            refs.put(p.idNumber(), ref);
            Map<String, Object> r = new LinkedHashMap<>();
            if (kept != null) {
                r.put("id", kept.path("id").asText());
            }
            r.put("ref", ref);
            r.put("role", p.role());
            r.put("name", p.name());
            r.put("idNumber", p.idNumber());
            r.put("relation", p.relation());
            r.put("mobile", p.mobile());
            if (p.occupant() != null) {
                r.put("occupantRef", refs.get(p.occupant()));
            }
            residents.add(r);
        }
        if (same) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("residents", residents);
        body.put("reason", "恢复演示数据");
        JsonNode c = Rest.json(Rest.expect(201, rest().post(changes, body, lessee)));
        approve(caseworker, c.path("caseId").asText());
    }

    private static void approve(String caseworker, String caseId) {
        decide(caseworker, caseId, "APPROVE");
    }

    private static void decide(String caseworker, String caseId, String decision) {
        long version =
                Rest.json(Rest.expect(200, rest().get("/api/review/cases/" + caseId, caseworker)))
                        .path("record")
                        .path("version")
                        .asLong();
        long claimed =
                Rest.json(
                                Rest.expect(
                                        200,
                                        rest().post(
                                                        "/api/review/cases/" + caseId + "/claim",
                                                        Map.of("version", version),
                                                        caseworker)))
                        .path("version")
                        .asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("version", claimed);
        if (!"APPROVE".equals(decision)) {
            body.put("reason", "测试结束，恢复演示数据");
        }
        Rest.expect(
                200, rest().post("/api/review/cases/" + caseId + "/decisions", body, caseworker));
    }

    /** The staff console on a computer, signed in through its login page. */
    private Browser consoleLogin(String user) {
        Browser console = desktop().open("/console/#/login");
        console.type(By.cssSelector("[data-testid='login-account'] input"), user);
        console.type(By.cssSelector("[data-testid='login-password'] input"), Rest.DEMO_PASSWORD);
        console.type(By.cssSelector("[data-testid='login-captcha'] input"), captchaAnswer(console));
        console.click(testId("login-submit"));
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/queue"));
        return console;
    }

    private static void openCase(Browser console, String caseId) {
        By row = By.cssSelector("[data-testid='queue-row'][data-case-id='" + caseId + "']");
        console.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(row));
        console.click(row);
        console.waiting(WAIT).until(ExpectedConditions.urlContains("#/cases/" + caseId));
    }

    private static void approveInConsole(Browser console) {
        console.click(testId("claim-button"));
        console.click(testId("decision-approve"));
        console.click(testId("decision-submit"));
        console.click(By.cssSelector(".van-dialog__confirm"));
        console.waitFor(testId("decision-result"));
        console.waitFor(By.cssSelector("[data-testid='case-status'][data-status='APPROVED']"));
    }

    private String captchaAnswer(Browser browser) {
        String id =
                browser.waitFor(By.cssSelector("img[data-captcha-id]"))
                        .getAttribute("data-captcha-id");
        return rest().getJson("/api/sandbox/captcha/" + id).path("answer").asText();
    }

    /** Chooses {@code file} in a GsUpload and waits until it holds the uploaded file. */
    private static void upload(Browser browser, String widget, Path file) {
        WebElement root = browser.waitFor(By.cssSelector(widget));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", root);
        root.findElement(By.cssSelector("input[type='file']:not([capture])"))
                .sendKeys(file.toString());
        browser.waiting(WAIT)
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(widget + ".gs-upload-filled")));
    }

    /**
     * Replaces what a field holds as a person does (select all, type): WebDriver's clear() leaves
     * Vue's model as it was, which puts the old value back.
     */
    private static void retype(Browser browser, By field, String text) {
        WebElement input = browser.waitFor(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        browser.waitUntil(ExpectedConditions.attributeToBe(field, "value", text));
    }

    /** Picks an option of a native select by its words. */
    private static void select(Browser browser, String css, String text) {
        WebElement element = browser.waitFor(By.cssSelector(css));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        new Select(element).selectByVisibleText(text);
    }

    /** A photo (a coloured PNG) in a temporary file. */
    private static Path photo(Color color) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(16, 16, 288, 168);
        g.dispose();
        Path file = Files.createTempFile("id-card-", ".png");
        file.toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /**
     * The screenshot once the page is still: toasts gone (they hide what the screenshot is for) and
     * no transition running (a dialog fading in or out).
     */
    private static void shot(Browser browser, String name) {
        browser.waiting(WAIT)
                .until(
                        ExpectedConditions.invisibilityOfElementLocated(
                                By.cssSelector(".van-toast")));
        browser.waiting(WAIT)
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        browser.script(
                                                "return document.getAnimations().every(a =>"
                                                        + " a.playState !== 'running'"
                                                        + " || a.effect.getTiming().iterations"
                                                        + " === Infinity);")));
        browser.screenshot(name);
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

    /** {@code 4403**********1234}, as the line shows ID numbers. */
    private static String mask(String id) {
        return id.substring(0, 4) + "*".repeat(10) + id.substring(14);
    }

    private static By service(String id) {
        return By.cssSelector("[data-testid='szr-service'][data-service='" + id + "']");
    }

    private static String row(String ref) {
        return "[data-testid='changes-row'][data-ref='" + ref + "']";
    }

    private static String home(String leaseNo) {
        return "[data-testid='changes-home'][data-lease='" + leaseNo + "']";
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }
}
