package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * Rent payment (微信扫码交租, SZ-4) end to end over HTTP, with the sandbox's settable city clock and its
 * WeChat Pay: a lease with three months' bills, refused at 23:30 (night, SZ-4 b), on the
 * second-last day of the month (month-end, SZ-4 c), during a bank collection run entered by a
 * Shenzhen caseworker (SZ-4 d) and for a later month while an earlier one is unpaid (arrears first,
 * SZ-4 a), each naming the rule and when paying opens; two requests at once get one order; the
 * oldest bill paid through the provider's signed notification is PAID with a receipt, then the
 * next. Only REST and JDBC: the probe imports none of the line's classes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShenzhenRentPaymentIT extends CitizenTestSupport {

    private static final String FEATURE = "guangsha-shenzhen-rental";
    private static final String API = "/api/shenzhen/rental";
    private static final String PROBLEM = "urn:guangsha:problem:";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject FeaturesService features;

    @Inject JaxrsServiceRuntime runtime;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    @Test
    public void rentIsPaidOldestFirstOnlyWhilePayingIsOpen() throws Exception {
        awaitIdentity();
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            // not booted by the distribution yet
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        await("the rent API answers", () -> statusOf(API + "/leases/none/bills") == 401);
        await("the sandbox clock answers", () -> statusOf("/api/sandbox/clock") == 401);
        assertEquals(0, runtime.getRuntimeDTO().failedResourceDTOs.length);

        String operator = demoLogin("operator");
        Person p = Person.random();
        String token = registerL2(p);
        String other = registerL2(Person.random());
        YearMonth month = YearMonth.now(CITY);
        String leaseId = lease(p, month.minusMonths(2).atDay(1), 120000);
        try {
            // only operators set the clock
            assertEquals(403, setClock(token, month.atDay(10).atTime(23, 30)).statusCode());

            // SZ-4 b: 23:30 is night; paying opens at 01:00
            assertEquals(200, setClock(operator, month.atDay(10).atTime(23, 30)).statusCode());
            JsonNode bills = bills(token, leaseId);
            List<String> periods = new ArrayList<>();
            bills.path("bills").forEach(b -> periods.add(b.path("period").asText()));
            assertEquals(
                    List.of(
                            month.minusMonths(2).toString(),
                            month.minusMonths(1).toString(),
                            month.toString()),
                    periods);
            String oldest = bills.path("bills").get(0).path("id").asText();
            String second = bills.path("bills").get(1).path("id").asText();
            String newest = bills.path("bills").get(2).path("id").asText();
            assertEquals(oldest, bills.path("next").path("billId").asText());
            assertEquals(120000, bills.path("next").path("amountFen").asLong());
            assertFalse(bills.path("payable").path("open").asBoolean());
            assertEquals("night", bills.path("payable").path("reason").path("rule").asText());
            String opens = month.atDay(11) + "T01:00:00+08:00";
            assertEquals(opens, bills.path("payable").path("reason").path("opensAt").asText());
            JsonNode night = closed(pay(token, oldest), "night");
            assertEquals(opens, night.path("opensAt").asText());
            assertTrue(
                    night.path("message").asText(),
                    night.path("message").asText().startsWith("每天23:00至次日01:00不能缴纳房租"));
            // 00:59 still night, 01:00 open
            setClock(operator, month.atDay(11).atTime(0, 59));
            closed(pay(token, oldest), "night");

            // SZ-4 c: the second-last day of the month; opens on the 1st at 01:00 (midnight is
            // night)
            setClock(operator, month.atEndOfMonth().minusDays(1).atTime(10, 0));
            JsonNode monthEnd = closed(pay(token, oldest), "month-end");
            assertEquals(
                    month.plusMonths(1).atDay(1) + "T01:00:00+08:00",
                    monthEnd.path("opensAt").asText());

            // SZ-4 a: not a later month while an earlier one is unpaid
            setClock(operator, month.atDay(11).atTime(1, 0));
            JsonNode arrears = closed(pay(token, newest), "arrears-first");
            assertEquals(oldest, arrears.path("payFirstBillId").asText());
            assertFalse(arrears.hasNonNull("opensAt"));
            closed(pay(token, second), "arrears-first");

            // SZ-4 d: a bank collection run, entered by a Futian caseworker
            setClock(operator, month.atDay(11).atTime(12, 0));
            String caseworker = demoLogin("futian-district");
            ObjectNode run =
                    JSON.createObjectNode()
                            .put("startsAt", month.atDay(11) + " 09:00")
                            .put("endsAt", month.atDay(11) + " 18:00")
                            .put("description", "测试托收");
            assertEquals(
                    403, call("POST", API + "/admin/collection-runs", token, run).statusCode());
            assertField(
                    call(
                            "POST",
                            API + "/admin/collection-runs",
                            caseworker,
                            run.deepCopy().put("endsAt", month.atDay(11) + " 08:00")),
                    "endsAt");
            HttpResponse<String> created =
                    call("POST", API + "/admin/collection-runs", caseworker, run);
            assertEquals(created.body(), 201, created.statusCode());
            String runId = json(created).path("id").asText();
            assertTrue(json(created).path("running").asBoolean());
            JsonNode collecting = closed(pay(token, oldest), "bank-collection");
            assertEquals(month.atDay(11) + "T18:00:00+08:00", collecting.path("opensAt").asText());
            assertEquals(
                    "bank-collection",
                    bills(token, leaseId).path("payable").path("reason").path("rule").asText());
            HttpResponse<String> listed =
                    call("GET", API + "/admin/collection-runs", operator, null);
            assertTrue(listed.body(), listed.body().contains(runId));
            assertEquals(
                    204,
                    call("DELETE", API + "/admin/collection-runs/" + runId, caseworker, null)
                            .statusCode());
            // runs can also be imported as CSV: all rows or none
            String csv =
                    "startsAt,endsAt,description\n"
                            + month.atDay(12)
                            + " 09:00,2026-99-01 10:00,坏行\n";
            HttpResponse<String> rejected = importRuns(operator, csv);
            assertEquals(rejected.body(), 400, rejected.statusCode());
            assertEquals(PROBLEM + "import-rejected", json(rejected).path("type").asText());
            assertEquals("endsAt", json(rejected).path("errors").get(0).path("column").asText());
            HttpResponse<String> imported =
                    importRuns(
                            operator,
                            "startsAt,endsAt,description\n"
                                    + month.atDay(12)
                                    + " 09:00,"
                                    + month.atDay(12)
                                    + " 12:00,导入托收\n");
            assertEquals(imported.body(), 200, imported.statusCode());
            assertEquals(1, json(imported).path("runs").asInt());

            // open now: two requests at once get one order; nobody else pays the bill
            assertEquals(404, pay(other, oldest).statusCode());
            assertEquals(
                    404,
                    call("GET", API + "/leases/" + leaseId + "/bills", other, null).statusCode());
            CompletableFuture<HttpResponse<String>> a =
                    CompletableFuture.supplyAsync(() -> payQuietly(token, oldest));
            CompletableFuture<HttpResponse<String>> b =
                    CompletableFuture.supplyAsync(() -> payQuietly(token, oldest));
            HttpResponse<String> first = a.get();
            assertEquals(first.body(), 201, first.statusCode());
            assertEquals(b.get().body(), 201, b.get().statusCode());
            String orderId = json(first).path("orderId").asText();
            assertEquals(orderId, json(b.get()).path("orderId").asText());
            assertEquals("/api/sandbox/pay/" + orderId, json(first).path("qrPayload").asText());
            JsonNode order = json(call("GET", "/api/payments/orders/" + orderId, token, null));
            assertEquals("shenzhen-rental", order.path("module").asText());
            assertEquals(oldest, order.path("reference").asText());
            assertEquals(120000, order.path("amountFen").asLong());
            assertTrue(
                    order.path("purpose").asText(),
                    order.path("purpose")
                            .asText()
                            .startsWith(
                                    month.minusMonths(2).getYear()
                                            + "年"
                                            + month.minusMonths(2).getMonthValue()
                                            + "月租金 测试安居苑"));

            // the provider's signed notification pays it: PAID with the receipt
            payInSandbox(orderId);
            JsonNode after = bills(token, leaseId);
            JsonNode paid = after.path("bills").get(0);
            assertEquals("PAID", paid.path("status").asText());
            assertTrue(paid.path("paidAt").asText().endsWith("+08:00"));
            String receipt = paid.path("receiptDocumentId").asText();
            assertFalse(receipt.isEmpty());
            assertEquals(200, bytes("/api/documents/" + receipt + "/pdf", token).statusCode());
            String text =
                    LicenceIT.pdfText(bytes("/api/documents/" + receipt + "/pdf", token).body());
            assertTrue(text, text.contains("1,200.00 元") && text.contains("租金"));
            assertEquals(second, after.path("next").path("billId").asText());
            assertProblem(pay(token, oldest), 409, "bill-paid");

            // then the next month
            HttpResponse<String> next = pay(token, second);
            assertEquals(next.body(), 201, next.statusCode());
            String nextOrder = json(next).path("orderId").asText();
            assertNotEquals(orderId, nextOrder);
            payInSandbox(nextOrder);
            JsonNode last = bills(token, leaseId);
            assertEquals("PAID", last.path("bills").get(1).path("status").asText());
            assertEquals(newest, last.path("next").path("billId").asText());
            assertEquals(
                    2,
                    count(
                            "SELECT COUNT(*) FROM SZR_BILL WHERE LEASE_ID = ? AND STATUS = 'PAID'",
                            leaseId));
            assertEquals(3, count("SELECT COUNT(*) FROM SZR_BILL WHERE LEASE_ID = ?", leaseId));
        } finally {
            call(
                    "POST",
                    "/api/sandbox/clock",
                    operator,
                    JSON.createObjectNode().put("reset", true));
            try (Connection c = dataSource.getConnection();
                    PreparedStatement st = c.prepareStatement("DELETE FROM SZR_COLLECTION_RUN")) {
                st.executeUpdate();
            }
        }
    }

    private HttpResponse<String> setClock(String token, LocalDateTime cityTime) throws Exception {
        return call(
                "POST",
                "/api/sandbox/clock",
                token,
                JSON.createObjectNode().put("at", cityTime + ":00+08:00"));
    }

    private JsonNode bills(String token, String leaseId) throws Exception {
        HttpResponse<String> r = call("GET", API + "/leases/" + leaseId + "/bills", token, null);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    private HttpResponse<String> pay(String token, String billId) throws Exception {
        return call("POST", API + "/bills/" + billId + "/payment", token, null);
    }

    private HttpResponse<String> payQuietly(String token, String billId) {
        try {
            return pay(token, billId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 409 payment-closed naming {@code rule}, Chinese message first; the body. */
    private static JsonNode closed(HttpResponse<String> r, String rule) throws Exception {
        assertEquals(r.body(), 409, r.statusCode());
        JsonNode body = json(r);
        assertEquals(r.body(), PROBLEM + "payment-closed", body.path("type").asText());
        assertEquals(r.body(), rule, body.path("rule").asText());
        assertFalse(body.path("message").asText().isEmpty());
        assertFalse(body.path("messageEn").asText().isEmpty());
        return body;
    }

    private static void assertProblem(HttpResponse<String> r, int status, String slug)
            throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        assertEquals(r.body(), PROBLEM + slug, json(r).path("type").asText());
    }

    private void payInSandbox(String orderId) throws Exception {
        HttpResponse<String> pay = call("POST", "/api/sandbox/pay/" + orderId, null, null);
        assertEquals(pay.body(), 200, pay.statusCode());
        assertEquals(200, json(pay).path("platformStatus").asInt());
    }

    private HttpResponse<String> importRuns(String token, String csv) throws Exception {
        return multipart(
                "POST",
                API + "/admin/collection-runs/import",
                token,
                Map.of(),
                "runs.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Logs a sandbox demo account in once it exists. */
    private String demoLogin(String account) throws Exception {
        await(
                "demo account " + account,
                () -> {
                    try {
                        return loginResponse(account, "Demo@2026").statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
        return login(account, "Demo@2026");
    }

    /** A home and its lease to {@code p} from {@code start}, as an import would store them. */
    private String lease(Person p, LocalDate start, long rentFen) throws Exception {
        String home = UUID.randomUUID().toString();
        String lease = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO SZR_HOME (ID, HOME_CODE, PROJECT, BUILDING, ROOM, ADDRESS,"
                                    + " DISTRICT_CODE, CREATED_AT, UPDATED_AT) VALUES (?, ?, '测试安居苑',"
                                    + " '1栋', '101', '深圳市福田区测试路1号', '440304', CURRENT_TIMESTAMP,"
                                    + " CURRENT_TIMESTAMP)")) {
                st.setString(1, home);
                st.setString(2, "IT-" + home.substring(0, 8));
                st.executeUpdate();
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO SZR_LEASE (ID, LEASE_NO, HOME_ID, ACTIVE_HOME_ID, LESSEE_KIND,"
                                    + " LESSEE_NAME, LESSEE_ID, POLICY, START_DATE, END_DATE, RENT_FEN,"
                                    + " STATUS, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, 'CITIZEN', ?,"
                                    + " ?, 'OLD', ?, ?, ?, 'ACTIVE', CURRENT_TIMESTAMP,"
                                    + " CURRENT_TIMESTAMP)")) {
                st.setString(1, lease);
                st.setString(2, "IT-" + lease.substring(0, 8));
                st.setString(3, home);
                st.setString(4, home);
                st.setString(5, p.name());
                st.setString(6, p.idNumber());
                st.setObject(7, start);
                st.setObject(8, start.plusYears(3).minusDays(1));
                st.setLong(9, rentFen);
                st.executeUpdate();
            }
        }
        return lease;
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
