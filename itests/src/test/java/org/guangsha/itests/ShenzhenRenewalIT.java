package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * Lease renewal (个人租赁合同续签, SZ-2) over HTTP: an old-policy lease renewed under the old policy; an
 * old-policy lease renewed under the new one after the sandbox's economic check passed; a
 * new-policy lease refused with a failing report (the sandbox fails members whose ID sequence
 * digits are 888); the steps and the ceremony's steps in their order; one open renewal per lease.
 * REST and JDBC only: the probe imports none of the line's classes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShenzhenRenewalIT extends CitizenTestSupport {

    private static final String API = "/api/shenzhen/rental";
    private static final String PROBLEM = "urn:guangsha:problem:";
    private static final String DEMO = "Demo@2026";

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    @Before
    public void line() throws Exception {
        awaitIdentity();
        await("the renewal API answers", () -> statusOf(API + "/leases/none/renewal") == 401);
    }

    @Test
    public void anOldPolicyLeaseIsRenewedUnderTheOldPolicyInOrder() throws Exception {
        Person p = new Person("张三", passingIdNumber(), Person.newMobile());
        String token = registerL2(p);
        LocalDate end = LocalDate.of(2027, 8, 31);
        String lease = lease(p, "OLD", end);
        String base = API + "/leases/" + lease + "/renewal";

        JsonNode overview = ok(call("GET", base, token, null));
        assertEquals("OLD", overview.path("policy").asText());
        assertEquals("[\"OLD\"]", overview.path("options").toString());
        assertEquals(end.plusYears(3).toString(), overview.path("newEndDate").asText());
        assertTrue(overview.path("renewal").isNull() || overview.path("renewal").isMissingNode());
        // someone else's lease reads as no lease
        String other = registerL2(Person.random());
        assertEquals(404, call("GET", base, other, null).statusCode());

        // SZ-2 b: steps only in their order
        assertSlug(
                call("POST", base + "/declaration", token, accepted()),
                409,
                "renewal-step-out-of-order");
        assertEquals(
                201,
                call("POST", base, token, JSON.createObjectNode().put("track", "OLD"))
                        .statusCode());
        // one open renewal per lease
        assertSlug(
                call("POST", base, token, JSON.createObjectNode().put("track", "OLD")),
                409,
                "renewal-open");
        assertSlug(
                call("POST", base + "/confirmation", token, confirmed("已婚")),
                409,
                "renewal-step-out-of-order");
        assertSlug(call("POST", base + "/submit", token, null), 409, "renewal-step-out-of-order");
        assertField(
                call("POST", base + "/declaration", token, JSON.createObjectNode()), "accepted");
        assertEquals(
                "DECLARED",
                ok(call("POST", base + "/declaration", token, accepted())).path("status").asText());
        assertField(call("POST", base + "/confirmation", token, confirmed("保密")), "maritalStatus");
        assertEquals(
                "CONFIRMED",
                ok(call("POST", base + "/confirmation", token, confirmed("已婚")))
                        .path("status")
                        .asText());
        String caseId = uploadAndSubmit(token, base);
        assertSlug(call("POST", base + "/signing", token, null), 409, "renewal-step-out-of-order");

        // the case of the home's district, the form masked for its caseworker
        String futian = demoLogin("futian-district");
        JsonNode form = ok(call("GET", API + "/renewal-cases/" + caseId, futian, null));
        assertEquals("张*", form.path("lesseeName").asText());
        assertFalse(form.toString(), form.toString().contains(p.idNumber()));
        assertEquals("已婚", form.path("maritalStatus").asText());
        assertEquals(404, call("GET", API + "/renewal-cases/" + caseId, other, null).statusCode());
        approve(futian, caseId);

        String contractCase = sign(token, base);
        JsonNode signed = ok(call("GET", base, token, null)).path("renewal");
        assertEquals("SIGNED", signed.path("status").asText());
        assertEquals("签订成功", signed.path("message").asText());
        assertEquals(end.toString(), leaseEnd(lease)); // not before the caseworker approves
        approve(futian, contractCase);

        JsonNode after = ok(call("GET", base, token, null));
        assertEquals("RENEWED", after.path("renewal").path("status").asText());
        assertEquals(end.plusYears(3).toString(), leaseEnd(lease));
        assertEquals("OLD", leasePolicy(lease));
        String contract = after.path("renewal").path("contractDocumentId").asText();
        assertEquals(200, bytes("/api/documents/" + contract + "/pdf", token).statusCode());
        // a new renewal may start once this one is done
        assertEquals(
                201,
                call("POST", base, token, JSON.createObjectNode().put("track", "OLD"))
                        .statusCode());
    }

    @Test
    public void anOldPolicyLeaseRenewsUnderTheNewPolicyAfterAPassedCheck() throws Exception {
        Person p = new Person("张三", passingIdNumber(), Person.newMobile());
        String token = registerL2(p);
        LocalDate end = LocalDate.of(2027, 3, 31);
        String lease = lease(p, "OLD", end);
        String base = API + "/leases/" + lease + "/renewal";
        assertSlug(
                call("POST", base, token, JSON.createObjectNode().put("track", "NEW")),
                409,
                "economic-check-required");
        HttpResponse<String> checked = call("POST", base + "/economic-check", token, null);
        assertEquals(checked.body(), 201, checked.statusCode());
        JsonNode report = json(checked);
        assertTrue(report.toString(), report.path("passed").asBoolean());
        assertEquals("sandbox", report.path("providerId").asText());
        assertTrue(report.path("findings").size() >= 3);
        assertEquals(
                "[\"OLD\",\"NEW\"]", ok(call("GET", base, token, null)).path("options").toString());

        assertEquals(
                201,
                call("POST", base, token, JSON.createObjectNode().put("track", "NEW"))
                        .statusCode());
        ok(call("POST", base + "/declaration", token, accepted()));
        ok(call("POST", base + "/confirmation", token, confirmed("未婚")));
        String caseId = uploadAndSubmit(token, base);
        String futian = demoLogin("futian-district");
        approve(futian, caseId);
        approve(futian, sign(token, base));
        assertEquals("NEW", leasePolicy(lease));
        assertEquals(end.plusYears(3).toString(), leaseEnd(lease));
    }

    @Test
    public void aNewPolicyLeaseWithAFailingReportIsRefused() throws Exception {
        // the sandbox's check fails a family with a member whose sequence digits are 888
        Person p = new Person("张三", Person.newIdNumber(888), Person.newMobile());
        String token = registerL2(p);
        String lease = lease(p, "NEW", LocalDate.of(2027, 5, 31));
        String base = API + "/leases/" + lease + "/renewal";
        assertEquals("[]", ok(call("GET", base, token, null)).path("options").toString());
        assertSlug(
                call("POST", base, token, JSON.createObjectNode().put("track", "OLD")),
                409,
                "old-policy-not-applicable");
        JsonNode report = json(call("POST", base + "/economic-check", token, null));
        assertFalse(report.toString(), report.path("passed").asBoolean());
        assertSlug(
                call("POST", base, token, JSON.createObjectNode().put("track", "NEW")),
                409,
                "economic-check-failed");
        JsonNode overview = ok(call("GET", base, token, null));
        assertEquals("[]", overview.path("options").toString());
        assertTrue(overview.path("reason").path("zh").asText().contains("不符合"));
        assertEquals(0, count("SELECT COUNT(*) FROM SZR_RENEWAL WHERE LEASE_ID = ?", lease));
    }

    /** Uploads the ID card's sides, submits; the case id. */
    private String uploadAndSubmit(String token, String base) throws Exception {
        String front = upload(token, "id-card-front", 1);
        String back = upload(token, "id-card-back", 2);
        assertField(
                call(
                        "POST",
                        base + "/documents",
                        token,
                        JSON.createObjectNode().put("idFrontId", back).put("idBackId", back)),
                "idFrontId");
        ok(
                call(
                        "POST",
                        base + "/documents",
                        token,
                        JSON.createObjectNode().put("idFrontId", front).put("idBackId", back)));
        JsonNode submitted = ok(call("POST", base + "/submit", token, null));
        assertEquals("REVIEW", submitted.path("status").asText());
        assertEquals("您的续约申请已经提交成功", submitted.path("message").asText());
        String caseId = submitted.path("caseId").asText();
        JsonNode mine = ok(call("GET", "/api/cases/" + caseId, token, null));
        assertEquals("shenzhen-lease-renewal", mine.path("typeId").asText());
        assertEquals("440304", mine.path("regionCode").asText());
        return caseId;
    }

    /** SZ-2 c: walks the core's ceremony in its order; the contract case's id. */
    private String sign(String token, String base) throws Exception {
        JsonNode started = ok(call("POST", base + "/signing", token, null));
        String flow = "/api/signing/" + started.path("signingId").asText();
        // the ceremony's order: nothing before the details are confirmed
        assertSlug(
                call("POST", flow + "/signature", token, signaturePad()),
                409,
                "signing-step-out-of-order");
        JsonNode f = ok(call("GET", flow, token, null));
        assertEquals("张三", f.path("values").path("tenantName").asText());
        ok(call("POST", flow + "/confirm", token, null));
        String commitment = ok(call("GET", flow, token, null)).path("commitmentText").asText();
        assertTrue(commitment.contains("续约"));
        afterCountdown(token, flow + "/commitment/read");
        // the pasted text must match the commitment letter
        assertField(
                call(
                        "POST",
                        flow + "/commitment/text",
                        token,
                        JSON.createObjectNode().put("text", "我承诺")),
                "text");
        ok(
                call(
                        "POST",
                        flow + "/commitment/text",
                        token,
                        JSON.createObjectNode().put("text", commitment)));
        String purpose = ok(call("GET", flow, token, null)).path("facePurpose").asText();
        String face = passedFaceSession(token, purpose);
        ok(call("POST", flow + "/face", token, JSON.createObjectNode().put("sessionId", face)));
        afterCountdown(token, flow + "/contract/read");
        JsonNode done = ok(call("POST", flow + "/signature", token, signaturePad()));
        assertEquals("DONE", done.path("step").asText());
        JsonNode renewal = ok(call("GET", base, token, null)).path("renewal");
        assertEquals(done.path("documentId").asText(), renewal.path("contractDocumentId").asText());
        String contractCase = renewal.path("contractCaseId").asText();
        assertEquals(
                "shenzhen-lease-renewal-contract",
                ok(call("GET", "/api/cases/" + contractCase, token, null)).path("typeId").asText());
        return contractCase;
    }

    /** Posts once the server's countdown is over (409 countdown-running with Retry-After). */
    private void afterCountdown(String token, String path) throws Exception {
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = call("POST", path, token, null);
            if (r.statusCode() == 200) {
                return;
            }
            assertEquals(r.body(), 409, r.statusCode());
            assertEquals(PROBLEM + "countdown-running", json(r).path("type").asText());
            Thread.sleep(1000);
        }
        throw new AssertionError("countdown never ended: " + path);
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

    /**
     * An ID number the sandbox's simulated check passes on its own: its SHA-256 keeps the made-up
     * income under the limit and names no costly vehicle (see SandboxEconomicStatus).
     */
    private static String passingIdNumber() throws Exception {
        for (int i = 0; i < 1000; i++) {
            String id = Person.newIdNumber();
            byte[] h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(id.getBytes(StandardCharsets.UTF_8));
            if ((h[0] & 0xff) < 240 && (h[1] & 0x3) != 0 && !id.startsWith("888", 14)) {
                return id;
            }
        }
        throw new AssertionError("no passing ID number");
    }

    private String upload(String token, String kind, int mark) throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        image.setRGB(mark, mark, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        HttpResponse<byte[]> r =
                multipart(
                        "POST",
                        "/api/attachments",
                        token,
                        kind,
                        "id.png",
                        "image/png",
                        out.toByteArray());
        assertTrue(
                new String(r.body(), StandardCharsets.UTF_8),
                r.statusCode() == 201 || r.statusCode() == 200);
        return json(r.body()).path("id").asText();
    }

    private String lease(Person p, String policy, LocalDate end) throws Exception {
        String home = UUID.randomUUID().toString();
        String lease = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO SZR_HOME (ID, HOME_CODE, PROJECT, BUILDING, ROOM, ADDRESS,"
                                    + " DISTRICT_CODE, CREATED_AT, UPDATED_AT) VALUES (?, ?, '续约测试苑',"
                                    + " '3栋', '502', '深圳市福田区续约路1号', '440304', CURRENT_TIMESTAMP,"
                                    + " CURRENT_TIMESTAMP)")) {
                st.setString(1, home);
                st.setString(2, "RN-" + home.substring(0, 8));
                st.executeUpdate();
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO SZR_LEASE (ID, LEASE_NO, HOME_ID, ACTIVE_HOME_ID, LESSEE_KIND,"
                                    + " LESSEE_NAME, LESSEE_ID, MARITAL_STATUS, POLICY, START_DATE,"
                                    + " END_DATE, RENT_FEN, STATUS, CREATED_AT, UPDATED_AT) VALUES (?,"
                                    + " ?, ?, ?, 'CITIZEN', ?, ?, '已婚', ?, ?, ?, 98000, 'ACTIVE',"
                                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                st.setString(1, lease);
                st.setString(2, "RN-" + lease.substring(0, 8));
                st.setString(3, home);
                st.setString(4, home);
                st.setString(5, p.name());
                st.setString(6, p.idNumber());
                st.setString(7, policy);
                st.setObject(8, end.minusYears(3).plusDays(1));
                st.setObject(9, end);
                st.executeUpdate();
            }
        }
        return lease;
    }

    private String leaseEnd(String lease) throws Exception {
        return text("SELECT END_DATE FROM SZR_LEASE WHERE ID = ?", lease);
    }

    private String leasePolicy(String lease) throws Exception {
        return text("SELECT POLICY FROM SZR_LEASE WHERE ID = ?", lease);
    }

    private String text(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
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

    private static JsonNode accepted() {
        return JSON.createObjectNode().put("accepted", true);
    }

    private static JsonNode confirmed(String marital) {
        return JSON.createObjectNode().put("confirmed", true).put("maritalStatus", marital);
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() + " " + r.body(), r.statusCode() / 100 == 2);
        return json(r);
    }

    private static void assertSlug(HttpResponse<String> r, int status, String slug)
            throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        if (slug != null) {
            assertEquals(r.body(), PROBLEM + slug, json(r).path("type").asText());
        }
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
