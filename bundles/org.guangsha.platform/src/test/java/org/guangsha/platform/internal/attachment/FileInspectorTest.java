package org.guangsha.platform.internal.attachment;

import static org.guangsha.platform.internal.attachment.TestFiles.afterIhdr;
import static org.guangsha.platform.internal.attachment.TestFiles.afterSoi;
import static org.guangsha.platform.internal.attachment.TestFiles.ascii;
import static org.guangsha.platform.internal.attachment.TestFiles.chunk;
import static org.guangsha.platform.internal.attachment.TestFiles.concat;
import static org.guangsha.platform.internal.attachment.TestFiles.exif;
import static org.guangsha.platform.internal.attachment.TestFiles.indexOf;
import static org.guangsha.platform.internal.attachment.TestFiles.jpeg;
import static org.guangsha.platform.internal.attachment.TestFiles.markers;
import static org.guangsha.platform.internal.attachment.TestFiles.pdf;
import static org.guangsha.platform.internal.attachment.TestFiles.png;
import static org.guangsha.platform.internal.attachment.TestFiles.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.Test;

class FileInspectorTest {

    private static final long MB = 1024 * 1024;
    private static final Set<FileType> ALL = EnumSet.allOf(FileType.class);
    private static final Set<FileType> IMAGES = EnumSet.of(FileType.JPEG, FileType.PNG);

    private final FileInspector inspector = new FileInspector();

    private FileInspector.Inspected accept(byte[] content) {
        return inspector.inspect(content, ALL, MB);
    }

    private RejectedUploadException refuse(String code, byte[] content) {
        return refuse(inspector, code, content, ALL, MB);
    }

