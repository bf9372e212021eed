package org.guangsha.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.attachment.CaseFileAccess;
import org.guangsha.platform.rest.ProblemException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Attachments over HTTP: checked from their bytes, stored once, readable by the owner
 * and the case's caseworkers only, frozen with their case; bad files refused with nothing stored.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AttachmentIT extends CitizenTestSupport {

    @Inject BundleContext context;

    @Inject SessionFactory sessions;

    @Inject AttachmentService attachments;

    @Test
    public void anUploadIsStoredOnceAndOnlyItsOwnerSeesIt() throws Exception {
        awaitIdentity();
        String owner = registerAndLogin(Person.random());
        String other = registerAndLogin(Person.random());
        byte[] jpeg = jpeg(Color.BLUE);

        HttpResponse<byte[]> first =
                multipart(
                        "POST",
                        "/api/attachments",
                        owner,
                        "id-card-front",
                        "身份证正面.jpg",
                        "image/jpeg",
                        jpeg);
        assertEquals(new String(first.body(), StandardCharsets.UTF_8), 201, first.statusCode());
        JsonNode a = json(first.body());
        String id = a.path("id").asText();
        assertEquals("id-card-front", a.path("kind").asText());
        assertEquals("image/jpeg", a.path("mediaType").asText());
        assertEquals("身份证正面.jpg", a.path("fileName").asText());
        assertFalse(a.path("frozen").asBoolean());

        // the same bytes again: the same attachment, nothing stored twice
        HttpResponse<byte[]> again =
                multipart(
                        "POST",
                        "/api/attachments",
                        owner,
                        "id-card-front",
                        "again.jpg",
                        "image/jpeg",
                        jpeg);
        assertEquals(200, again.statusCode());
        assertEquals(id, json(again.body()).path("id").asText());
        assertEquals(
                1, json(call("GET", "/api/attachments?kind=id-card-front", owner, null)).size());

        HttpResponse<byte[]> content = bytes("/api/attachments/" + id + "/content", owner);
        assertEquals(200, content.statusCode());
        assertEquals("image/jpeg", content.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", content.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertArrayEquals(jpeg, content.body());

        // another citizen learns nothing: 404 everywhere, and cannot file it with their case
        assertEquals(404, call("GET", "/api/attachments/" + id, other, null).statusCode());
        assertEquals(404, bytes("/api/attachments/" + id + "/content", other).statusCode());
        assertEquals(404, call("DELETE", "/api/attachments/" + id, other, null).statusCode());
        assertEquals(
                404,
                multipart(
                                "PUT",
                                "/api/attachments/" + id,
                                other,
                                null,
                                "x.jpg",
                                "image/jpeg",
                                jpeg(Color.RED))
                        .statusCode());
        assertEquals(0, json(call("GET", "/api/attachments", other, null)).size());
        String otherId = json(call("GET", "/api/identity/me", other, null)).path("id").asText();
        try {
            attachments.fileWithCase("case-of-other", otherId, List.of(id));
            throw new AssertionError("another citizen's file was filed");
        } catch (ProblemException expected) {
            assertEquals(404, expected.problem().status());
        }
        assertEquals(401, call("GET", "/api/attachments/" + id, null, null).statusCode());
    }

    @Test
    public void badFilesAreRefusedAndNothingIsStored() throws Exception {
        awaitIdentity();
        String token = registerAndLogin(Person.random());
        long filesBefore = storedFiles();
        byte[] png = png();
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("program.jpg", concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[2048]));
        corpus.put("with-zip.png", concat(png, zip()));
        byte[] jpeg = jpeg(Color.GREEN);
        corpus.put("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        corpus.put(
                "too-large.pdf",
                concat(
                        "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                        new byte[1024 * 1024 - 8 + 1]));
        corpus.put("empty.jpg", new byte[0]);
        corpus.put("script.pdf", pdfWithJavaScript());
        corpus.put("locked.pdf", encryptedPdf());
        corpus.put("bomb.png", bombPng());
        for (Map.Entry<String, byte[]> bad : corpus.entrySet()) {
            HttpResponse<byte[]> r =
                    multipart(
                            "POST",
                            "/api/attachments",
                            token,
                            "certificate",
                            bad.getKey(),
                            "image/jpeg",
                            bad.getValue());
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(bad.getKey() + ": " + body, r.statusCode() == 400 || r.statusCode() == 413);
            assertTrue(
                    bad.getKey(),
                    r.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .startsWith("application/problem+json"));
            JsonNode error = json(r.body()).path("errors").get(0);
            assertEquals(bad.getKey() + ": " + body, "file", error.path("field").asText());
            assertFalse(bad.getKey(), error.path("message").asText().isBlank());
        }
        assertEquals(0, json(call("GET", "/api/attachments", token, null)).size());
        assertEquals(filesBefore, storedFiles());
    }

    @Test
    public void gpsIsStrippedFromPhotos() throws Exception {
        awaitIdentity();
        String token = registerAndLogin(Person.random());
        byte[] jpeg = jpeg(Color.ORANGE);
        byte[] withGps = withExifGps(jpeg);
        assertTrue(indexOf(withGps, "Exif".getBytes(StandardCharsets.US_ASCII)) > 0);
        HttpResponse<byte[]> r =
                multipart(
                        "POST",
                        "/api/attachments",
                        token,
                        "bank-card",
                        "card.jpg",
                        "image/jpeg",
                        withGps);
        assertEquals(201, r.statusCode());
        byte[] stored =
                bytes("/api/attachments/" + json(r.body()).path("id").asText() + "/content", token)
                        .body();
        assertEquals(-1, indexOf(stored, "Exif".getBytes(StandardCharsets.US_ASCII)));
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertEquals(64, image.getWidth());
    }

    @Test
    public void filedFilesFreezeWithTheirCaseAndItsCaseworkersMayReadThem() throws Exception {
        awaitIdentity();
        String owner = registerAndLogin(Person.random());
        String ownerId = json(call("GET", "/api/identity/me", owner, null)).path("id").asText();
        String id =
                json(multipart(
                                        "POST",
                                        "/api/attachments",
                                        owner,
                                        "certificate",
                                        "证明.png",
                                        "image/png",
                                        png())
                                .body())
                        .path("id")
                        .asText();
        String caseId = "itest-case-" + System.nanoTime();
        attachments.fileWithCase(caseId, ownerId, List.of(id));
        assertEquals(1, attachments.ofCase(caseId).size());

        // a caseworker reads a case's files only when the case service says so
        String caseworker = staffToken(sessions, "CASEWORKER", "440304");
        assertEquals(404, call("GET", "/api/attachments/" + id, caseworker, null).statusCode());
        Dictionary<String, Object> props = new Hashtable<>();
        ServiceRegistration<CaseFileAccess> access =
                context.registerService(
                        CaseFileAccess.class,
                        (caller, c) -> c.equals(caseId) && caller.roles().contains("CASEWORKER"),
                        props);
        try {
            await(
                    "the case's caseworker reads the file",
                    () -> {
                        try {
                            return call("GET", "/api/attachments/" + id, caseworker, null)
                                            .statusCode()
                                    == 200;
                        } catch (Exception e) {
                            return false;
                        }
                    });
            assertEquals(
                    200, bytes("/api/attachments/" + id + "/content", caseworker).statusCode());
        } finally {
            access.unregister();
        }

        // submitting the case freezes it: no delete, no replace
        attachments.freezeCase(caseId);
        assertTrue(
                json(call("GET", "/api/attachments/" + id, owner, null))
                        .path("frozen")
                        .asBoolean());
        HttpResponse<String> delete = call("DELETE", "/api/attachments/" + id, owner, null);
        assertEquals(409, delete.statusCode());
        assertEquals("urn:guangsha:problem:attachment-frozen", json(delete).path("type").asText());
        assertEquals(
                409,
                multipart(
                                "PUT",
                                "/api/attachments/" + id,
                                owner,
                                null,
                                "new.png",
                                "image/png",
                                jpeg(Color.RED))
                        .statusCode());
        // upload once: the frozen file can still be filed with the owner's next case
        attachments.fileWithCase(caseId + "-next", ownerId, List.of(id));
        assertEquals(id, attachments.ofCase(caseId + "-next").get(0).id());
    }

    @Test
    public void anUnfiledFileCanBeReplacedAndDeleted() throws Exception {
        awaitIdentity();
        String owner = registerAndLogin(Person.random());
        String id =
                json(multipart(
                                        "POST",
                                        "/api/attachments",
                                        owner,
                                        "other",
                                        "a.png",
                                        "image/png",
                                        png())
                                .body())
                        .path("id")
                        .asText();
        HttpResponse<byte[]> replaced =
                multipart(
                        "PUT",
                        "/api/attachments/" + id,
                        owner,
                        null,
                        "b.jpg",
                        "image/jpeg",
                        jpeg(Color.RED));
        assertEquals(200, replaced.statusCode());
        assertEquals("image/jpeg", json(replaced.body()).path("mediaType").asText());
        assertEquals(204, call("DELETE", "/api/attachments/" + id, owner, null).statusCode());
        assertEquals(404, call("GET", "/api/attachments/" + id, owner, null).statusCode());
    }

    private static long storedFiles() throws IOException {
        Path root = Path.of(System.getProperty("karaf.data"), "guangsha", "files");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static byte[] jpeg(Color color) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, 63, 47);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("payload.txt"));
            z.write("hidden".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] pdfWithJavaScript() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x');"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A well-formed PNG whose header claims 50,000 × 50,000 pixels. */
    private static byte[] bombPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
        ihdr.putInt(50_000)
                .putInt(50_000)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(new byte[100_000]);
        deflater.finish();
        byte[] buffer = new byte[10_000];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
            throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with an APP1 Exif segment holding a GPS latitude, right after SOI. */
    private static byte[] withExifGps(byte[] jpeg) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(44);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0: one entry, GPS IFD pointer (0x8825) at offset 26
        tiff.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(26)
                .putInt(0);
        // GPS IFD: GPSLatitudeRef = "N"
        tiff.putShort((short) 1)
                .putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put(new byte[] {'N', 0, 0, 0})
                .putInt(0);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        java.nio.ByteBuffer app1 = java.nio.ByteBuffer.allocate(4 + exif.length);
        app1.put((byte) 0xff).put((byte) 0xe1).putShort((short) (exif.length + 2)).put(exif);
        return concat(
                concat(Arrays.copyOf(jpeg, 2), app1.array()),
                Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
