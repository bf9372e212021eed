package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Post-rental changes (SZ-3) and employer housing changes (SZ-5) over HTTP: a citizen's new
 * co-resident appears on the personal page only once Futian's caseworker approves; an organization
 * edits its occupants, gets approval and prints the 入住通知书; another organization gets 404. The
 * leases are imported by the operator into 福田区 for fresh accounts, so the demo data stay as they
 * are. REST only: the probe imports none of the line's classes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShenzhenChangesIT extends CitizenTestSupport {

    private static final String FEATURE = "guangsha-shenzhen-rental";
    private static final String DEMO = "Demo@2026";
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
    };

    @Inject FeaturesService features;

    private final HttpClient client = HttpClient.newHttpClient();

    @Before
    public void line() throws Exception {
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        await("the rental line answers", () -> statusOf("/api/shenzhen/rental/me") == 401);
        awaitIdentity();
    }

    @Test
    public void aCitizensChangeApprovedByFutianAppearsOnThePersonalPage() throws Exception {
        Person p = Person.random();
        String token = registerL2(p);
        String tag = tag();
        String coResident = Person.newIdNumber();
        importLease(
                tag,
                "CITIZEN",
                "张三",
                p.idNumber(),
                "ITC-" + tag + ",同住人,李梅," + coResident + ",配偶,\n");
        JsonNode home =
                json(call("GET", "/api/shenzhen/rental/me", token, null)).path("homes").get(0);
        String leaseId = home.path("leaseId").asText();
        assertEquals(1, home.path("residents").size());

        JsonNode overview = json(call("GET", changes(leaseId), token, null));
        assertTrue(overview.toString(), overview.path("canApply").asBoolean());
        assertFalse(overview.toString(), overview.toString().contains(coResident));
        String meiId = overview.path("residents").get(0).path("id").asText();

        // SZ-3: a wrong ID number is named; then 李梅 kept (masked values sent back) and a child
        // added
        ObjectNode body = JSON.createObjectNode().put("maritalStatus", "已婚").put("reason", "添丁");
        ArrayNode residents = body.putArray("residents");
        String valid = Person.newIdNumber();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        residents.addObject().put("name", "张小二").put("idNumber", wrong).put("relation", "子女");
        assertField(call("POST", changes(leaseId), token, body), "residents[0].idNumber", "身份证");
        residents.removeAll();
        residents.add(known(overview.path("residents").get(0)));
        String child = Person.newIdNumber();
        residents.addObject().put("name", "张小二").put("idNumber", child).put("relation", "子女");
        HttpResponse<String> r = call("POST", changes(leaseId), token, body);
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode change = json(r);
        assertEquals("REVIEW", change.path("status").asText());
        assertEquals(meiId, change.path("residents").get(0).path("id").asText());
        assertEquals("ADD", change.path("residents").get(1).path("action").asText());
        String caseId = change.path("caseId").asText();
        // one open change per lease
        HttpResponse<String> twice = call("POST", changes(leaseId), token, body);
        assertEquals(409, twice.statusCode());
        assertEquals("urn:guangsha:problem:change-open", json(twice).path("type").asText());
        // nothing changes before the review
        assertEquals(
                1,
                json(call("GET", "/api/shenzhen/rental/me", token, null))
                        .path("homes")
                        .get(0)
                        .path("residents")
                        .size());

        String futian = demoLogin("futian-district");
        JsonNode form =
                json(call("GET", "/api/shenzhen/rental/changes/cases/" + caseId, futian, null));
        assertEquals(form.toString(), 2, form.path("residents").size());
        assertFalse(form.toString(), form.toString().contains(child));
        approve(futian, caseId);

        JsonNode after =
                json(call("GET", "/api/shenzhen/rental/me", token, null)).path("homes").get(0);
        assertEquals(after.toString(), 2, after.path("residents").size());
        assertEquals("子女", after.path("residents").get(1).path("relation").asText());
        assertEquals(meiId, after.path("residents").get(0).path("id").asText());
        JsonNode done = json(call("GET", changes(leaseId), token, null));
        assertEquals("APPROVED", done.path("changes").get(0).path("status").asText());
        assertTrue(done.path("canApply").asBoolean());
    }

    @Test
    public void anOrganizationChangesItsOccupantsAndPrintsTheNoticeAndNoOtherSeesThem()
            throws Exception {
        String code = creditCode();
        String org = registerOrganization(code);
        String tag = tag();
        importLease(
                tag,
                "ORGANIZATION",
                "广厦测试科技有限公司",
                code,
                "ITC-" + tag + ",入住人,王一," + Person.newIdNumber() + ",,\n");
        JsonNode home =
                json(call("GET", "/api/shenzhen/rental/me", org, null)).path("homes").get(0);
        String leaseId = home.path("leaseId").asText();

        // SZ-5: another organization (the demo one) never sees this lease
        String other = organizationLogin("91440300MA5G20260T");
        assertEquals(404, call("GET", changes(leaseId), other, null).statusCode());
        assertEquals(
                404, call("POST", changes(leaseId), other, JSON.createObjectNode()).statusCode());
        // nor a citizen
        assertEquals(
                404, call("GET", changes(leaseId), registerL2(Person.random()), null).statusCode());

        JsonNode overview = json(call("GET", changes(leaseId), org, null));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode residents = body.putArray("residents");
        // 王一's mobile edited, 孙二 moves in with 周三
        residents.add(known(overview.path("residents").get(0)).put("mobile", "13912345678"));
        residents
                .addObject()
                .put("ref", "n1")
                .put("role", "OCCUPANT")
                .put("name", "孙二")
                .put("idNumber", Person.newIdNumber());
        residents
                .addObject()
                .put("role", "CO_RESIDENT")
                .put("occupantRef", "n1")
                .put("name", "周三")
                .put("idNumber", Person.newIdNumber())
                .put("relation", "配偶");
        HttpResponse<String> r = call("POST", changes(leaseId), org, body);
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode change = json(r);
        assertEquals("EDIT", change.path("residents").get(0).path("action").asText());
        String changeId = change.path("id").asText();
        assertEquals(
                409,
                call("POST", changes(leaseId) + "/" + changeId + "/notice", org, null)
                        .statusCode());

        approve(demoLogin("futian-district"), change.path("caseId").asText());
        JsonNode after =
                json(call("GET", "/api/shenzhen/rental/me", org, null)).path("homes").get(0);
        assertEquals(after.toString(), 3, after.path("residents").size());
        String sun = null;
        for (JsonNode res : after.path("residents")) {
            if ("OCCUPANT".equals(res.path("role").asText())
                    && res.path("name").asText().startsWith("孙")) {
                sun = res.path("id").asText();
            }
        }
        HttpResponse<String> notice =
                call(
                        "POST",
                        changes(leaseId) + "/" + changeId + "/notice?occupantId=" + sun,
                        org,
                        null);
        assertEquals(notice.body(), 201, notice.statusCode());
        assertEquals(
                404,
                call("POST", changes(leaseId) + "/" + changeId + "/notice", other, null)
                        .statusCode());
        HttpResponse<byte[]> pdf = bytes(json(notice).path("pdf").asText(), org);
        assertEquals(200, pdf.statusCode());
        String text = LicenceIT.pdfText(pdf.body());
        assertTrue(text, text.contains("入住通知书"));
        assertTrue(text, text.contains("孙二"));
        assertTrue(text, text.contains("周三"));
    }

    /** A resident as shown (masked), sent back unchanged: the server keeps the stored values. */
    private static ObjectNode known(JsonNode shown) {
        ObjectNode o = JSON.createObjectNode();
        for (String f : new String[] {"id", "role", "name", "idNumber", "relation", "mobile"}) {
            if (shown.hasNonNull(f)) {
                o.put(f, shown.path(f).asText());
            }
        }
        return o;
    }

    private static String changes(String leaseId) {
        return "/api/shenzhen/rental/leases/" + leaseId + "/changes";
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void importLease(
            String tag, String kind, String name, String lesseeId, String residents)
            throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "homes.csv",
                "homeCode,project,building,room,address,districtCode,areaM2\n"
                        + "ITC-"
                        + tag
                        + ",福田变更测试苑,1,"
                        + tag.substring(0, 4)
                        + ",深圳市福田区测试路1号,440304,60.5\n");
        files.put(
                "leases.csv",
                "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,maritalStatus,policy,startDate,endDate,rentYuan\n"
                        + "ITC-"
                        + tag
                        + ",ITC-"
                        + tag
                        + ","
                        + kind
                        + ","
                        + name
                        + ","
                        + lesseeId
                        + ","
                        + ("CITIZEN".equals(kind) ? "已婚" : "")
                        + ",NEW,2026-01-01,2029-01-01,980\n");
        files.put(
                "residents.csv",
                "leaseNo,role,name,idNumber,relation,occupantIdNumber\n" + residents);
        HttpResponse<String> r = importFiles(demoLogin("operator"), files);
        assertEquals(r.body(), 200, r.statusCode());
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

    private String registerOrganization(String code) throws Exception {
        ObjectNode body = captcha(JSON.createObjectNode());
        body.put("organizationName", "广厦测试科技有限公司");
        body.put("creditCode", code);
        body.put("legalRepresentativeName", "赵六");
        body.put("legalRepresentativeIdNumber", Person.newIdNumber());
        body.put("mobile", Person.newMobile());
        body.put("password", DEMO);
        HttpResponse<String> r = post("/api/identity/organizations/register", body);
        assertEquals(r.body(), 201, r.statusCode());
        return organizationLogin(code);
    }

    private String organizationLogin(String code) throws Exception {
        ObjectNode body = captcha(JSON.createObjectNode());
        body.put("creditCode", code);
        body.put("password", DEMO);
        HttpResponse<String> r = post("/api/identity/organizations/login", body);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).path("token").asText();
    }

    private ObjectNode captcha(ObjectNode body) throws Exception {
        String id = json(get("/api/identity/captcha")).path("id").asText();
        body.put("captchaId", id);
        body.put("captchaAnswer", json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
        return body;
    }

    /** A made-up valid credit code: market registration (91), Shenzhen, GB 32100 check. */
    private static String creditCode() {
        StringBuilder b = new StringBuilder("91440300");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(CHARSET.charAt(r.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(b.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return b.append(CHARSET.charAt(check == 31 ? 0 : check)).toString();
    }

    private HttpResponse<String> importFiles(String token, Map<String, String> files)
            throws Exception {
        String boundary = "----szc" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : files.entrySet()) {
            b.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + f.getKey().replace(".csv", "")
                                    + "\"; filename=\""
                                    + f.getKey()
                                    + "\"\r\nContent-Type: text/csv\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            b.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri("/api/shenzhen/rental/admin/imports"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()));
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
