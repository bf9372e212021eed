package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.persistence.EntityManagerFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.document.sign.PdfSignatureVerifier;
import org.guangsha.platform.internal.document.sign.SignatureCheck;
import org.guangsha.platform.internal.identity.AccountService;
import org.guangsha.platform.internal.identity.PlatformTestDatabase;
import org.guangsha.platform.internal.storage.FileStore;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DocumentService.issueSigned} (P-3, JX-7): the authorization commitment letter signed on a
 * phone's pad comes out with the signature in its box and sealed by the city; signatures that are
 * not PNGs, empty pads and fields the template lacks are refused naming {@code signature}, and
 * nothing is stored then.
 */
class SignedDocumentTest {

    private static final String LETTER = "authorization-commitment-letter";

    @TempDir static Path keys;

    private static CitySeal seal;

    @TempDir Path files;

    private EntityManagerFactory emf;
    private DocumentIssuer documents;
    private String holder;

    @BeforeAll
    static void cityKey() {
        seal =
                new CitySeal(
                        keys.resolve("city.p12"),
                        "demo-password".toCharArray(),
                        "seal",
                        true,
                        "南昌市",
                        Clock.systemUTC());
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        emf = PlatformTestDatabase.create();
        AccountService accounts = PlatformTestDatabase.accounts(emf);
        PdfRenderer renderer = new PdfRenderer(CjkFont.shared());
        documents =
                new DocumentIssuer(
                        new JpaTransactions(emf),
                        new FileStore(files),
                        accounts,
                        seal,
                        () -> renderer,
                        Clock.systemUTC(),
                        "https://housing.example.cn");
        holder =
                accounts.ensureCitizen(
                        "刘小军",
                        ResidentIdNumber.withCheckCharacter("36010319910721441"),
                        "18679112345",
                        "Citizen#2026",
                        TrustLevel.L2);
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void theLetterSignedOnThePadCarriesTheSignatureAndTheCitySeal() throws IOException {
        byte[] png = PdfRendererTest.png(300, 100);
        IssuedDocument issued = documents.issueSigned(letter(), Map.of("applicant", png));

        assertTrue(issued.signed());
        assertEquals(LETTER, issued.typeId());
        byte[] pdf = documents.pdf(issued.id());
        String text = Pdfs.text(pdf);
        assertTrue(text.contains("授权承诺书") && text.contains(issued.number()), text);

        // the image is drawn once, in the applicant's box on the letter's last page
        try (PDDocument document = Pdfs.load(pdf)) {
            int last = document.getNumberOfPages() - 1;
            int images = 0;
            for (int page = 0; page <= last; page++) {
                List<Pdfs.DrawnImage> drawn = new Pdfs.PageContent(document.getPage(page)).images;
                images += drawn.size();
                if (page == last) {
                    assertEquals(1, drawn.size(), "the signature on the last page");
                    assertEquals(300, drawn.get(0).pixelWidth());
                    assertEquals(3.0, drawn.get(0).at().width() / drawn.get(0).at().height(), 0.01);
                }
            }
            assertEquals(1, images);
        }

        // sealed by the city: intact, covering the whole file, with the city's certificate
        List<SignatureCheck> checks = new PdfSignatureVerifier().verify(pdf);
        assertEquals(1, checks.size());
        assertTrue(checks.get(0).allPassed(), checks.get(0).problems().toString());
        assertEquals(seal.certificateSha256(), checks.get(0).certificateSha256());
        assertEquals(List.of(issued), documents.ofHolder(holder));
    }

    @Test
    void aFieldTheTemplateLacksIsRefusedNamingSignature() {
        ProblemException e =
                refused(
                        Map.of(
                                "applicant",
                                PdfRendererTest.png(300, 100),
                                "tenant",
                                PdfRendererTest.png(300, 100)));
        assertTrue(e.problem().errors().get(0).message().contains("tenant"));
        assertTrue(e.problem().errors().get(0).message().contains("applicant"));
    }

    @Test
    void somethingElseThanAPngIsRefusedNamingSignature() throws IOException {
        refused(Map.of("applicant", jpeg()));
        refused(
                Map.of(
                        "applicant",
                        "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] truncated = PdfRendererTest.png(300, 100);
        refused(Map.of("applicant", java.util.Arrays.copyOf(truncated, truncated.length / 2)));
        Map<String, byte[]> none = new LinkedHashMap<>();
        none.put("applicant", null);
        refused(none);
    }

    @Test
    void anEmptyPadOrNoSignatureAtAllIsRefused() throws IOException {
        ProblemException empty = refused(Map.of("applicant", blankPng()));
        assertTrue(empty.problem().errors().get(0).message().contains("签名为空"));
        refused(Map.of());
        refused(null);
    }

    @Test
    void anImageTooLargeForAPadIsRefused() {
        byte[] big = new byte[DocumentIssuer.MAX_SIGNATURE_BYTES + 1];
        System.arraycopy(PdfRendererTest.png(10, 10), 0, big, 0, 8);
        refused(Map.of("applicant", big));
    }

    @Test
    void anUnknownTypeIsRefusedNamingTypeId() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                documents.issueSigned(
                                        new IssueRequest(
                                                "no-such-type", holder, null, null, Map.of()),
                                        Map.of("applicant", PdfRendererTest.png(300, 100))));
        assertEquals("typeId", e.problem().errors().get(0).field());
    }

    @Test
    void theSameCheckedImageIsWhatTheRendererGets() {
        byte[] png = PdfRendererTest.png(300, 100);
        Map<String, byte[]> checked =
                DocumentIssuer.signatures(
                        documents.type(LETTER).orElseThrow(), Map.of("applicant", png));
        assertEquals(List.of("applicant"), List.copyOf(checked.keySet()));
        assertTrue(checked.get("applicant").length > 8);
        assertArrayEquals(
                java.util.Arrays.copyOf(png, 8),
                java.util.Arrays.copyOf(checked.get("applicant"), 8));
    }

    private ProblemException refused(Map<String, byte[]> pngs) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> documents.issueSigned(letter(), pngs));
        assertEquals(400, e.problem().status());
        assertEquals("signature", e.problem().errors().get(0).field());
        assertFalse(e.problem().errors().get(0).messageEn().isBlank());
        assertTrue(documents.ofHolder(holder).isEmpty(), "nothing issued");
        return e;
    }

    private IssueRequest letter() {
        Map<String, String> values = new LinkedHashMap<>(TemplatesTest.authorizationValues());
        values.put("signedOn", "2026-11-23");
        return new IssueRequest(LETTER, holder, "360102", null, values);
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static byte[] blankPng() throws IOException {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