    private static RejectedUploadException refuse(
            FileInspector inspector,
            String code,
            byte[] content,
            Set<FileType> allowed,
            long maxBytes) {
        RejectedUploadException e =
                assertThrows(
                        RejectedUploadException.class,
                        () -> inspector.inspect(content, allowed, maxBytes));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    // --- size and type ---

    @Test
    void emptyUploadsAreRefused() {
        refuse(RejectedUploadException.EMPTY, new byte[0]);
        refuse(RejectedUploadException.EMPTY, null);
    }

    @Test
    void exactlyMaxBytesIsAcceptedAndOneMoreRefused() {
        byte[] photo = jpeg(64, 48);
        FileInspector.Inspected accepted = inspector.inspect(photo, ALL, photo.length);
        assertEquals(FileType.JPEG, accepted.type());
        refuse(inspector, RejectedUploadException.TOO_LARGE, photo, ALL, photo.length - 1);
    }

    @Test
    void tooLargeIsDecidedBeforeTheTypeAndSaysTheLimit() {
        RejectedUploadException e =
                refuse(RejectedUploadException.TOO_LARGE, new byte[(int) MB + 1]);
        assertEquals("文件太大，每个文件不能超过 1 MB，请压缩或缩小后重新上传", e.message());
        assertTrue(e.messageEn().contains("1 MB"), e.messageEn());
        RejectedUploadException kb =
                refuse(
                        inspector,
                        RejectedUploadException.TOO_LARGE,
                        new byte[500_001],
                        ALL,
                        500_000);
        assertEquals(
                "The file is larger than 500 KB; please make it smaller and upload it again",
                kb.messageEn());
    }

    @Test
    void limitsAreSaidTheWayCitizensSayThem() {
        assertEquals("1 MB", RejectedUploadException.size(1_048_576));
        assertEquals("2 MB", RejectedUploadException.size(2_000_000));
        assertEquals("1.5 MB", RejectedUploadException.size(1_572_864));
        assertEquals("512 KB", RejectedUploadException.size(524_288));
        assertEquals("300 KB", RejectedUploadException.size(300_000));
        assertEquals("1 KB", RejectedUploadException.size(1_500));
        assertEquals("999 B", RejectedUploadException.size(999));
    }

    @Test
    void aWindowsProgramCalledPhotoJpgIsAnUnknownType() {
        byte[] exe = new byte[4096];
        Arrays.fill(exe, (byte) 0x90);
        exe[0] = 'M';
        exe[1] = 'Z';
        RejectedUploadException e = refuse(RejectedUploadException.UNKNOWN_TYPE, exe);
        assertEquals("文件格式不支持，仅可上传 JPG、PNG、PDF", e.message());
        assertEquals("Only JPG, PNG and PDF files are accepted", e.messageEn());
    }

    @Test
    void gifZipAndTextAreUnknownTypes() {
        refuse(RejectedUploadException.UNKNOWN_TYPE, TestFiles.gif(16, 16));
        refuse(RejectedUploadException.UNKNOWN_TYPE, TestFiles.zip());
        refuse(RejectedUploadException.UNKNOWN_TYPE, ascii("<html><script>alert(1)</script>"));
        // the magic counts only at the very start
        refuse(RejectedUploadException.UNKNOWN_TYPE, concat(new byte[] {' '}, pdf((d, p) -> {})));
        // too short to be anything
        refuse(RejectedUploadException.UNKNOWN_TYPE, new byte[] {(byte) 0xFF, (byte) 0xD8});
    }

    @Test
    void aPdfWhereOnlyImagesAreAllowedIsATypeNotAllowed() {
        RejectedUploadException e =
                refuse(
                        inspector,
                        RejectedUploadException.TYPE_NOT_ALLOWED,
                        pdf((d, p) -> {}),
                        IMAGES,
                        MB);
        assertEquals("此处不能上传 PDF 文件，仅可上传 JPG、PNG", e.message());
        RejectedUploadException unknown =
                refuse(
                        inspector,
                        RejectedUploadException.UNKNOWN_TYPE,
                        TestFiles.gif(4, 4),
                        IMAGES,
                        MB);
        assertEquals("Only JPG and PNG files are accepted", unknown.messageEn());
    }

    // --- PNG ---

    @Test
    void aPlainPngIsAcceptedWithItsSize() {
        byte[] png = png(40, 30);
        FileInspector.Inspected result = accept(png);
        assertEquals(FileType.PNG, result.type());
        assertEquals(40, result.width());
        assertEquals(30, result.height());
        assertEquals(0, result.pages());
        assertArrayEquals(png, result.content());
    }

    @Test
    void palettesAndTransparencyAreKept() {
        IndexColorModel palette =
                new IndexColorModel(
                        2,
                        4,
                        new byte[] {0, (byte) 255, 0, 0},
                        new byte[] {0, 0, (byte) 255, 0},
                        new byte[] {0, 0, 0, (byte) 255},
                        0);
        BufferedImage indexed = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(3, 3, 0, 2);
        byte[] png = png(indexed);
        assertTrue(indexOf(png, ascii("PLTE")) > 0);
        assertTrue(indexOf(png, ascii("tRNS")) > 0);
        assertArrayEquals(png, accept(png).content());
    }

    @Test
    void aGreyPhotoIsTurnedUprightInGrey() {
        BufferedImage grey = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
        byte[] photo = afterSoi(jpeg(grey), segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 6)));
        FileInspector.Inspected result = accept(photo);
        assertEquals(20, result.width());
        assertEquals(40, result.height());
        BufferedImage stored = TestFiles.read(result.content());
        assertEquals(1, stored.getRaster().getNumBands());
    }

    @Test
    void aPngWithAZipAppendedIsRefused() {
        refuse(RejectedUploadException.TRAILING_DATA, concat(png(20, 20), TestFiles.zip()));
    }

    @Test
    void aPngWithABadCrcIsRefused() {
        byte[] png = png(20, 20);
        byte[] badCrc = png.clone();
        badCrc[29] ^= 1; // the last byte of IHDR's CRC
        refuse(RejectedUploadException.UNDECODABLE, badCrc);
        byte[] badData = png.clone();
        badData[45] ^= 1; // inside the first IDAT
        refuse(RejectedUploadException.UNDECODABLE, badData);
    }

    @Test
    void aCutPngIsTruncated() {
        byte[] png = png(20, 20);
        refuse(RejectedUploadException.TRUNCATED, Arrays.copyOf(png, png.length / 2));
        refuse(RejectedUploadException.TRUNCATED, Arrays.copyOf(png, png.length - 12));
    }

    @Test
    void aPngBombIsRefusedBeforeDecoding() {
        RejectedUploadException e =
                refuse(
                        RejectedUploadException.IMAGE_TOO_LARGE,
                        TestFiles.pngClaiming(50_000, 50_000));
        assertTrue(e.message().contains("10000"), e.message());
        assertTrue(e.message().contains("4000万"), e.message());
        // 9,000 × 9,000 is within the side limit but 81 megapixels
        refuse(RejectedUploadException.IMAGE_TOO_LARGE, TestFiles.pngClaiming(9_000, 9_000));
        // a decoder would have found the tiny IDAT short of data: the size was decided first
        refuse(RejectedUploadException.UNDECODABLE, TestFiles.pngClaiming(2_000, 2_000));
    }

    @Test
    void imageLimitsAreTheInspectorsParameters() {
        FileInspector small = new FileInspector(100, 5_000, 10);
        assertEquals(100, small.inspect(png(100, 50), ALL, MB).width());
        refuse(small, RejectedUploadException.IMAGE_TOO_LARGE, png(101, 10), ALL, MB);
        refuse(small, RejectedUploadException.IMAGE_TOO_LARGE, png(80, 80), ALL, MB);
        refuse(small, RejectedUploadException.IMAGE_TOO_LARGE, jpeg(10, 101), ALL, MB);
        refuse(small, RejectedUploadException.IMAGE_TOO_LARGE, jpeg(71, 71), ALL, MB);
    }

    @Test
    void pngTextChunksAreRemoved() {
        byte[] png = png(30, 20);
        byte[] withText =
                afterIhdr(png, chunk("tEXt", ascii("Comment\0taken at 22.5N 114.0E home")));
        byte[] withTime =
                afterIhdr(withText, chunk("tIME", new byte[] {7, (byte) 0xEA, 1, 2, 3, 4, 5}));
        FileInspector.Inspected result = accept(withTime);
        assertEquals(-1, indexOf(result.content(), ascii("tEXt")));
        assertEquals(-1, indexOf(result.content(), ascii("114.0E")));
        assertEquals(-1, indexOf(result.content(), ascii("tIME")));
        assertArrayEquals(png, result.content());
        BufferedImage decoded = TestFiles.read(result.content());
        assertEquals(30, decoded.getWidth());
        assertEquals(20, decoded.getHeight());
    }

    @Test
    void pngChunksOutOfPlaceAreRefused() {
        byte[] png = png(10, 10);
        byte[] ihdr = Arrays.copyOfRange(png, 8, 33);
        byte[] rest = Arrays.copyOfRange(png, 33, png.length);
        // IHDR must come first
        refuse(
                RejectedUploadException.UNDECODABLE,
                concat(Png.SIGNATURE, chunk("tEXt", ascii("a\0b")), ihdr, rest));
        // an unknown critical chunk forbids drawing the image
        refuse(RejectedUploadException.UNDECODABLE, afterIhdr(png, chunk("ZZZZ", new byte[4])));
    }

    // --- JPEG ---

    @Test
    void aCutJpegIsTruncated() {
        byte[] photo = jpeg(200, 150);
        refuse(RejectedUploadException.TRUNCATED, Arrays.copyOf(photo, photo.length / 2));
        refuse(RejectedUploadException.TRUNCATED, Arrays.copyOf(photo, photo.length - 2));
        refuse(RejectedUploadException.TRUNCATED, Arrays.copyOf(photo, 30));
    }

    @Test
    void dataAfterEoiIsNeverStored() {
        // phones append gain maps, motion-photo videos or vendor trailers after the image: the
        // photo is accepted, and only the image itself is stored
        byte[] photo = jpeg(64, 48);
        assertArrayEquals(photo, accept(concat(photo, TestFiles.zip())).content());
        assertArrayEquals(photo, accept(concat(photo, new byte[] {0, 0, 1})).content());
        FileInspector.Inspected padded = accept(concat(photo, new byte[100]));
        assertArrayEquals(photo, padded.content(), "padding is not stored");
    }

    @Test
    void aJpegFrameClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        byte[] photo = jpeg(64, 48);
        int sof = indexOf(photo, new byte[] {(byte) 0xFF, (byte) 0xC0});
        byte[] bomb = photo.clone();
        // SOF0: FF C0, length (2), precision (1), height (2), width (2)
        bomb[sof + 5] = (byte) 0xEA;
        bomb[sof + 6] = 0x60;
        bomb[sof + 7] = (byte) 0xEA;
        bomb[sof + 8] = 0x60;
        refuse(RejectedUploadException.IMAGE_TOO_LARGE, bomb);
    }

    @Test
    void bytesBetweenSegmentsAreRefused() {
        byte[] photo = jpeg(32, 32);
        // ImageIO writes SOI and an 18-byte JFIF APP0 first
        assertEquals(0xDB, photo[21] & 0xFF);
        byte[] hidden =
                concat(
                        Arrays.copyOf(photo, 20),
                        ascii("<?php system($_GET[c]); ?>"),
                        Arrays.copyOfRange(photo, 20, photo.length));
        refuse(RejectedUploadException.UNDECODABLE, hidden);
    }

    @Test
    void exifWithGpsIsStrippedWithoutTouchingTheImageData() {
        byte[] photo = jpeg(120, 80);
        byte[] fromPhone =
                afterSoi(
                        photo,
                        segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 1)),
                        segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>")),
                        segment(0xED, ascii("Photoshop 3.0\08BIM")),
                        segment(0xFE, ascii("shot at home")));
        assertTrue(indexOf(fromPhone, TestFiles.GPS_LATITUDE) > 0, "the test file has GPS");

        FileInspector.Inspected result = accept(fromPhone);

        byte[] stored = result.content();
        assertFalse(markers(stored).contains(0xE1), "no APP1");
        assertFalse(markers(stored).contains(0xED), "no APP13");
        assertFalse(markers(stored).contains(0xFE), "no COM");
        assertEquals(-1, indexOf(stored, ascii("Exif")));
        assertEquals(-1, indexOf(stored, TestFiles.GPS_LATITUDE));
        assertEquals(-1, indexOf(stored, ascii("xmpmeta")));
        assertEquals(-1, indexOf(stored, ascii("at home")));
        // lossless: exactly the JPEG before the metadata went in
        assertArrayEquals(photo, stored);
        assertEquals(120, result.width());
        assertEquals(80, result.height());
        BufferedImage decoded = TestFiles.read(stored);
        assertEquals(120, decoded.getWidth());
        assertEquals(80, decoded.getHeight());
    }

    @Test
    void iccProfileAndAdobeSegmentsAreKept() {
        byte[] photo = jpeg(16, 16);
        byte[] icc = segment(0xE2, ascii("ICC_PROFILE\0\1\1not really a profile"));
        byte[] mpf = segment(0xE2, ascii("MPF\0II*\0"));
        FileInspector.Inspected result = accept(afterSoi(photo, icc, mpf));
        assertTrue(indexOf(result.content(), icc) > 0);
        assertEquals(-1, indexOf(result.content(), ascii("MPF")));
    }

    @Test
    void theJfifThumbnailIsDropped() {
        byte[] photo = jpeg(16, 16);
        byte[] thumbnail = new byte[14 + 3 * 2 * 2];
        System.arraycopy(ascii("JFIF\0\1\1\0\0\1\0\1"), 0, thumbnail, 0, 12);
        thumbnail[12] = 2;
        thumbnail[13] = 2;
        Arrays.fill(thumbnail, 14, thumbnail.length, (byte) 0x7B);
        FileInspector.Inspected result = accept(afterSoi(photo, segment(0xE0, thumbnail)));
        assertEquals(
                -1, indexOf(result.content(), new byte[] {0x7B, 0x7B, 0x7B, 0x7B, 0x7B, 0x7B}));
    }

    @Test
    void aPhotoTakenWithThePhoneTurnedIsStoredUpright() {
        // The camera stores the sensor's rows; orientation 6 says the picture is seen after
        // turning them a quarter clockwise. Stored pixel (c, r) is seen at (W-1-r, c).
        int w = 96;
        int h = 64;
        BufferedImage sensor = new BufferedImage(h, w, BufferedImage.TYPE_3BYTE_BGR);
        for (int r = 0; r < w; r++) {
            for (int c = 0; c < h; c++) {
                sensor.setRGB(c, r, TestFiles.quadrant(w - 1 - r, c, w, h).getRGB());
            }
        }
        byte[] photo = afterSoi(jpeg(sensor), segment(0xE1, exif(ByteOrder.LITTLE_ENDIAN, 6)));

        FileInspector.Inspected result = accept(photo);

        assertEquals(w, result.width());
        assertEquals(h, result.height());
        assertEquals(-1, indexOf(result.content(), ascii("Exif")));
        assertFalse(markers(result.content()).contains(0xE1));
        BufferedImage seen = TestFiles.read(result.content());
        assertEquals(w, seen.getWidth());
        assertEquals(h, seen.getHeight());
        assertColour(Color.RED, seen, w / 4, h / 4);
        assertColour(Color.GREEN, seen, 3 * w / 4, h / 4);
        assertColour(Color.BLUE, seen, w / 4, 3 * h / 4);
        assertColour(Color.WHITE, seen, 3 * w / 4, 3 * h / 4);
    }

    @Test
    void anUprightPhotoIsNotReencoded() {
        byte[] photo = jpeg(64, 32);
        byte[] upright = afterSoi(photo, segment(0xE1, exif(ByteOrder.LITTLE_ENDIAN, 1)));
        assertArrayEquals(photo, accept(upright).content());
        byte[] turned = afterSoi(photo, segment(0xE1, exif(ByteOrder.LITTLE_ENDIAN, 3)));
        FileInspector.Inspected result = accept(turned);
        assertNotEquals(photo.length, result.content().length, "re-encoded");
        assertColour(Color.WHITE, TestFiles.read(result.content()), 16, 8);
    }

    @Test
    void cmykScansAreAcceptedAndTurnedUpright() {
        byte[] scan = TestFiles.cmykJpeg(40, 30);
        FileInspector.Inspected result = accept(scan);
        assertArrayEquals(scan, result.content());
        assertEquals(40, result.width());
        FileInspector.Inspected turned =
                accept(afterSoi(scan, segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 8))));
        assertEquals(30, turned.width());
        assertEquals(40, turned.height());
        assertEquals(30, TestFiles.read(turned.content()).getWidth());
    }

    private static void assertColour(Color expected, BufferedImage image, int x, int y) {
        Color actual = new Color(image.getRGB(x, y));
        int distance =
                Math.abs(expected.getRed() - actual.getRed())
                        + Math.abs(expected.getGreen() - actual.getGreen())
                        + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(distance < 60, "at " + x + "," + y + " expected " + expected + " got " + actual);
    }

    // --- PDF ---

    @Test
    void aSimplePdfIsAcceptedAsUploaded() {
        byte[] pdf =
                pdf(
                        (document, page) -> {
                            // a drawing, not text: fonts would make PDFBox scan the system's
                            try (PDPageContentStream content =
                                    new PDPageContentStream(document, page)) {
                                content.addRect(72, 600, 200, 100);
                                content.fill();
                            }
                            PDAnnotationLink link = new PDAnnotationLink();
                            link.setRectangle(new PDRectangle(72, 700, 100, 20));
                            PDActionURI uri = new PDActionURI();
                            uri.setURI("https://www.gov.cn/");
                            link.setAction(uri);
                            page.setAnnotations(List.of(link));
                        });
        FileInspector.Inspected result = accept(pdf);
        assertEquals(FileType.PDF, result.type());
        assertEquals(1, result.pages());
        assertEquals(0, result.width());
        assertSame(pdf, result.content());
    }

    @Test
    void pagesAreCountedAndCapped() {
        assertEquals(3, accept(pdf(3, (d, p) -> {})).pages());
        FileInspector twoPages = new FileInspector(10_000, 40_000_000, 2);
        RejectedUploadException e =
                refuse(
                        twoPages,
                        RejectedUploadException.PDF_TOO_MANY_PAGES,
                        pdf(3, (d, p) -> {}),
                        ALL,
                        MB);
        assertTrue(e.message().contains("2 页"), e.message());
    }

    @Test
    void javaScriptAsOpenActionIsRefused() {
        refuse(
                RejectedUploadException.PDF_JAVASCRIPT,
                pdf(
                        (document, page) ->
                                document.getDocumentCatalog()
                                        .setOpenAction(new PDActionJavaScript("app.alert(1)"))));
    }

    @Test
    void javaScriptOnlyInALinkIsRefused() {
        byte[] pdf =
                pdf(
                        (document, page) -> {
                            PDAnnotationLink link = new PDAnnotationLink();
                            link.setRectangle(new PDRectangle(10, 10, 100, 20));
                            link.setAction(new PDActionJavaScript("this.submitForm('x')"));
                            page.setAnnotations(List.of(link));
                        });
        // the action sits in a compressed object stream, out of sight of a byte search
        assertEquals(-1, indexOf(pdf, ascii("JavaScript")));
        refuse(RejectedUploadException.PDF_JAVASCRIPT, pdf);
    }

    @Test
    void documentLevelJavaScriptIsRefused() {
        refuse(
                RejectedUploadException.PDF_JAVASCRIPT,
                pdf(
                        (document, page) -> {
                            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
                            scripts.setNames(
                                    Map.of("init", new PDActionJavaScript("app.alert(1)")));
                            PDDocumentNameDictionary names =
                                    new PDDocumentNameDictionary(document.getDocumentCatalog());
                            names.setJavascript(scripts);
                            document.getDocumentCatalog().setNames(names);
                        }));
    }

    @Test
    void encryptedPdfsAreRefused() {
        refuse(RejectedUploadException.PDF_ENCRYPTED, encrypted("owner", ""));
        RejectedUploadException e =
                refuse(RejectedUploadException.PDF_ENCRYPTED, encrypted("owner", "user"));
        assertEquals("PDF 文件设置了密码或加密保护，请取消密码保护后重新上传", e.message());
    }

    private static byte[] encrypted(String owner, String user) {
        return pdf(
                (document, page) -> {
                    StandardProtectionPolicy policy =
                            new StandardProtectionPolicy(owner, user, new AccessPermission());
                    policy.setEncryptionKeyLength(128);
                    document.protect(policy);
                });
    }

    @Test
    void attachedFilesAreRefused() {
        refuse(
                RejectedUploadException.PDF_EMBEDDED_FILE,
                pdf(
                        (document, page) -> {
                            PDComplexFileSpecification spec = new PDComplexFileSpecification();
                            spec.setFile("invoice.exe");
                            spec.setEmbeddedFile(
                                    new PDEmbeddedFile(
                                            document,
                                            new ByteArrayInputStream(ascii("MZ not a program"))));
                            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
                            files.setNames(Map.of("invoice.exe", spec));
                            PDDocumentNameDictionary names =
                                    new PDDocumentNameDictionary(document.getDocumentCatalog());
                            names.setEmbeddedFiles(files);
                            document.getDocumentCatalog().setNames(names);
                        }));
        refuse(
                RejectedUploadException.PDF_EMBEDDED_FILE,
                pdf(
                        (document, page) -> {
                            PDAnnotationFileAttachment attachment =
                                    new PDAnnotationFileAttachment();
                            attachment.setRectangle(new PDRectangle(10, 10, 20, 20));
                            attachment.setFile(
                                    new PDSimpleFileSpecification(new COSString("x.txt")));
                            page.setAnnotations(List.of(attachment));
                        }));
    }

    @Test
    void launchActionsAreRefused() {
        refuse(
                RejectedUploadException.PDF_LAUNCH_ACTION,
                pdf(
                        (document, page) -> {
                            PDActionLaunch launch = new PDActionLaunch();
                            launch.setFile(new PDSimpleFileSpecification(new COSString("cmd.exe")));
                            document.getDocumentCatalog().setOpenAction(launch);
                        }));
    }

    @Test
    void threeDimensionalAnnotationsAndXfaFormsAreRefused() {
        refuse(
                RejectedUploadException.PDF_ACTIVE_CONTENT,
                pdf(
                        (document, page) -> {
                            COSDictionary annotation = new COSDictionary();
                            annotation.setItem(COSName.TYPE, COSName.ANNOT);
                            annotation.setName(COSName.SUBTYPE, "3D");
                            annotation.setItem(
                                    COSName.RECT, new PDRectangle(0, 0, 50, 50).getCOSArray());
                            page.setAnnotations(List.of(PDAnnotation.createAnnotation(annotation)));
                        }));
        refuse(
                RejectedUploadException.PDF_ACTIVE_CONTENT,
                pdf(
                        (document, page) -> {
                            PDAcroForm form = new PDAcroForm(document);
                            form.getCOSObject().setItem(COSName.XFA, new COSArray());
                            document.getDocumentCatalog().setAcroForm(form);
                        }));
    }

    @Test
    void aPdfWithSomethingAfterTheEndIsRefused() {
        refuse(RejectedUploadException.TRAILING_DATA, concat(pdf((d, p) -> {}), TestFiles.zip()));
        byte[] pdf = pdf((d, p) -> {});
        assertEquals(1, accept(concat(pdf, ascii("\r\n\0 "))).pages());
    }

    @Test
    void aCutOrBrokenPdfIsRefused() {
        byte[] pdf = pdf((d, p) -> {});
        refuse(RejectedUploadException.TRUNCATED, Arrays.copyOf(pdf, pdf.length / 2));
        refuse(
                RejectedUploadException.UNDECODABLE,
                "%PDF-1.7\nnothing that parses\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }
}
