package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T02:30:00Z");

    private final PdfRenderer renderer =
            new PdfRenderer(CjkFont.shared(), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));

    private static RenderRequest request(String template, Map<String, String> values) {
        return new RenderRequest(
                template, values, "GS-2026-000123", ISSUED, null, null, Map.of(), null);
    }

    @Test
    void chineseTextComesBackOutAsWritten() {
        String template =
                """
                # 入住通知书

                ## 第一条 入住人

                承租人${tenantName}于${date}入住，人民币一千元整。Latin words, too.
                """;
        byte[] pdf =
                renderer.render(
                        request(template, Map.of("tenantName", "张三丰", "date", "2026年12月1日")));

        String text = Pdfs.text(pdf);
        // 入, 一 and 人 share their glyphs with Kangxi radicals: the text layer must still say 入
        assertTrue(text.contains("入住通知书"), text);
        assertTrue(text.contains("第一条 入住人"), text);
        assertTrue(text.contains("承租人张三丰于2026年12月1日入住，人民币一千元整。Latin words, too."), text);
        assertFalse(text.codePoints().anyMatch(cp -> cp >= 0x2E80 && cp <= 0x2FDF), text);
    }

    @Test
    void firstPageCarriesDatesAndEveryPageTheFooter() {
        RenderRequest request =
                new RenderRequest(
                        "# 证明\n\n正文\n\n---\n\n第二页",
                        Map.of(),
                        "GS-2026-000777",
                        ISSUED,
                        LocalDate.of(2027, 11, 22),
                        null,
                        Map.of(),
                        null);
        byte[] pdf = renderer.render(request);

        String text = Pdfs.text(pdf).replaceAll("[ \u3000]+", " ");
        assertTrue(text.contains("签发日期 Issued: 2026-11-23"), text);
        assertTrue(text.contains("有效期至 Valid until: 2027-11-22"), text);
        assertTrue(text.contains("文件编号 No. GS-2026-000777 第 1 页 / 共 2 页 Page 1 of 2"), text);
        assertTrue(text.contains("文件编号 No. GS-2026-000777 第 2 页 / 共 2 页 Page 2 of 2"), text);
        assertFalse(Pdfs.text(renderer.render(request("# 证明", Map.of()))).contains("Valid until"));
    }

    @Test
    void documentInformationAndLanguage() throws IOException {
        byte[] pdf = renderer.render(request("# 公共租赁住房租赁合同\n\n正文", Map.of()));

        try (PDDocument document = Pdfs.load(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertEquals("公共租赁住房租赁合同", info.getTitle());
            assertEquals("Guangsha 广厦", info.getProducer());
            assertEquals(NOW.toEpochMilli(), info.getCreationDate().getTimeInMillis());
            assertEquals("zh-CN", document.getDocumentCatalog().getLanguage());
        }
        try (PDDocument untitled = Pdfs.load(renderer.render(request("正文", Map.of())))) {
            assertEquals("GS-2026-000123", untitled.getDocumentInformation().getTitle());
            Calendar created = untitled.getDocumentInformation().getCreationDate();
            assertEquals(NOW.toEpochMilli(), created.getTimeInMillis());
        }
    }

    @Test
    void qrCodeDecodesToTheVerificationUrl() throws Exception {
        String url = "https://guangsha.example.cn/verify/GS-2026-000123?code=8f3a9b2c";
        RenderRequest request =
                new RenderRequest(
                        "# 公共租赁住房入住通知书\n\n正文。",
                        Map.of(),
                        "GS-2026-000123",
                        ISSUED,
                        null,
                        url,
                        Map.of(),
                        null);
        byte[] pdf = renderer.render(request);

        assertEquals(url, Pdfs.decodeQrCode(pdf));
        assertTrue(Pdfs.text(pdf).contains("扫码核验 Scan to verify"));
        try (PDDocument document = Pdfs.load(pdf)) {
            // vector modules, no image
            assertTrue(new Pdfs.PageContent(document.getPage(0)).images.isEmpty());
            assertTrue(new Pdfs.PageContent(document.getPage(0)).rectangles.size() > 100);
        }
        assertFalse(Pdfs.text(renderer.render(request("# 通知\n\n正文。", Map.of()))).contains("Scan"));
    }

    @Test
    void signatureImageIsFittedIntoItsBoxOnTheRightPage() throws IOException {
        String template =
                """
                # 授权委托书

                第一页。

                ---

                [signature:principal 委托人签名]
                [signature:agent 受托人签名]
                """;
        RenderRequest request =
                new RenderRequest(
                        template,
                        Map.of(),
                        "GS-2026-000123",
                        ISSUED,
                        null,
                        null,
                        Map.of("agent", png(300, 100), "unusedField", png(10, 10)),
                        null);
        byte[] pdf = renderer.render(request);

        try (PDDocument document = Pdfs.load(pdf)) {
            assertEquals(2, document.getNumberOfPages());
            assertTrue(new Pdfs.PageContent(document.getPage(0)).images.isEmpty());
            assertTrue(Pdfs.text(document, 1).contains("受托人签名"));
            Pdfs.PageContent second = new Pdfs.PageContent(document.getPage(1));
            assertEquals(1, second.images.size(), "only the agent signed");
            Pdfs.DrawnImage image = second.images.get(0);
            assertEquals(300, image.pixelWidth());
            assertEquals(3.0, image.at().width() / image.at().height(), 0.01, "aspect ratio kept");
            List<Pdfs.Rect> boxes =
                    second.rectangles.stream()
                            .filter(
                                    r ->
                                            Math.abs(r.width() - 160) < 1
                                                    && Math.abs(r.height() - 60) < 1)
                            .toList();
            assertEquals(2, boxes.size(), "two signature boxes of 160 x 60");
            // the agent's box is the right-hand one
            Pdfs.Rect agentBox = boxes.get(0).x() > boxes.get(1).x() ? boxes.get(0) : boxes.get(1);
            assertTrue(agentBox.contains(image.at()), image + " in " + agentBox);
            assertTrue(image.at().width() > 140, "scaled up to fill the box: " + image);
        }
    }

    @Test
    void tallSignatureIsLimitedByTheBoxHeight() throws IOException {
        RenderRequest request =
                new RenderRequest(
                        "[signature:tenant 承租人签名]",
                        Map.of(),
                        "GS-1",
                        ISSUED,
                        null,
                        null,
                        Map.of("tenant", png(40, 200)),
                        null);
        try (PDDocument document = Pdfs.load(renderer.render(request))) {
            Pdfs.DrawnImage image = new Pdfs.PageContent(document.getPage(0)).images.get(0);
            assertEquals(54, image.at().height(), 0.01);
            assertEquals(0.2, image.at().width() / image.at().height(), 0.01);
        }
    }

    @Test
    void signatureBoxesTakeTheParagraphBeforeThemAlong() throws IOException {
        boolean movedTogether = false;
        for (int filler = 20; filler <= 40; filler++) {
            String template =
                    "填充一行。\n\n".repeat(filler) + "本人已阅读并同意上述内容。\n\n[signature:tenant 承租人签名]";
            try (PDDocument document = Pdfs.load(renderer.render(request(template, Map.of())))) {
                int last = document.getNumberOfPages() - 1;
                String page = Pdfs.text(document, last);
                assertTrue(page.contains("承租人签名"), page);
                assertTrue(page.contains("本人已阅读并同意上述内容。"), filler + ":\n" + page);
                movedTogether |= last > 0 && !page.contains("填充一行");
            }
        }
        assertTrue(movedTogether, "some filler length pushes the signature to a new page");
    }

    @Test
    void signatureThatIsNoPngIsRefused() {
        RenderRequest request =
                new RenderRequest(
                        "[signature:tenant 承租人签名]",
                        Map.of(),
                        "GS-1",
                        ISSUED,
                        null,
                        null,
                        Map.of("tenant", "GIF89a....".getBytes()),
                        null);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> renderer.render(request));
        assertTrue(e.getMessage().contains("tenant"), e.getMessage());
    }

    @Test
    void unknownPlaceholderIsRefusedNamingTheKey() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                renderer.render(
                                        request(
                                                "| 承租人 | ${tenantName} |",
                                                Map.of("tenantname", "张三"))));
        assertTrue(e.getMessage().contains("tenantName"), e.getMessage());
    }

    @Test
    void markupInValuesIsPrintedNotInterpreted() throws IOException {
        String template =
                """
                # 通知

                致：${name}

                | 地址 | ${address} |
                | 备注 | 无 |
                """;
        String name = "# 假标题\n| x | y |\n[signature:fake 假签名]\n---\n${address}";
        byte[] pdf =
                renderer.render(request(template, Map.of("name", name, "address", "> 南昌 | 红谷滩")));

        String text = Pdfs.text(pdf);
        assertTrue(text.contains("致：# 假标题"), text);
        assertTrue(text.contains("| x | y |"), text);
        assertTrue(text.contains("[signature:fake 假签名]"), text);
        assertTrue(text.contains("---"), text);
        assertTrue(text.contains("${address}"), text);
        assertTrue(text.contains("> 南昌 | 红谷滩"), text);
        try (PDDocument document = Pdfs.load(pdf)) {
            assertEquals(1, document.getNumberOfPages(), "--- in a value breaks no page");
            // the template's table: two rows of two cells; no box for the fake signature
            assertEquals(4, new Pdfs.PageContent(document.getPage(0)).rectangles.size());
        }
    }

    @Test
    void emptyValuePrintsABlankToFillIn() {
        String text = Pdfs.text(renderer.render(request("电话：${phone}。", Map.of("phone", ""))));
        assertTrue(text.contains("电话：________。"), text);
    }

    @Test
    void pageBreakStartsANewPage() throws IOException {
        byte[] pdf = renderer.render(request("第一页内容\n\n---\n\n第二页内容\n---\n---\n第三页内容", Map.of()));
        try (PDDocument document = Pdfs.load(pdf)) {
            assertEquals(3, document.getNumberOfPages(), "consecutive breaks make no empty page");
            assertTrue(Pdfs.text(document, 0).contains("第一页内容"));
            assertTrue(Pdfs.text(document, 1).contains("第二页内容"));
            assertFalse(Pdfs.text(document, 1).contains("第一页内容"));
            assertTrue(Pdfs.text(document, 2).contains("第三页内容"));
        }
    }

    @Test
    void longTextFlowsOverPagesAndKeepsEveryCharacter() throws IOException {
        StringBuilder template = new StringBuilder("# 长文\n\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            String sentence = "第" + i + "句：公共租赁住房的租金按月缴纳，逾期按日计收违约金。";
            template.append(sentence).append("\n\n");
            expected.append(sentence);
        }
        byte[] pdf = renderer.render(request(template.toString(), Map.of()));

        try (PDDocument document = Pdfs.load(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < pages; p++) {
                String page = Pdfs.text(document, p);
                assertTrue(page.contains("第 " + (p + 1) + " 页 / 共 " + pages + " 页"), page);
                for (String line : page.split("\\R")) {
                    if (!line.startsWith("文件编号") && !line.startsWith("签发日期")) {
                        body.append(line);
                    }
                }
            }
            assertTrue(body.toString().contains(expected), "no sentence lost over page ends");
        }
    }

    @Test
    void tableRowsAreNotSplitAcrossPages() throws IOException {
        StringBuilder template = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            template.append("| 第").append(i).append("行 | 第一行内容${lines} |\n");
        }
        byte[] pdf = renderer.render(request(template.toString(), Map.of("lines", "\n第二行\n第三行")));

        try (PDDocument document = Pdfs.load(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                for (Pdfs.Rect cell : new Pdfs.PageContent(document.getPage(p)).rectangles) {
                    assertTrue(cell.y() >= PageLayout.BOTTOM - 0.01, "cell below the margin");
                    assertTrue(cell.y() + cell.height() <= PageLayout.TOP + 0.01);
                }
                String text = Pdfs.text(document, p);
                long firsts = text.lines().filter(l -> l.contains("第一行内容")).count();
                long thirds = text.lines().filter(l -> l.contains("第三行")).count();
                assertEquals(firsts, thirds, "every row on page " + (p + 1) + " is whole");
            }
        }
    }

    @Test
    void stampIsOnEveryPage() throws IOException {
        RenderRequest request =
                new RenderRequest(
                        "第一页\n\n---\n\n第二页",
                        Map.of(),
                        "GS-1",
                        ISSUED,
                        null,
                        null,
                        Map.of(),
                        "已撤销 REVOKED");
        try (PDDocument document = Pdfs.load(renderer.render(request))) {
            for (int p = 0; p < 2; p++) {
                String text = Pdfs.text(document, p).replaceAll("\\s", "");
                assertTrue(text.contains("已撤销REVOKED"), text);
            }
        }
        assertFalse(Pdfs.text(renderer.render(request("正文", Map.of()))).contains("REVOKED"));
    }

    @Test
    void emojiAndOtherMissingCharactersBecomeABox() {
        byte[] pdf =
                renderer.render(
                        request(
                                "# 通知 🏠\n\n| 姓名 | ${name} |",
                                Map.of("name", "张三😀👨\u200D👩\u200D👧 \uD840\uDC00")));
        String text = Pdfs.text(pdf);
        assertTrue(text.contains("通知 □"), text);
        assertTrue(text.contains("张三□□□□ □"), text);
    }

    @Test
    void fontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = renderer.render(request("# 通知\n\n正文", Map.of()));
        try (PDDocument document = Pdfs.load(pdf)) {
            var font = Pdfs.type0Fonts(document.getPage(0)).get(0);
            assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC-Regular"), font.getName());
            assertTrue(font.isEmbedded());
        }
        assertTrue(pdf.length < 60_000, "a subset is small: " + pdf.length);
    }

    @Test
    void concurrentRenderingsMatchASequentialOne() throws Exception {
        RenderRequest request =
                new RenderRequest(
                        DocumentTemplates.text(DocumentTemplates.LEASE_CONTRACT),
                        TemplatesTest.leaseValues(),
                        "GS-2026-000123",
                        ISSUED,
                        null,
                        null,
                        Map.of(),
                        null);
        byte[] reference = renderer.render(request);
        String referenceText = Pdfs.text(reference);
        byte[] referenceFont = Pdfs.fontProgram(reference);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> renderer.render(request)));
            }
            for (Future<byte[]> result : results) {
                byte[] pdf = result.get();
                assertEquals(referenceText, Pdfs.text(pdf));
                assertArrayEquals(referenceFont, Pdfs.fontProgram(pdf));
            }
        } finally {
            pool.shutdown();
        }
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(20, 30, 120));
            g.setStroke(new BasicStroke(Math.max(1, height / 20f)));
            g.drawLine(0, height - 1, width - 1, 0);
            g.drawLine(0, height / 2, width - 1, height / 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
