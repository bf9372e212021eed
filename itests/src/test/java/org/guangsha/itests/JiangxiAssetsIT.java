package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * Family assets and the authorization commitment letter (JX-7): each yes needs its details; the
 * letter is signed on screen (a PDF the core issues) or printed, signed and uploaded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiAssetsIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /**
     * JX-7: hasVehicle (real estate, business) true without details is 400 naming the list; with
     * them they are stored (JX_ASSET) and read back.
     */
    @Test
    public void everyYesNeedsItsDetails() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("唐军", 1980);
        Applicant a = applicantAfterFace(p);
        saved(a.token(), a.id(), "family", family(member("SELF", p, "UNMARRIED")));
        signCommitment(a.token(), a.id());
        assertStepField(
                step(a.token(), a.id(), "assets", noAssets().put("hasVehicle", true), false),
                "assets",
                "vehicles");
        assertStepField(
                step(a.token(), a.id(), "assets", noAssets().put("hasRealEstate", true), false),
                "assets",
                "realEstates");
        assertStepField(
                step(a.token(), a.id(), "assets", noAssets().put("hasBusiness", true), false),
                "assets",
                "businesses");
        ObjectNode unanswered = noAssets();
        unanswered.remove("hasVehicle");
        assertStepField(
                step(a.token(), a.id(), "assets", unanswered, false), "assets", "hasVehicle");
        assertStepField(
                step(a.token(), a.id(), "assets", noAssets().put("securitiesFen", -5), false),
                "assets",
                "securitiesFen");

        ObjectNode withCar = noAssets().put("hasVehicle", true);
        withCar.withArray("vehicles")
                .addObject()
                .put("ownerName", p.name())
                .put("plateNumber", "赣A12345")
                .put("model", "比亚迪秦")
                .put("valueFen", 6_000_000);
        withCar.put("hasBusiness", true)
                .withArray("businesses")
                .addObject()
                .put("ownerName", p.name())
                .put("name", "南昌市东湖区唐记小吃店")
                .put("creditCode", creditCode("92360102MA35C0YT1"));
        HttpResponse<String> r = step(a.token(), a.id(), "assets", withCar, false);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode assets = json(r).path("assets");
        assertTrue(assets.path("hasVehicle").asBoolean());
        assertEquals("赣A12345", assets.path("vehicles").get(0).path("plateNumber").asText());
        assertEquals(6_000_000, assets.path("vehicles").get(0).path("valueFen").asLong());
        assertEquals(
                2, count(dataSource, "SELECT COUNT(*) FROM JX_ASSET WHERE CASE_ID = ?", a.id()));
        assertEquals(200, step(a.token(), a.id(), "assets", noAssets(), false).statusCode());
        assertEquals(
                0, count(dataSource, "SELECT COUNT(*) FROM JX_ASSET WHERE CASE_ID = ?", a.id()));
    }

    /**
     * JX-7: the letter signed on screen: the core issues an authorization-commitment-letter, a PDF;
     * a new signature replaces and revokes the earlier letter; an empty pad is refused.
     */
    @Test
    public void theLetterSignedOnScreenIsADocument() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("许诺", 1990);
        Applicant a = applicantAfterFace(p);
        saved(a.token(), a.id(), "family", family(member("SELF", p, "UNMARRIED")));
        // complete only with the letter
        assertStepField(
                step(a.token(), a.id(), "assets", noAssets(), false), "assets", "commitment");
        assertEquals(200, step(a.token(), a.id(), "assets", noAssets(), true).statusCode());

        HttpResponse<byte[]> blank = bytes(app(a.id()) + "/commitment/pdf", a.token());
        assertEquals(200, blank.statusCode());
        assertTrue(startsWithPdf(blank.body()));
        assertTrue(LicenceIT.pdfText(blank.body()).contains(p.name()));

        assertField(
                call(
                        "POST",
                        app(a.id()) + "/commitment/signature",
                        a.token(),
                        JSON.createObjectNode().put("image", "data:image/png;base64,AAAA")),
                "image");

        JsonNode signed = signCommitment(a.token(), a.id());
        JsonNode commitment = signed.path("assets").path("commitment");
        assertEquals("SIGNED_ON_SCREEN", commitment.path("mode").asText());
        String documentId = commitment.path("documentId").asText();
        assertFalse(documentId.isEmpty());
        JsonNode document = json(call("GET", "/api/documents/" + documentId, a.token(), null));
        assertEquals("authorization-commitment-letter", document.path("typeId").asText());
        assertEquals(a.id(), document.path("caseId").asText());
        assertTrue(
                saved(a.token(), a.id(), "assets", noAssets())
                        .path("steps")
                        .path("assets")
                        .asBoolean());
        HttpResponse<byte[]> pdf = bytes("/api/documents/" + documentId + "/pdf", a.token());
        assertEquals(200, pdf.statusCode());
        assertTrue(startsWithPdf(pdf.body()));
        assertTrue(LicenceIT.pdfText(pdf.body()).contains("授权承诺书"));

        // signed again: the new letter replaces the old one, which is revoked
        JsonNode again = signCommitment(a.token(), a.id());
        String newer = again.path("assets").path("commitment").path("documentId").asText();
        assertNotEquals(documentId, newer);
        JsonNode old = json(call("GET", "/api/documents/" + documentId, a.token(), null));
        assertFalse(old.path("revokedAt").isNull() || old.path("revokedAt").isMissingNode());
        // the application holds the newer letter
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE CASE_ID = ? AND"
                                + " COMMITMENT_DOCUMENT_ID = ?",
                        a.id(),
                        newer));
    }

    /**
     * JX-7: on a PC the letter is printed, signed, photographed and uploaded as the applicant's
     * signed-letter; another kind or another citizen's file is refused.
     */
    @Test
    public void theLetterPrintedSignedAndUploaded() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("邓超", 1987);
        Applicant a = applicantAfterFace(p);
        saved(a.token(), a.id(), "family", family(member("SELF", p, "UNMARRIED")));
        HttpResponse<byte[]> download =
                bytes(app(a.id()) + "/commitment/pdf?download=true", a.token());
        assertEquals(200, download.statusCode());
        assertTrue(
                download.headers()
                        .firstValue("Content-Disposition")
                        .orElse("")
                        .contains("attachment"));

        String wrongKind = upload(a.token(), "id-card-front");
        assertField(commitmentUpload(a.token(), a.id(), wrongKind), "attachmentId");
        String stranger = registerL2(jiangxiPerson("路人", 1970));
        String theirs = upload(stranger, "signed-letter");
        int status = commitmentUpload(a.token(), a.id(), theirs).statusCode();
        assertTrue("another citizen's letter: " + status, status == 400 || status == 404);

        String letter = upload(a.token(), "signed-letter");
        HttpResponse<String> r = commitmentUpload(a.token(), a.id(), letter);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode commitment = json(r).path("assets").path("commitment");
        assertEquals("UPLOADED", commitment.path("mode").asText());
        assertEquals(letter, commitment.path("attachmentId").asText());
        assertFalse(commitment.path("at").asText().isEmpty());
        // the stranger cannot upload into this application either
        assertEquals(404, commitmentUpload(stranger, a.id(), theirs).statusCode());
    }

    private HttpResponse<String> commitmentUpload(String token, String id, String attachmentId)
            throws Exception {
        return call(
                "POST",
                app(id) + "/commitment/upload",
                token,
                JSON.createObjectNode().put("attachmentId", attachmentId));
    }

    /** {@code first17} with its GB 32100 check character. */
    private static String creditCode(String first17) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + chars.charAt((31 - sum % 31) % 31);
    }

    private static boolean startsWithPdf(byte[] body) {
        return new String(Arrays.copyOf(body, 5), StandardCharsets.US_ASCII).equals("%PDF-");
    }
}
