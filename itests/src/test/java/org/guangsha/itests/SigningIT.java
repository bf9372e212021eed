package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningRequest;
import org.guangsha.platform.document.SigningService;
import org.guangsha.platform.i18n.LocalizedText;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The signing ceremony (P-3) over HTTP: every step refused out of order, the countdowns enforced by
 * the server, the commitment typed, the face checked on the phone, and a contract whose PDF holds
 * the handwritten signature and the city's valid digital signature.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SigningIT extends CitizenTestSupport {

    private static final String CONTRACT =
            """
            # 测试租赁合同
            承租人 ${holderName} 租用 ${address}，月租金 ${rent} 元。
            [signature:tenant 承租人签名]
            """;

    private static final String COMMITMENT = "本人承诺所提交的信息真实有效，如有虚假，愿承担相应责任。";

    @Inject BundleContext context;

    @Inject SigningService signing;

    @Test
    public void theCeremonyGoesStepByStepToASignedContract() throws Exception {
        awaitIdentity();
        ServiceRegistration<DocumentType> type = registerContract();
        try {
            Person tenant = new Person("刘德华", Person.newIdNumber(), Person.newMobile());
            String token = registerL2(tenant);
            String accountId =
                    json(call("GET", "/api/identity/me", token, null)).path("id").asText();
            SigningFlow flow = start(accountId, Duration.ofSeconds(2), Duration.ofSeconds(2));
            String base = "/api/signing/" + flow.id();

            JsonNode view = json(call("GET", base, token, null));
            assertEquals("CONFIRM_DETAILS", view.path("step").asText());
            assertEquals("福田区保障房1栋101", view.path("values").path("address").asText());
            assertTrue(
                    view.path("commitmentText").isNull()
                            || view.path("commitmentText").isMissingNode());
            assertEquals("sign:" + flow.id(), view.path("facePurpose").asText());
            assertEquals(200, bytes(base + "/contract", token).statusCode());

            // nobody else sees the flow; every later step is refused before its time
            String other = registerAndLogin(Person.random());
            assertEquals(404, call("GET", base, other, null).statusCode());
            assertEquals(404, call("POST", base + "/confirm", other, null).statusCode());
            assertOutOfOrder(call("POST", base + "/commitment/read", token, null));
            assertOutOfOrder(call("POST", base + "/commitment/text", token, text(COMMITMENT)));
            assertOutOfOrder(
                    call(
                            "POST",
                            base + "/face",
                            token,
                            JSON.createObjectNode().put("sessionId", "x")));
            assertOutOfOrder(call("POST", base + "/contract/read", token, null));
            assertOutOfOrder(call("POST", base + "/signature", token, signature(true)));

            // 1 confirm → 2 read the commitment, not before its countdown
            assertEquals("READ_COMMITMENT", step(call("POST", base + "/confirm", token, null)));
            assertOutOfOrder(call("POST", base + "/confirm", token, null));
            JsonNode reading = json(call("GET", base, token, null));
            assertEquals(COMMITMENT, reading.path("commitmentText").asText());
            HttpResponse<String> early = call("POST", base + "/commitment/read", token, null);
            assertEquals(409, early.statusCode());
            assertEquals(
                    "urn:guangsha:problem:countdown-running", json(early).path("type").asText());
            assertTrue(early.headers().firstValue("Retry-After").isPresent());
            Thread.sleep(2100);
            assertEquals(
                    "TYPE_COMMITMENT", step(call("POST", base + "/commitment/read", token, null)));

            // 3 the commitment must be the letter's text (line breaks and spaces may differ)
            assertField(call("POST", base + "/commitment/text", token, text("本人承诺。")), "text");
            String pasted = COMMITMENT.substring(0, 10) + "\n  " + COMMITMENT.substring(10);
            assertEquals(
                    "FACE_CHECK",
                    step(call("POST", base + "/commitment/text", token, text(pasted))));

            // 4 a face check for another purpose does not count; one for this flow does
            String forVerify = passedFaceSession(token, "verify");
            HttpResponse<String> wrongFace =
                    call(
                            "POST",
                            base + "/face",
                            token,
                            JSON.createObjectNode().put("sessionId", forVerify));
            assertEquals(409, wrongFace.statusCode());
            assertEquals(
                    "urn:guangsha:problem:face-check-required",
                    json(wrongFace).path("type").asText());
            String face = passedFaceSession(token, "sign:" + flow.id());
            assertEquals(
                    "READ_CONTRACT",
                    step(
                            call(
                                    "POST",
                                    base + "/face",
                                    token,
                                    JSON.createObjectNode().put("sessionId", face))));

            // 5 the contract, not before its countdown
            assertEquals(409, call("POST", base + "/contract/read", token, null).statusCode());
            Thread.sleep(2100);
            assertEquals("SIGN", step(call("POST", base + "/contract/read", token, null)));

            // 6 an empty pad is no signature; a drawn one signs
            assertField(call("POST", base + "/signature", token, signature(false)), "image");
            HttpResponse<String> signed = call("POST", base + "/signature", token, signature(true));
            assertEquals(signed.body(), 200, signed.statusCode());
            assertEquals("DONE", json(signed).path("step").asText());
            String documentId = json(signed).path("documentId").asText();
            assertOutOfOrder(call("POST", base + "/signature", token, signature(true)));

            HttpResponse<byte[]> pdf = bytes("/api/documents/" + documentId + "/pdf", token);
            assertEquals(200, pdf.statusCode());
            assertTrue(LicenceIT.pdfText(pdf.body()).contains("刘德华"));
            assertCitySignatureVerifies(pdf.body());
            assertTrue(
                    json(call("GET", "/api/documents/" + documentId, token, null))
                            .path("signed")
                            .asBoolean());
        } finally {
            type.unregister();
        }
    }

    @Test
    public void anUnknownContractOrSignatureFieldIsRefusedAtTheStart() throws Exception {
        awaitIdentity();
        ServiceRegistration<DocumentType> type = registerContract();
        try {
            String token = registerL2(Person.random());
            String accountId =
                    json(call("GET", "/api/identity/me", token, null)).path("id").asText();
            try {
                signing.start(request(accountId, "itest-contract", "landlord", Duration.ZERO));
                throw new AssertionError("started without the signature field");
            } catch (org.guangsha.platform.rest.ProblemException expected) {
                assertEquals("signatureField", expected.problem().errors().get(0).field());
            }
            try {
                signing.start(request(accountId, "no-such-contract", "tenant", Duration.ZERO));
                throw new AssertionError("started an unknown contract");
            } catch (org.guangsha.platform.rest.ProblemException expected) {
                assertEquals("documentTypeId", expected.problem().errors().get(0).field());
            }
        } finally {
            type.unregister();
        }
    }

    private SigningFlow start(String accountId, Duration commitment, Duration contract) {
        SigningRequest r = request(accountId, "itest-contract", "tenant", commitment);
        return signing.start(
                new SigningRequest(
                        r.module(),
                        r.reference(),
                        r.accountId(),
                        r.documentTypeId(),
                        r.values(),
                        r.signatureField(),
                        r.commitmentText(),
                        commitment,
                        contract,
                        r.regionCode(),
                        r.caseId()));
    }

    private static SigningRequest request(
            String accountId, String type, String field, Duration reading) {
        return new SigningRequest(
                "itest",
                "itest-allocation-1",
                accountId,
                type,
                Map.of("address", "福田区保障房1栋101", "rent", "1200"),
                field,
                COMMITMENT,
                reading,
                reading,
                "440304",
                null);
    }

    private ServiceRegistration<DocumentType> registerContract() {
        Dictionary<String, Object> props = new Hashtable<>();
        return context.registerService(
                DocumentType.class,
                DocumentType.of(
                        "itest-contract", LocalizedText.of("测试租赁合同", "Test lease"), null, CONTRACT),
                props);
    }

    private static void assertOutOfOrder(HttpResponse<String> r) throws Exception {
        assertEquals(r.body(), 409, r.statusCode());
        assertEquals(
                "urn:guangsha:problem:signing-step-out-of-order", json(r).path("type").asText());
    }

    private static String step(HttpResponse<String> r) throws Exception {
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).path("step").asText();
    }

    private static JsonNode text(String text) {
        return JSON.createObjectNode().put("text", text);
    }

    /** A signature pad's PNG: a stroke, or nothing drawn. */
    private static JsonNode signature(boolean drawn) throws Exception {
        BufferedImage pad = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        if (drawn) {
            Graphics2D g = pad.createGraphics();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawLine(20, 80, 120, 30);
            g.drawLine(120, 30, 260, 90);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(pad, "png", out);
        return JSON.createObjectNode()
                .put(
                        "image",
                        "data:image/png;base64,"
                                + Base64.getEncoder().encodeToString(out.toByteArray()));
    }

    /**
     * One signature over the whole file, valid, by the city's (demo) key; the drawn signature on
     * the page.
     */
    private static void assertCitySignatureVerifies(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getSignatureDictionaries().size());
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
            int[] range = sig.getByteRange();
            assertEquals("the signature covers the whole file", pdf.length, range[2] + range[3]);
            CMSSignedData cms =
                    new CMSSignedData(
                            new CMSProcessableByteArray(sig.getSignedContent(pdf)),
                            sig.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder holder =
                    (X509CertificateHolder)
                            cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertTrue(
                    "the CMS signature verifies",
                    signer.verify(
                            new JcaSimpleSignerInfoVerifierBuilder()
                                    .setProvider(new BouncyCastleProvider())
                                    .build(holder)));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            assertTrue(
                    cert.getSubjectX500Principal().getName(),
                    cert.getSubjectX500Principal().getName().contains("Guangsha"));

            boolean image = false;
            for (COSName name : doc.getPage(0).getResources().getXObjectNames()) {
                image |= doc.getPage(0).getResources().getXObject(name) instanceof PDImageXObject;
            }
            assertTrue("the handwritten signature is on the page", image);
            assertNotNull(sig.getSignDate());
        }
    }
}
