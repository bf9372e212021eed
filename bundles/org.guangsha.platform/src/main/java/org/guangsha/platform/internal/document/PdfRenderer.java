package org.guangsha.platform.internal.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.guangsha.platform.internal.document.TemplateMarkup.Block;

/**
 * Renders a template ({@link TemplateMarkup}) with its values into a PDF: A4 portrait, 56 pt
 * margins, Noto Sans SC embedded as a subset.
 *
 * <p>Besides the template's own content every document gets: on every page the footer "文件编号 No. … 第
 * x 页 / 共 y 页 Page x of y" and, when the request has one, the stamp written diagonally in light
 * grey under the content; on the first page the line "签发日期 Issued: yyyy-MM-dd" (and "有效期至 Valid
 * until: …" when the request has an expiry) under the first title (at the top when the template
 * does not start with a title) and, when the request has a verification URL, its QR code (error
 * correction M, drawn as vector rectangles) in the top-right corner captioned "扫码核验 Scan to
 * verify". The document information carries the first title (the document number without one), the
 * producer {@value #PRODUCER} and the creation time; the document language is {@value #LANGUAGE}.
 *
 * <p>Stateless apart from the shared font: one instance serves concurrent renderings.
 */
public final class PdfRenderer {

    /** The PDF producer recorded in every document. */
    public static final String PRODUCER = "Guangsha 广厦";

    /** The document language (catalog {@code /Lang}). */
    public static final String LANGUAGE = "zh-CN";

    private final CjkFont font;
    private final Clock clock;

    /** With the process's shared font and the system clock. */
    public PdfRenderer() {
        this(CjkFont.shared(), Clock.systemDefaultZone());
    }

    /** With {@code font} (create one per process and share it) and the system clock. */
    public PdfRenderer(CjkFont font) {
        this(font, Clock.systemDefaultZone());
    }

    /** With {@code font} and {@code clock} (the creation date's). */
    public PdfRenderer(CjkFont font, Clock clock) {
        this.font = font;
        this.clock = clock;
    }

    /**
     * The PDF of {@code request}.
     *
     * @throws IllegalArgumentException when the template is malformed, uses a placeholder the
     *     request has no value for, has a table row longer than a page, or a signature image is not
     *     a PNG
     */
    public byte[] render(RenderRequest request) {
        List<Block> blocks = TemplateMarkup.parse(request.templateText(), request.values());
        PageLayout layout = new PageLayout(new LineBreaker(font), request);
        List<List<Mark>> pages = layout.layout(blocks);
        try (PDDocument document = new PDDocument()) {
            PDType0Font pdFont = font.embed(document);
            TextLayer text = new TextLayer(font);
            Painter painter = new Painter(document, pdFont, font, text, request);
            for (int i = 0; i < pages.size(); i++) {
                painter.page(pages.get(i), footer(request.documentNumber(), i + 1, pages.size()));
            }
            describe(document, layout.title() == null ? request.documentNumber() : layout.title());
            return save(document, pdFont, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render document " + request.documentNumber(), e);
        }
    }

    static String footer(String documentNumber, int page, int pages) {
        return "文件编号 No. "
                + documentNumber
                + "    第 "
                + page
                + " 页 / 共 "
                + pages
                + " 页 Page "
                + page
                + " of "
                + pages;
    }

    private void describe(PDDocument document, String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title.replace('\n', ' '));
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(clock)));
        document.getDocumentCatalog().setLanguage(LANGUAGE);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    /**
     * What {@code PDDocument.save} does, with the font subset here first so that its text layer can
     * be corrected before writing (save would subset again and overwrite it).
     */
    private static byte[] save(PDDocument document, PDType0Font pdFont, TextLayer text)
            throws IOException {
        pdFont.subset();
        text.applyTo(pdFont, document);
        document.getDocument().setIsXRefStream(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        new COSWriter(out, CompressParameters.DEFAULT_COMPRESSION).write(document);
        return out.toByteArray();
    }
}
