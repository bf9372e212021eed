package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Printable documents (P-1, P-2): a type registered by another bundle, issued as a PDF with the
 * Chinese font embedded, a number, a validity and a QR code that leads to the public verification
 * page; only its holder and the caseworkers of its region see it; a caseworker revokes it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DocumentIT extends CitizenTestSupport {

    private static final String TEMPLATE =
            """
            # 政策性住房信息证明
            兹证明 ${holderName} 在本市的政策性住房信息如下，本证明有效期一个月。
            | 项目 | ${project} |
            | 面积 | ${area} 平方米 |
            > 文书编号 ${documentNumber}
            """;

    @Inject BundleContext context;

    @Inject SessionFactory sessions;

    @Inject DocumentService documents;

    @Test
    public void aDocumentIsAChinesePdfWithAQrCodeToItsPublicVerificationPage() throws Exception {
        awaitIdentity();
        ServiceRegistration<DocumentType> type = registerType();
        try {
            Person holder = new Person("陈美玲", Person.newIdNumber(), Person.newMobile());
            String token = registerAndLogin(holder);
            String holderId =
                    json(call("GET", "/api/identity/me", token, null)).path("id").asText();
            IssuedDocument d =
                    documents.issue(
                            new IssueRequest(
                                    "itest-housing-record",
                                    holderId,
                                    "440304",
                                    null,
                                    Map.of("project", "福田保障房小区", "area", "58.6")));
            assertEquals(d.issuedOn().plusMonths(1), d.validUntil());
            assertTrue(d.number(), d.number().matches("GS\\d{8}-[0-9A-Z]{8}"));

            JsonNode mine = json(call("GET", "/api/documents", token, null));
            assertEquals(d.id(), mine.get(0).path("id").asText());
            assertEquals("VALID", mine.get(0).path("status").asText());

            HttpResponse<byte[]> pdf =
                    bytes("/api/documents/" + d.id() + "/pdf?download=true", token);
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            String disposition = pdf.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition, disposition.startsWith("attachment;"));
            assertTrue(
                    disposition, disposition.contains("filename*=UTF-8''%E6%94%BF%E7%AD%96")); // 政策
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                String text = LicenceIT.pdfText(pdf.body());
                assertTrue(text, text.contains("政策性住房信息证明"));
                assertTrue(text, text.contains("陈美玲") && text.contains("福田保障房小区"));
                assertTrue(text, text.contains(d.number()));
                PDResources resources = doc.getPage(0).getResources();
                boolean embeddedSubset = false;
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    embeddedSubset |= font.isEmbedded() && font.getName().matches("[A-Z]{6}\\+.*");
                }
                assertTrue("the CJK font is embedded as a subset", embeddedSubset);

                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
                int[] pixels =
                        page.getRGB(
                                0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
                String qr =
                        new QRCodeReader()
                                .decode(
                                        new BinaryBitmap(
                                                new HybridBinarizer(
                                                        new RGBLuminanceSource(
                                                                page.getWidth(),
                                                                page.getHeight(),
                                                                pixels))))
                                .getText();
                assertEquals("http://localhost:8181/verify/" + d.number(), qr);
            }

            // the public page: no login, masked name, never the ID number
            HttpResponse<String> page = get("/verify/" + d.number());
            assertEquals(200, page.statusCode());
            assertTrue(page.body(), page.body().contains("陈**") && page.body().contains("有效"));
            assertFalse(page.body().contains("陈美玲"));
            assertFalse(page.body().contains(holder.idNumber()));
            HttpResponse<String> verification = get("/api/documents/verification/" + d.number());
            assertEquals(200, verification.statusCode());
            assertEquals("VALID", json(verification).path("status").asText());
            assertFalse(verification.body().contains(holder.idNumber()));
            assertEquals(404, get("/verify/GS20000101-NOSUCH00").statusCode());

            // nobody else sees it; a caseworker of another district neither
            String other = registerAndLogin(Person.random());
            assertEquals(404, call("GET", "/api/documents/" + d.id(), other, null).statusCode());
            assertEquals(404, bytes("/api/documents/" + d.id() + "/pdf", other).statusCode());
            JsonNode reason = JSON.createObjectNode().put("reason", "信息有误，重新出具");
            assertEquals(
                    403,
                    call("POST", "/api/documents/" + d.id() + "/revoke", token, reason)
                            .statusCode());
            String nanshan = staffToken(sessions, "CASEWORKER", "440305");
            assertEquals(
                    404,
                    call("POST", "/api/documents/" + d.id() + "/revoke", nanshan, reason)
                            .statusCode());

            String futian = staffToken(sessions, "CASEWORKER", "440304");
            assertEquals(200, bytes("/api/documents/" + d.id() + "/pdf", futian).statusCode());
            assertField(
                    call(
                            "POST",
                            "/api/documents/" + d.id() + "/revoke",
                            futian,
                            JSON.createObjectNode()),
                    "reason");
            HttpResponse<String> revoked =
                    call("POST", "/api/documents/" + d.id() + "/revoke", futian, reason);
            assertEquals(revoked.body(), 200, revoked.statusCode());
            assertEquals("REVOKED", json(revoked).path("status").asText());
            assertTrue(get("/verify/" + d.number()).body().contains("已撤销"));
        } finally {
            type.unregister();
        }
    }

    @Test
    public void aDocumentWithAMissingValueIsRefused() throws Exception {
        awaitIdentity();
        ServiceRegistration<DocumentType> type = registerType();
        try {
            String token = registerAndLogin(Person.random());
            String holderId =
                    json(call("GET", "/api/identity/me", token, null)).path("id").asText();
            try {
                documents.issue(
                        new IssueRequest(
                                "itest-housing-record",
                                holderId,
                                null,
                                null,
                                Map.of("project", "x")));
                throw new AssertionError("issued without the area");
            } catch (org.guangsha.platform.rest.ProblemException expected) {
                assertEquals(400, expected.problem().status());
                assertTrue(expected.problem().errors().get(0).message().contains("area"));
            }
            assertEquals(0, json(call("GET", "/api/documents", token, null)).size());
        } finally {
            type.unregister();
        }
    }

    /**
     * P-3, JX-7: the authorization commitment letter signed on a phone's pad is issued through
     * {@code issueSigned}: signed, sealed by the city over the whole file, the signature image on
     * its last page; a field the template lacks is 400 naming {@code signature}.
     */
    @Test
    public void aLetterSignedOnThePadIsSealedByTheCity() throws Exception {
        awaitIdentity();
        String token =
                registerAndLogin(new Person("刘小军", Person.newIdNumber(), Person.newMobile()));
        String holderId = json(call("GET", "/api/identity/me", token, null)).path("id").asText();
        Map<String, String> values =
                Map.of(
                        "housingAuthorityName", "南昌市住房保障和房产管理局",
                        "applicantName", "刘小军",
                        "applicantIdNumber", "3601**********4415",
                        "cityName", "南昌市",
                        "applicantPhone", "186****2345",
                        "coApplicants", "无",
                        "signedOn", "2026-11-23");
        IssueRequest letter =
                new IssueRequest(
                        "authorization-commitment-letter", holderId, "360102", null, values);
        try {
            documents.issueSigned(letter, Map.of("tenant", pad()));
            throw new AssertionError("signed a field the letter lacks");
        } catch (org.guangsha.platform.rest.ProblemException expected) {
            assertEquals(400, expected.problem().status());
            assertEquals("signature", expected.problem().errors().get(0).field());
        }

        IssuedDocument d = documents.issueSigned(letter, Map.of("applicant", pad()));
        assertTrue(d.signed());
        HttpResponse<byte[]> pdf = bytes("/api/documents/" + d.id() + "/pdf", token);
        assertEquals(200, pdf.statusCode());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertEquals(1, doc.getSignatureDictionaries().size());
            org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature seal =
                    doc.getSignatureDictionaries().get(0);
            assertEquals("ETSI.CAdES.detached", seal.getSubFilter());
            int[] range = seal.getByteRange();
            assertEquals("the seal covers the whole file", pdf.body().length, range[2] + range[3]);
            PDResources last = doc.getPage(doc.getNumberOfPages() - 1).getResources();
            boolean image = false;
            for (COSName name : last.getXObjectNames()) {
                image |=
                        last.getXObject(name)
                                instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
            }
            assertTrue("the handwritten signature is on the last page", image);
        }
        assertTrue(
                json(get("/api/documents/verification/" + d.number())).path("signed").asBoolean());
    }

    /** A signature pad's PNG with a stroke on it. */
    private static byte[] pad() throws java.io.IOException {
        BufferedImage pad = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = pad.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawLine(20, 80, 120, 30);
        g.drawLine(120, 30, 260, 90);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pad, "png", out);
        return out.toByteArray();
    }

    private ServiceRegistration<DocumentType> registerType() throws InterruptedException {
        Dictionary<String, Object> props = new Hashtable<>();
        ServiceRegistration<DocumentType> reg =
                context.registerService(
                        DocumentType.class,
                        DocumentType.of(
                                "itest-housing-record",
                                LocalizedText.of("政策性住房信息", "Policy housing record"),
                                Period.ofMonths(1),
                                TEMPLATE),
                        props);
        return reg;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
