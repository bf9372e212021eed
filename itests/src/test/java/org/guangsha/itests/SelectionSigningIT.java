package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * Signing after selection (S-12) and materials (S-13) over HTTP with the sandbox's simulators: the
 * demo citizen 张三, ranked in a batch created through the operators' REST path, confirms a unit in a
 * formal session, then keeps his mobile, gives his rent collection details with both card photos,
 * starts the core's ceremony and passes its face check on the (simulated) phone, signs the lease,
 * pays the deposit from "another device" (the sandbox's WeChat Pay sends the signed notification)
 * and submits; Futian's caseworker reads the form masked and approves; the occupancy notice is
 * issued and the materials list both PDFs. Every step out of order is refused with 409, and nobody
 * but the main applicant sees the family's signing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SelectionSigningIT extends CitizenTestSupport {

    private static final String DEMO_PASSWORD = "Demo@2026";
    private static final String ZHANG_ID = "440304199001011233";
    private static final long RENT_FEN = 123450;

    @Inject JaxrsServiceRuntime runtime;

    @Test
    public void zhangSanSignsPaysIsApprovedAndGetsHisMaterials() throws Exception {
        awaitIdentity();
        await("the selection line", () -> statusOf("/api/selection/me") == 401);
        String zhang = demoLogin("13800000001");
        String li = demoLogin("13800000002");
        String futian = demoLogin("futian-district");
        Person stranger = Person.random();
        String other = registerL2(stranger);
        assertEquals(0, runtime.getRuntimeDTO().failedResourceDTOs.length);

        // a batch with 张三 (rank 1) whose formal session runs now
        String code = "SIGN-" + UUID.randomUUID().toString().substring(0, 8);
        String batchId = batchOf(code, "张三", ZHANG_ID);
        String fid = familyId(zhang, code);
        assertEquals(
                fid,
                ok(call(
                                "GET",
                                "/api/selection/admin/batches/" + batchId + "/families",
                                login("operator", "Demo@2026"),
                                null))
                        .path("items")
                        .get(0)
                        .path("id")
                        .asText());
        String unitId = unitId(zhang, batchId);
        String signing = "/api/selection/families/" + fid + "/signing";

        // no unit yet: no signing
        assertSlug(call("GET", signing, zhang, null), 409, "no-allocation");

        // S-5 through the line's own selection: declaration, intent, confirm
        String family = "/api/selection/families/" + fid;
        assertOk(call("POST", family + "/formal/declaration", zhang, JSON.createObjectNode()));
        assertOk(
                call(
                        "POST",
                        family + "/cart/FORMAL/items",
                        zhang,
                        JSON.createObjectNode().put("unitId", unitId)));
        assertOk(
                call(
                        "POST",
                        family + "/formal/confirm",
                        zhang,
                        JSON.createObjectNode()
                                .put("unitId", unitId)
                                .put("idempotencyKey", "sign-it-" + code)));

        // 1 the state: home, applicant, first step; the family is 张三's alone
        JsonNode state = ok(call("GET", signing, zhang, null));
        assertEquals("MOBILE", state.path("step").asText());
        assertEquals("3栋", state.path("home").path("building").asText());
        assertEquals("1203", state.path("home").path("roomNumber").asText());
        assertEquals(RENT_FEN, state.path("home").path("rentFen").asLong());
        assertEquals("张三", state.path("applicant").path("name").asText());
        assertEquals("138****0001", state.path("applicant").path("mobile").asText());
        assertEquals("4403**********1233", state.path("applicant").path("idNumber").asText());
        assertEquals(2 * RENT_FEN, state.path("deposit").path("amountFen").asLong());
        assertEquals("NONE", state.path("deposit").path("status").asText());
        assertEquals("NOT_STARTED", state.path("face").path("status").asText());
        assertEquals(7, state.path("steps").size());
        assertEquals(404, call("GET", signing, other, null).statusCode());
        assertEquals(403, call("GET", signing, li, null).statusCode());
        assertEquals(401, call("GET", signing, null, null).statusCode());
        assertEquals(403, call("GET", signing, futian, null).statusCode());

        // every later step before its turn
        String front = upload(zhang, "bank-card-front", 1);
        String back = upload(zhang, "bank-card-back", 2);
        assertSlug(
                call("POST", signing + "/bank", zhang, bank(front, back)),
                409,
                "mobile-not-confirmed");
        assertSlug(call("POST", signing + "/ceremony", zhang, null), 409, "mobile-not-confirmed");
        assertSlug(call("POST", signing + "/deposit", zhang, null), 409, "mobile-not-confirmed");
        assertSlug(call("POST", signing + "/submit", zhang, null), 409, "mobile-not-confirmed");

        // 2 keep the mobile (the change itself is the core's, MobileChangeIT)
        assertEquals(
                "BANK",
                ok(call("POST", signing + "/mobile/keep", zhang, null)).path("step").asText());
        assertSlug(call("POST", signing + "/ceremony", zhang, null), 409, "bank-details-required");

        // 3 rent collection: a card that fails Luhn, someone else's account, someone else's photo
        assertField(
                call(
                        "POST",
                        signing + "/bank",
                        zhang,
                        bank(front, back).put("cardNumber", "6222020200112230005")),
                "cardNumber");
        assertField(
                call("POST", signing + "/bank", zhang, bank(front, back).put("accountName", "李四")),
                "accountName");
        String hisPhoto = upload(other, "bank-card-front", 3);
        assertField(
                call("POST", signing + "/bank", zhang, bank(hisPhoto, back)), "frontAttachmentId");
        JsonNode banked = ok(call("POST", signing + "/bank", zhang, bank(front, back)));
        assertEquals("FACE", banked.path("step").asText());
        assertEquals("***************0004", banked.path("bank").path("cardNumber").asText());
        assertEquals("0004", banked.path("bank").path("cardLast4").asText());
        assertFalse(banked.toString().contains("6222020200112230004"));

        // 4 the ceremony: its face check is the main applicant's face check
        JsonNode started = ok(call("POST", signing + "/ceremony", zhang, null));
        String ceremony = started.path("ceremony").path("id").asText();
        assertEquals("FACE", started.path("step").asText());
        assertEquals("PENDING", started.path("face").path("status").asText());
        assertEquals("sign:" + ceremony, started.path("face").path("purpose").asText());
        assertEquals(
                ceremony,
                ok(call("POST", signing + "/ceremony", zhang, null))
                        .path("ceremony")
                        .path("id")
                        .asText());
        assertSlug(call("POST", signing + "/deposit", zhang, null), 409, "contract-not-signed");
        assertSlug(call("POST", signing + "/mobile/keep", zhang, null), 409, "signing-step-closed");

        String base = "/api/signing/" + ceremony;
        JsonNode flow = ok(call("GET", base, zhang, null));
        assertEquals("张三", flow.path("values").path("tenantName").asText());
        assertEquals("13800000001", flow.path("values").path("tenantPhone").asText());
        assertEquals("深圳市住房和建设局", flow.path("values").path("lessorName").asText());
        assertEquals("2,469.00", flow.path("values").path("deposit").asText());
        assertOk(call("POST", base + "/confirm", zhang, null));
        String commitment = ok(call("GET", base, zhang, null)).path("commitmentText").asText();
        Thread.sleep(1100);
        assertOk(call("POST", base + "/commitment/read", zhang, null));
        assertOk(
                call(
                        "POST",
                        base + "/commitment/text",
                        zhang,
                        JSON.createObjectNode().put("text", commitment)));
        String face = passedFaceSession(zhang, started.path("face").path("purpose").asText());
        assertOk(
                call(
                        "POST",
                        base + "/face",
                        zhang,
                        JSON.createObjectNode().put("sessionId", face)));
        JsonNode faced = ok(call("GET", signing, zhang, null));
        assertEquals("CONTRACT", faced.path("step").asText());
        assertEquals("PASSED", faced.path("face").path("status").asText());
        Thread.sleep(1100);
        assertOk(call("POST", base + "/contract/read", zhang, null));
        JsonNode signed = ok(call("POST", base + "/signature", zhang, signaturePad()));
        assertEquals("DONE", signed.path("step").asText());
        String contract = signed.path("documentId").asText();

        // 5 the deposit: an order to scan with another device, paid only by the provider's notice
        JsonNode afterSigning = ok(call("GET", signing, zhang, null));
        assertEquals("DEPOSIT", afterSigning.path("step").asText());
        assertEquals(contract, afterSigning.path("contract").path("documentId").asText());
        assertSlug(call("POST", signing + "/submit", zhang, null), 409, "deposit-not-paid");
        JsonNode order = ok(call("POST", signing + "/deposit", zhang, null));
        String orderId = order.path("orderId").asText();
        assertEquals("CREATED", order.path("status").asText());
        assertEquals(2 * RENT_FEN, order.path("amountFen").asLong());
        assertEquals("租赁保证金 3栋-1203", order.path("purpose").asText());
        assertEquals("/api/sandbox/pay/" + orderId, order.path("qrPayload").asText());
        assertEquals(
                orderId,
                ok(call("POST", signing + "/deposit", zhang, null)).path("orderId").asText());
        JsonNode payable = ok(call("GET", "/api/payments/orders/" + orderId, zhang, null));
        assertEquals("selection", payable.path("module").asText());
        assertEquals(fid, payable.path("reference").asText());
        assertOk(call("POST", "/api/sandbox/pay/" + orderId, null, null));
        JsonNode paid = ok(call("GET", signing, zhang, null));
        assertEquals("SUBMIT", paid.path("step").asText());
        assertEquals("PAID", paid.path("deposit").path("status").asText());
        assertSlug(call("POST", signing + "/deposit", zhang, null), 409, "signing-step-closed");

        // 6 submit: a case of Futian, the photos filed with it
        JsonNode submitted = ok(call("POST", signing + "/submit", zhang, null));
        assertEquals("REVIEW", submitted.path("step").asText());
        String caseId = submitted.path("caseId").asText();
        assertEquals("SUBMITTED", submitted.path("review").path("status").asText());
        assertSlug(
                call("POST", signing + "/submit", zhang, null), 409, "signing-already-submitted");
        assertSlug(
                call("POST", signing + "/bank", zhang, bank(front, back)),
                409,
                "signing-step-closed");
        JsonNode mine = ok(call("GET", "/api/cases/" + caseId, zhang, null));
        assertEquals("selection-signing", mine.path("typeId").asText());
        assertEquals("440304", mine.path("regionCode").asText());

        // the form: whole for 张三, masked for Futian's caseworker, nothing for anyone else
        String form = "/api/selection/signing-cases/" + caseId;
        JsonNode own = ok(call("GET", form, zhang, null));
        assertEquals("张三", field(own, "applicantName"));
        JsonNode seen = ok(call("GET", form, futian, null));
        assertEquals("张*", field(seen, "applicantName"));
        assertEquals("4403**********1233", field(seen, "idNumber"));
        assertEquals("138****0001", field(seen, "mobile"));
        assertEquals("***************0004", field(seen, "cardNumber"));
        assertEquals("张*", field(seen, "accountName"));
        assertFalse(seen.toString().contains(ZHANG_ID));
        assertEquals(contract, seen.path("documents").get(0).path("documentId").asText());
        assertEquals(404, call("GET", form, other, null).statusCode());
        JsonNode review = ok(call("GET", "/api/review/cases/" + caseId, futian, null));
        List<String> files = new ArrayList<>();
        review.path("attachments").forEach(a -> files.add(a.path("id").asText()));
        assertTrue(files.toString(), files.contains(front) && files.contains(back));
        assertEquals(200, bytes("/api/documents/" + contract + "/pdf", futian).statusCode());

        // before approval: the contract only
        JsonNode before = ok(call("GET", family + "/materials", zhang, null));
        assertFalse(before.path("approved").asBoolean());
        assertEquals(1, before.path("items").size());
        assertEquals("lease-contract", before.path("items").get(0).path("kind").asText());
        assertEquals(404, call("GET", family + "/materials", other, null).statusCode());

        // 7 Futian approves: the occupancy notice is issued, the materials list both PDFs
        long version = review.path("record").path("version").asLong();
        JsonNode claimed =
                ok(
                        call(
                                "POST",
                                "/api/review/cases/" + caseId + "/claim",
                                futian,
                                JSON.createObjectNode().put("version", version)));
        assertOk(
                call(
                        "POST",
                        "/api/review/cases/" + caseId + "/decisions",
                        futian,
                        JSON.createObjectNode()
                                .put("decision", "APPROVE")
                                .put("version", claimed.path("version").asLong())));
        await(
                "the occupancy notice",
                () -> {
                    try {
                        JsonNode s = json(call("GET", signing, zhang, null));
                        return "APPROVED".equals(s.path("step").asText())
                                && s.path("occupancyNotice").hasNonNull("documentId");
                    } catch (Exception e) {
                        return false;
                    }
                });
        JsonNode materials = ok(call("GET", family + "/materials", zhang, null));
        assertTrue(materials.path("approved").asBoolean());
        assertEquals(materials.toString(), 2, materials.path("items").size());
        assertEquals("lease-contract", materials.path("items").get(0).path("kind").asText());
        assertEquals("occupancy-notice", materials.path("items").get(1).path("kind").asText());
        for (JsonNode item : materials.path("items")) {
            assertFalse(item.path("number").asText().isEmpty());
            assertNotNull(item.path("issuedOn").asText());
            HttpResponse<byte[]> pdf = bytes(item.path("pdf").asText(), zhang);
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
            HttpResponse<byte[]> download = bytes(item.path("download").asText(), zhang);
            assertEquals(200, download.statusCode());
            assertTrue(
                    download.headers()
                            .firstValue("Content-Disposition")
                            .orElse("")
                            .startsWith("attachment"));
        }
        String notice =
                LicenceIT.pdfText(
                        bytes(materials.path("items").get(1).path("pdf").asText(), zhang).body());
        assertTrue(notice, notice.contains("入住通知书"));
        assertTrue(notice, notice.contains("张三"));
        assertTrue(notice, notice.contains("1203"));
        assertTrue(
                json(call("GET", "/api/documents/" + contract, zhang, null))
                        .path("signed")
                        .asBoolean());
    }

    @Test
    public void aReturnedSigningIsCorrectedAndAWithdrawnOneStartsAgainFromTheBankDetails()
            throws Exception {
        awaitIdentity();
        await("the selection line", () -> statusOf("/api/selection/me") == 401);
        String futian = demoLogin("futian-district");
        Person p = Person.random();
        String token = registerL2(p);
        String fid = familyWithUnit(token, p);
        String signing = "/api/selection/families/" + fid + "/signing";
        assertOk(call("POST", signing + "/mobile/keep", token, null));
        String front = upload(token, "bank-card-front", 4);
        String back = upload(token, "bank-card-back", 5);
        assertOk(
                call(
                        "POST",
                        signing + "/bank",
                        token,
                        bank(front, back).put("accountName", p.name())));
        signLease(token, signing);
        String orderId =
                ok(call("POST", signing + "/deposit", token, null)).path("orderId").asText();
        assertOk(call("POST", "/api/sandbox/pay/" + orderId, null, null));
        String caseId = ok(call("POST", signing + "/submit", token, null)).path("caseId").asText();

        // the caseworker returns it: the card number is to be corrected
        JsonNode review = ok(call("GET", "/api/review/cases/" + caseId, futian, null));
        JsonNode claimed =
                ok(
                        call(
                                "POST",
                                "/api/review/cases/" + caseId + "/claim",
                                futian,
                                JSON.createObjectNode()
                                        .put(
                                                "version",
                                                review.path("record").path("version").asLong())));
        ObjectNode ret =
                JSON.createObjectNode()
                        .put("decision", "RETURN")
                        .put("reason", "银行卡号与照片不一致")
                        .put("version", claimed.path("version").asLong());
        ret.putObject("remarks").put("cardNumber", "请核对银行卡号");
        assertOk(call("POST", "/api/review/cases/" + caseId + "/decisions", futian, ret));
        JsonNode returned = ok(call("GET", signing, token, null));
        assertEquals("RETURNED", returned.path("step").asText());
        assertSlug(call("POST", signing + "/mobile/keep", token, null), 409, "signing-step-closed");
        assertSlug(call("POST", signing + "/deposit", token, null), 409, "signing-step-closed");

        // corrected with another card and new photos, submitted again: the same case
        String front2 = upload(token, "bank-card-front", 6);
        String back2 = upload(token, "bank-card-back", 7);
        JsonNode corrected =
                ok(
                        call(
                                "POST",
                                signing + "/bank",
                                token,
                                bank(front2, back2)
                                        .put("accountName", p.name())
                                        .put("cardNumber", "4111111111111111")));
        assertEquals("1111", corrected.path("bank").path("cardLast4").asText());
        JsonNode again = ok(call("POST", signing + "/submit", token, null));
        assertEquals("REVIEW", again.path("step").asText());
        assertEquals(caseId, again.path("caseId").asText());
        List<String> files = new ArrayList<>();
        ok(call("GET", "/api/review/cases/" + caseId, futian, null))
                .path("attachments")
                .forEach(a -> files.add(a.path("id").asText()));
        assertTrue(files.toString(), files.contains(front2) && files.contains(back2));
        assertEquals(
                "************1111",
                field(
                        ok(call("GET", "/api/selection/signing-cases/" + caseId, futian, null)),
                        "cardNumber"));

        // withdrawn (C-3): the bank details are erased, the lease and the deposit stay
        JsonNode notice = ok(call("POST", "/api/cases/" + caseId + "/withdraw", token, null));
        assertOk(
                call(
                        "POST",
                        "/api/cases/" + caseId + "/withdraw/confirm",
                        token,
                        JSON.createObjectNode()
                                .put(
                                        "confirmationToken",
                                        notice.path("confirmationToken").asText())));
        JsonNode withdrawn = ok(call("GET", signing, token, null));
        assertEquals("BANK", withdrawn.path("step").asText());
        // the platform leaves null members out
        assertTrue(withdrawn.toString(), withdrawn.path("bank").isMissingNode());
        assertTrue(withdrawn.toString(), withdrawn.path("caseId").isMissingNode());
        assertEquals("PAID", withdrawn.path("deposit").path("status").asText());
        assertFalse(withdrawn.path("contract").path("documentId").asText().isEmpty());
        assertEquals(
                404,
                call("GET", "/api/selection/signing-cases/" + caseId, token, null).statusCode());
        assertSlug(call("POST", signing + "/submit", token, null), 409, "bank-details-required");

        // the bank details again, and a new case
        assertOk(
                call(
                        "POST",
                        signing + "/bank",
                        token,
                        bank(front2, back2).put("accountName", p.name())));
        JsonNode resubmitted = ok(call("POST", signing + "/submit", token, null));
        assertEquals("REVIEW", resubmitted.path("step").asText());
        assertFalse(caseId.equals(resubmitted.path("caseId").asText()));
    }

    /** A batch with {@code p} whose unit {@code p} confirms through the line; the family id. */
    private String familyWithUnit(String token, Person p) throws Exception {
        String code = "SIGN-" + UUID.randomUUID().toString().substring(0, 8);
        String batchId = batchOf(code, p.name(), p.idNumber());
        String fid = familyId(token, code);
        String unitId = unitId(token, batchId);
        String family = "/api/selection/families/" + fid;
        assertOk(call("POST", family + "/formal/declaration", token, JSON.createObjectNode()));
        assertOk(
                call(
                        "POST",
                        family + "/cart/FORMAL/items",
                        token,
                        JSON.createObjectNode().put("unitId", unitId)));
        assertOk(
                call(
                        "POST",
                        family + "/formal/confirm",
                        token,
                        JSON.createObjectNode()
                                .put("unitId", unitId)
                                .put("idempotencyKey", "sign-it-" + code)));
        return fid;
    }

    /** Starts the ceremony and walks it to the signed lease; the lease's document id. */
    private String signLease(String token, String signing) throws Exception {
        JsonNode started = ok(call("POST", signing + "/ceremony", token, null));
        String base = "/api/signing/" + started.path("ceremony").path("id").asText();
        assertOk(call("POST", base + "/confirm", token, null));
        String commitment = ok(call("GET", base, token, null)).path("commitmentText").asText();
        Thread.sleep(1100);
        assertOk(call("POST", base + "/commitment/read", token, null));
        assertOk(
                call(
                        "POST",
                        base + "/commitment/text",
                        token,
                        JSON.createObjectNode().put("text", commitment)));
        String face = passedFaceSession(token, started.path("face").path("purpose").asText());
        assertOk(
                call(
                        "POST",
                        base + "/face",
                        token,
                        JSON.createObjectNode().put("sessionId", face)));
        Thread.sleep(1100);
        assertOk(call("POST", base + "/contract/read", token, null));
        return ok(call("POST", base + "/signature", token, signaturePad()))
                .path("documentId")
                .asText();
    }

    /**
     * A batch fed through the line's exported API: one unit, a formal session running now, one
     * family.
     */
    private String batchOf(String code, String name, String idNumber) throws Exception {
        Instant now = Instant.now();
        SelectionBatch batch =
                new SelectionBatch(code, "签约测试批次", now.minusSeconds(3600), null, 600)
                        .unit(
                                "3-1203",
                                "福田安居苑",
                                "3栋",
                                "一房一厅",
                                "南",
                                "1203",
                                12,
                                5230,
                                RENT_FEN,
                                "深圳市福田区安居路1号")
                        .session(1, "第1场", now.minusSeconds(60), now.plusSeconds(3600), 10)
                        .family(1, name, idNumber, 3, 1);
        return createBatch(batch).path("id").asText();
    }

    private String unitId(String token, String batchId) throws Exception {
        JsonNode units =
                ok(call("GET", "/api/selection/batches/" + batchId + "/units", token, null));
        assertEquals(units.toString(), 1, units.path("items").size());
        return units.path("items").get(0).path("id").asText();
    }

    private String familyId(String token, String batchCode) throws Exception {
        for (JsonNode f : ok(call("GET", "/api/selection/me", token, null))) {
            if (batchCode.equals(f.path("batch").path("code").asText())) {
                return f.path("familyId").asText();
            }
        }
        throw new AssertionError("no family in " + batchCode);
    }

    private String demoLogin(String account) throws Exception {
        await(
                "demo account " + account,
                () -> {
                    try {
                        return loginResponse(account, DEMO_PASSWORD).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
        return login(account, DEMO_PASSWORD);
    }

    /** A photo of a bank card side, distinct per {@code mark}. */
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
                        "card.png",
                        "image/png",
                        out.toByteArray());
        assertTrue(
                new String(r.body(), StandardCharsets.UTF_8),
                r.statusCode() == 201 || r.statusCode() == 200);
        return json(r.body()).path("id").asText();
    }

    private static ObjectNode bank(String front, String back) {
        return JSON.createObjectNode()
                .put("bankName", "中国工商银行深圳福田支行")
                .put("accountName", "张三")
                .put("cardNumber", "6222 0202 0011 2230 004")
                .put("frontAttachmentId", front)
                .put("backAttachmentId", back);
    }

    private static String field(JsonNode form, String name) {
        for (JsonNode f : form.path("fields")) {
            if (name.equals(f.path("name").asText())) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no field " + name + " in " + form);
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    private static void assertOk(HttpResponse<String> r) {
        assertEquals(r.body(), 200, r.statusCode());
    }

    private static void assertSlug(HttpResponse<String> r, int status, String slug)
            throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        assertEquals(r.body(), "urn:guangsha:problem:" + slug, json(r).path("type").asText());
    }
}
