package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The Shenzhen certificates over HTTP (SZ-6 … SZ-8, P-2): one policy-housing record application per
 * city month; no purchase record → the certificate at once; a purchase record (imported by the
 * operator) → after review by Futian's caseworker; the property-share certificate valid one month;
 * the power of attorney and the 深圳市不动产登记申请表 valid three months. REST and PDFs only: the probe
 * imports none of the line's classes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShenzhenRecordsIT extends CitizenTestSupport {

    private static final String FEATURE = "guangsha-shenzhen-rental";
    private static final String DEMO = "Demo@2026";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject FeaturesService features;

    private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

    @Before
    public void line() throws Exception {
        // the line is not booted by the distribution yet
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        await("the records service answers", () -> statusOf("/api/shenzhen/rental/records") == 401);
        awaitIdentity();
    }

    @Test
    public void withoutAPurchaseRecordTheCertificateIsIssuedAtOnceAndOnlyOnceAMonth()
            throws Exception {
        Person p = Person.random();
        String token = registerL2(p);
        JsonNode before = json(call("GET", "/api/shenzhen/rental/records", token, null));
        assertTrue(before.toString(), before.path("canApply").asBoolean());
        assertTrue(before.path("guide").path("zh").asText().contains("一个月内不能重复申请"));

        HttpResponse<String> r =
                call(
                        "POST",
                        "/api/shenzhen/rental/records",
                        token,
                        JSON.createObjectNode().put("purpose", "办理人才住房申请"));
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode app = json(r);
        assertEquals("ISSUED", app.path("status").asText());
        assertEquals(YearMonth.now(CITY).toString(), app.path("period").asText());
        assertFalse(app.path("hasPurchaseRecord").asBoolean());
        JsonNode doc = app.path("document");
        assertEquals("policy-housing-record", doc.path("typeId").asText());
        assertEquals("VALID", doc.path("status").asText());
        String text = pdf(doc.path("pdf").asText(), token);
        assertTrue(text, text.contains("政策性住房信息查询结果"));
        assertTrue(text, text.contains("未发现"));

        // SZ-6: the second application of the month, even two at once, is refused
        HttpResponse<String> again = call("POST", "/api/shenzhen/rental/records", token, null);
        assertEquals(again.body(), 409, again.statusCode());
        JsonNode problem = json(again);
        assertEquals("urn:guangsha:problem:record-once-a-month", problem.path("type").asText());
        String next = YearMonth.now(CITY).plusMonths(1).atDay(1) + "T00:00+08:00";
        assertEquals(next, problem.path("nextPossibleAt").asText());
        assertTrue(problem.path("detail").asText().contains("一个月内不能重复申请"));
        JsonNode after = json(call("GET", "/api/shenzhen/rental/records", token, null));
        assertFalse(after.path("canApply").asBoolean());
        assertEquals("record-once-a-month", after.path("reason").path("rule").asText());
        assertEquals(1, after.path("applications").size());
    }

    @Test
    public void aDoubleClickMakesOneApplication() throws Exception {
        String token = registerL2(Person.random());
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> clicks =
                new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(
                    client.sendAsync(
                            java.net.http.HttpRequest.newBuilder(
                                            uri("/api/shenzhen/rental/records"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var c : clicks) {
            statuses.add(c.get().statusCode());
        }
        java.util.Collections.sort(statuses);
        // SZ-6: the database's unique key lets exactly one through
        assertEquals(java.util.List.of(201, 409), statuses);
        assertEquals(
                1,
                json(call("GET", "/api/shenzhen/rental/records", token, null))
                        .path("applications")
                        .size());
    }

    @Test
    public void aPurchaseRecordIsReviewedByFutianBeforeTheCertificate() throws Exception {
        Person p = Person.random();
        String token = registerL2(p);
        String operator = demoLogin("operator");
        // all or nothing: a wrong row stores nothing, naming file, row and column
        HttpResponse<String> refused =
                importCsv(
                        operator,
                        "purchases.csv",
                        "idNumber,name,housingType,project,address,districtCode,purchasedOn,contractNo\n"
                                + p.idNumber()
                                + ",张三,ANJU,福田安居苑,深圳市福田区福华路1号2栋301,440304,2015-06-01,AJ-1\n"
                                + p.idNumber()
                                + ",张三,CASTLE,x,y,440304,2015-06-01,\n");
        assertEquals(refused.body(), 400, refused.statusCode());
        JsonNode error = json(refused).path("errors").get(0);
        assertEquals("purchases.csv", error.path("file").asText());
        assertEquals(3, error.path("row").asInt());
        assertEquals("housingType", error.path("column").asText());
        assertEquals(403, importCsv(token, "purchases.csv", "idNumber\n").statusCode());
        HttpResponse<String> imported =
                importCsv(
                        operator,
                        "purchases.csv",
                        "idNumber,name,housingType,project,address,districtCode,purchasedOn,contractNo\n"
                                + p.idNumber()
                                + ",张三,ANJU,福田安居苑,深圳市福田区福华路1号2栋301,440304,2015-06-01,AJ-1\n");
        assertEquals(imported.body(), 200, imported.statusCode());
        assertEquals(1, json(imported).path("purchases").asInt());

        HttpResponse<String> r = call("POST", "/api/shenzhen/rental/records", token, null);
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode app = json(r);
        assertEquals("REVIEW", app.path("status").asText());
        assertTrue(app.path("hasPurchaseRecord").asBoolean());
        assertTrue(app.path("document").isMissingNode() || app.path("document").isNull());
        String caseId = app.path("caseId").asText();

        String futian = demoLogin("futian-district");
        JsonNode form =
                json(call("GET", "/api/shenzhen/rental/records/cases/" + caseId, futian, null));
        assertEquals("福田安居苑", form.path("purchases").get(0).path("project").asText());
        assertFalse(form.toString(), form.toString().contains(p.idNumber()));
        approve(futian, caseId);

        JsonNode mine = json(call("GET", "/api/shenzhen/rental/records", token, null));
        JsonNode done = mine.path("applications").get(0);
        assertEquals("APPROVED", done.path("status").asText());
        String text = pdf(done.path("document").path("pdf").asText(), token);
        assertTrue(text, text.contains("福田安居苑"));
        assertEquals(
                1,
                json(call("GET", "/api/documents", token, null)).findValues("typeId").stream()
                        .filter(t -> "policy-housing-record".equals(t.asText()))
                        .count());
    }

    @Test
    public void theShareCertificateIsValidOneMonth() throws Exception {
        Person p = Person.random();
        String token = registerL2(p);
        JsonNode none = json(call("GET", "/api/shenzhen/rental/property-shares", token, null));
        assertTrue(none.path("canApply").asBoolean());
        ObjectNode body =
                JSON.createObjectNode()
                        .put("project", "福田安居苑")
                        .put("address", "深圳市福田区福华路1号2栋301")
                        .put("districtCode", "440304")
                        .put("certificateNo", "粤(2016)深圳市不动产权第0012345号")
                        .put("areaM2", 75.5)
                        .put("ownerSharePercent", 70);
        assertField(
                call(
                        "POST",
                        "/api/shenzhen/rental/property-shares",
                        token,
                        body.deepCopy().put("ownerSharePercent", 100)),
                "ownerSharePercent");
        HttpResponse<String> r = call("POST", "/api/shenzhen/rental/property-shares", token, body);
        assertEquals(r.body(), 201, r.statusCode());
        String caseId = json(r).path("caseId").asText();
        approve(demoLogin("futian-district"), caseId);

        JsonNode held = json(call("GET", "/api/shenzhen/rental/property-shares", token, null));
        assertFalse(held.path("canApply").asBoolean());
        assertEquals("property-share-exists", held.path("reason").path("rule").asText());
        JsonNode share = held.path("shares").get(0);
        assertEquals(30.0, share.path("governmentSharePercent").asDouble(), 0.001);
        HttpResponse<String> printed =
                call(
                        "POST",
                        "/api/shenzhen/rental/property-shares/"
                                + share.path("id").asText()
                                + "/certificate",
                        token,
                        null);
        assertEquals(printed.body(), 201, printed.statusCode());
        JsonNode doc = json(printed);
        LocalDate issued = LocalDate.parse(doc.path("issuedOn").asText());
        // P-2: valid one month
        assertEquals(issued.plusMonths(1).toString(), doc.path("validUntil").asText());
        String text = pdf(doc.path("pdf").asText(), token);
        assertTrue(text, text.contains("安居型商品房产权份额证明"));
        assertTrue(text, text.contains(issued.plusMonths(1).toString()));
        assertTrue(text, text.contains("70.00%"));
        // again while valid: the same certificate
        JsonNode again =
                json(
                        call(
                                "POST",
                                "/api/shenzhen/rental/property-shares/"
                                        + share.path("id").asText()
                                        + "/certificate",
                                token,
                                null));
        assertEquals(doc.path("id").asText(), again.path("id").asText());
        // someone else's share is not found
        String other = registerL2(Person.random());
        assertEquals(
                404,
                call(
                                "POST",
                                "/api/shenzhen/rental/property-shares/"
                                        + share.path("id").asText()
                                        + "/certificate",
                                other,
                                null)
                        .statusCode());
    }

    @Test
    public void thePowerOfAttorneyAndTheRegistrationFormAreValidThreeMonths() throws Exception {
        Person p = Person.random();
        String token = registerL2(p);
        JsonNode none = json(call("GET", "/api/shenzhen/rental/powers-of-attorney", token, null));
        assertTrue(none.path("canApply").asBoolean());
        ObjectNode body =
                JSON.createObjectNode()
                        .put("agentName", "李四")
                        .put("agentIdNumber", "440305198505054327")
                        .put("agentPhone", "13800000002")
                        .put("agentRelation", "配偶")
                        .put("registrationType", "转移登记")
                        .put("reason", "本人长期在外地工作")
                        .put("propertyAddress", "深圳市福田区福华路1号2栋301")
                        .put("districtCode", "440304")
                        .put("principalAddress", "深圳市福田区福中路1号");
        assertField(
                call(
                        "POST",
                        "/api/shenzhen/rental/powers-of-attorney",
                        token,
                        body.deepCopy().put("agentIdNumber", "440305198505054320")),
                "agentIdNumber");
        HttpResponse<String> r =
                call("POST", "/api/shenzhen/rental/powers-of-attorney", token, body);
        assertEquals(r.body(), 201, r.statusCode());
        assertEquals("李*", json(r).path("agentName").asText());
        HttpResponse<String> twice =
                call("POST", "/api/shenzhen/rental/powers-of-attorney", token, body);
        assertEquals(409, twice.statusCode());
        assertEquals("urn:guangsha:problem:application-open", json(twice).path("type").asText());
        // issued on the last day of a month by the city's clock (the sandbox's): three months
        // later is the last day of the third month (e.g. 11-30 → 02-28), on screen and on paper
        String operator = demoLogin("operator");
        LocalDate monthEnd = YearMonth.now(CITY).atEndOfMonth();
        HttpResponse<String> set =
                call(
                        "POST",
                        "/api/sandbox/clock",
                        operator,
                        JSON.createObjectNode().put("at", monthEnd + "T10:00:00+08:00"));
        assertEquals(set.body(), 200, set.statusCode());
        try {
            powerOfAttorneyIssuedAtMonthEnd(token, body, json(r).path("caseId").asText(), monthEnd);
        } finally {
            call(
                    "POST",
                    "/api/sandbox/clock",
                    operator,
                    JSON.createObjectNode().put("reset", true));
        }
    }

    private void powerOfAttorneyIssuedAtMonthEnd(
            String token, ObjectNode body, String caseId, LocalDate monthEnd) throws Exception {
        approve(demoLogin("futian-district"), caseId);

        JsonNode held = json(call("GET", "/api/shenzhen/rental/powers-of-attorney", token, null));
        JsonNode current = held.path("current");
        assertEquals("APPROVED", current.path("status").asText());
        assertFalse(held.path("canApply").asBoolean());
        JsonNode poa = current.path("powerOfAttorney");
        JsonNode form = current.path("registrationForm");
        assertEquals("power-of-attorney", poa.path("typeId").asText());
        assertEquals("shenzhen-real-estate-registration-form", form.path("typeId").asText());
        LocalDate issued = LocalDate.parse(poa.path("issuedOn").asText());
        assertEquals(monthEnd, issued);
        String until = issued.plusMonths(3).toString();
        assertEquals(YearMonth.from(monthEnd).plusMonths(3).atEndOfMonth().toString(), until);
        // SZ-8, P-2: both valid three months, the date printed on both
        assertEquals(until, poa.path("validUntil").asText());
        assertEquals(until, form.path("validUntil").asText());
        assertEquals(until, current.path("validUntil").asText());
        String poaText = pdf(poa.path("pdf").asText(), token);
        assertTrue(poaText, poaText.contains("授权委托书"));
        assertTrue(poaText, poaText.contains(until));
        String formText = pdf(form.path("pdf").asText(), token);
        assertTrue(formText, formText.contains("深圳市不动产登记申请表"));
        assertTrue(formText, formText.contains("转移登记"));
        assertTrue(formText, formText.contains(until));
        assertTrue(formText, formText.contains(poa.path("number").asText()));
        HttpResponse<String> exists =
                call("POST", "/api/shenzhen/rental/powers-of-attorney", token, body);
        assertEquals(409, exists.statusCode());
        assertEquals(
                "urn:guangsha:problem:power-of-attorney-exists",
                json(exists).path("type").asText());
    }

    private void approve(String staff, String caseId) throws Exception {
        JsonNode review = json(call("GET", "/api/review/cases/" + caseId, staff, null));
        assertEquals(
                review.toString(), "440304", review.path("record").path("regionCode").asText());
        long v = review.path("record").path("version").asLong();
        HttpResponse<String> claimed =
                call(
                        "POST",
                        "/api/review/cases/" + caseId + "/claim",
                        staff,
                        JSON.createObjectNode().put("version", v));
        assertEquals(claimed.body(), 200, claimed.statusCode());
        HttpResponse<String> decided =
                call(
                        "POST",
                        "/api/review/cases/" + caseId + "/decisions",
                        staff,
                        JSON.createObjectNode()
                                .put("decision", "APPROVE")
                                .put("version", json(claimed).path("version").asLong()));
        assertEquals(decided.body(), 200, decided.statusCode());
    }

    private String pdf(String path, String token) throws Exception {
        HttpResponse<byte[]> r = bytes(path, token);
        assertEquals(200, r.statusCode());
        return LicenceIT.pdfText(r.body());
    }

    private HttpResponse<String> importCsv(String token, String part, String csv) throws Exception {
        String boundary = "----records" + System.nanoTime();
        String body =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + part
                        + "\"; filename=\""
                        + part
                        + "\"\r\nContent-Type: text/csv\r\n\r\n"
                        + csv
                        + "\r\n--"
                        + boundary
                        + "--\r\n";
        java.net.http.HttpRequest.Builder b =
                java.net.http.HttpRequest.newBuilder(
                                uri("/api/shenzhen/rental/admin/record-imports"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Bearer " + token)
                        .POST(
                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                        body, StandardCharsets.UTF_8));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String demoLogin(String account) throws Exception {
        await(
                "demo account " + account,
                () -> {
                    try {
                        return loginResponse(account, DEMO).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
        return login(account, DEMO);
    }
}
