package org.guangsha.platform.internal.document.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSignatureTest {

    private static final char[] PASSWORD = "demo-password".toCharArray();
    private static final Instant SIGNED_AT = Instant.parse("2026-05-01T08:30:00Z");
    private static final Instant COUNTERSIGNED_AT = Instant.parse("2026-05-02T09:15:30Z");
    private static final String TEXT = "Lease contract No. 0001";

    @TempDir static Path directory;

    private static SigningKey key;
    private static byte[] pdf;
    private static byte[] signed;

    private final PdfSigner signer = new PdfSigner();
    private final PdfSignatureVerifier verifier = new PdfSignatureVerifier();

    @BeforeAll
    static void signOnce() throws IOException {
        key =
                CityKeyStore.createDemo(
                        directory.resolve("city.p12"), PASSWORD, "seal", "深圳市", Clock.systemUTC());
        pdf = samplePdf();
        signed =
                new PdfSigner()
                        .sign(
                                pdf,
                                key,
                                "深圳市住房和建设局",
                                "合同签章 Contract seal",
                                "深圳 Shenzhen",
                                SIGNED_AT);
    }

    @Test
    void aSignedPdfVerifiesAsSignedByTheCitysCertificate() {
        List<SignatureCheck> checks = verifier.verify(signed);

        assertEquals(1, checks.size());
        SignatureCheck check = checks.get(0);
        assertTrue(check.coversWholeFile());
        assertTrue(check.cryptographicallyValid());
        assertTrue(check.signingCertificateValid());
        assertTrue(check.allPassed());
        assertEquals(List.of(), check.problems());
        assertEquals(key.certificateSha256(), check.certificateSha256());
        assertEquals("深圳市 " + CityKeyStore.DEMO_MARKER, check.signerCommonName());
        assertEquals("ETSI.CAdES.detached", check.subFilter());
        assertEquals(SIGNED_AT, check.signingTime());
    }

    @Test
    void signingAppendsAnIncrementalUpdate() {
        assertTrue(signed.length > pdf.length);
        assertArrayEquals(pdf, Arrays.copyOf(signed, pdf.length));
    }

    @Test
    void theSignatureIsPadesBaselineBAndInvisibleAndDoesNotCertify() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField field = document.getSignatureFields().get(0);
            PDSignature signature = field.getSignature();
            assertEquals("Adobe.PPKLite", signature.getFilter());
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            assertEquals("深圳市住房和建设局", signature.getName());
            assertEquals("合同签章 Contract seal", signature.getReason());
            assertEquals("深圳 Shenzhen", signature.getLocation());
            PDRectangle rectangle = field.getWidgets().get(0).getRectangle();
            assertEquals(0, rectangle.getWidth());
            assertEquals(0, rectangle.getHeight());
            assertNull(document.getDocumentCatalog().getCOSObject().getItem(COSName.PERMS));

            byte[] contents = signature.getContents();
            assertEquals(PdfSigner.reservedSize(key), contents.length);
            CMSSignedData cms = new CMSSignedData(contents);
            assertNull(cms.getSignedContent(), "detached");
            assertTrue(cms.getEncoded().length < contents.length);
            assertTrue(
                    cms.getCertificates()
                            .getMatches(null)
                            .contains(new JcaX509CertificateHolder(key.certificate())));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertEquals(NISTObjectIdentifiers.id_sha256.getId(), info.getDigestAlgOID());
            AttributeTable attributes = info.getSignedAttributes();
            assertNotNull(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
            assertNotNull(attributes.get(CMSAttributes.contentType));
            assertNotNull(attributes.get(CMSAttributes.messageDigest));
            // PAdES: the claimed time is /M, a CMS signing-time attribute is not allowed.
            assertNull(attributes.get(CMSAttributes.signingTime));
        }
    }

    @Test
    void theSignedPdfStillReadsTheSame() throws IOException {
        String before = text(pdf);
        assertTrue(before.contains(TEXT), before);
        assertEquals(before, text(signed));
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertEquals(1, document.getNumberOfPages());
        }
    }

    @Test
    void changingOneSignedByteBreaksTheSignature() throws IOException {
        byte[] tampered = signed.clone();
        int at = indexOf(tampered, TEXT.getBytes(StandardCharsets.US_ASCII));
        tampered[at + TEXT.length() - 1] = '9';
        // The forgery itself reads fine …
        assertTrue(text(tampered).contains("Lease contract No. 0009"));

        SignatureCheck check = verifier.verify(tampered).get(0);
        // … but the signature no longer matches.
        assertFalse(check.cryptographicallyValid());
        assertTrue(check.coversWholeFile());
        assertFalse(check.allPassed());
        assertTrue(
                check.problems().contains("the signed bytes were changed after signing"),
                check.problems().toString());
    }

    @Test
    void bytesAddedAfterSigningAreNoticed() {
        byte[] appended = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy(
                "\n% appended\n".getBytes(StandardCharsets.US_ASCII),
                0,
                appended,
                signed.length,
                12);

        SignatureCheck check = verifier.verify(appended).get(0);
        assertFalse(check.coversWholeFile());
        assertTrue(check.cryptographicallyValid());
        assertTrue(check.signingCertificateValid());
        assertFalse(check.allPassed());
    }

    @Test
    void aSecondSignatureLeavesTheFirstValidButNoLongerCoveringTheFile() {
        byte[] twice = signer.sign(signed, key, "广厦", "Countersigned", null, COUNTERSIGNED_AT);

        List<SignatureCheck> checks = verifier.verify(twice);
        assertEquals(2, checks.size());
        SignatureCheck first = checks.get(0);
        SignatureCheck second = checks.get(1);
        assertEquals(SIGNED_AT, first.signingTime());
        assertFalse(first.coversWholeFile());
        assertTrue(first.cryptographicallyValid());
        assertTrue(first.signingCertificateValid());
        assertEquals(COUNTERSIGNED_AT, second.signingTime());
        assertTrue(second.allPassed(), second.problems().toString());
        assertNotEquals(first.fieldName(), second.fieldName());
        assertEquals(key.certificateSha256(), second.certificateSha256());
    }

    @Test
    void aLookalikeCertificatePassesTheChecksButHasAnotherFingerprint() {
        SigningKey impostor =
                CityKeyStore.createDemo(
                        directory.resolve("impostor.p12"),
                        PASSWORD,
                        "seal",
                        "深圳市",
                        Clock.systemUTC());
        byte[] forged = signer.sign(pdf, impostor, "深圳市住房和建设局", null, null, SIGNED_AT);

        SignatureCheck check = verifier.verify(forged).get(0);
        assertTrue(check.allPassed());
        assertEquals("深圳市 " + CityKeyStore.DEMO_MARKER, check.signerCommonName());
        assertNotEquals(key.certificateSha256(), check.certificateSha256());
    }

    @Test
    void anUnsignedPdfHasNoSignatures() {
        assertEquals(List.of(), verifier.verify(pdf));
    }

    @Test
    void bytesThatAreNoPdfAreRefusedClearly() {
        byte[] garbage = "this is not a PDF at all".getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> verifier.verify(garbage));
        assertTrue(e.getMessage().startsWith("Not a readable PDF"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> verifier.verify(new byte[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> signer.sign(garbage, key, null, null, null, SIGNED_AT));
    }

    @Test
    void anUnreadableSignatureIsReportedNotThrown() throws IOException {
        byte[] broken = signed.clone();
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getSignatureDictionaries().get(0).getByteRange();
        }
        // Keep it a hex string of the same length, but no CMS any more.
        Arrays.fill(broken, range[1] + 1, range[2] - 1, (byte) '0');

        SignatureCheck check = verifier.verify(broken).get(0);
        assertFalse(check.cryptographicallyValid());
        assertFalse(check.signingCertificateValid());
        assertNull(check.certificateSha256());
        assertEquals(SIGNED_AT, check.signingTime(), "falls back to /M");
        assertTrue(
                check.problems().contains("the /Contents is not a readable CMS SignedData"),
                check.problems().toString());
    }

    @Test
    void aTruncatedSignedPdfNeverPasses() {
        byte[] truncated = Arrays.copyOf(signed, signed.length - 100);
        List<SignatureCheck> checks;
        try {
            checks = verifier.verify(truncated);
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertFalse(checks.isEmpty());
        checks.forEach(check -> assertFalse(check.allPassed()));
    }

    private static byte[] samplePdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            // Uncompressed, so that a test can change the text in place.
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(TEXT);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
