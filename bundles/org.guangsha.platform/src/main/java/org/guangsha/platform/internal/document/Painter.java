package org.guangsha.platform.internal.document;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes the marks of each page into a PDF content stream, plus the footer and the stamp. Keeps
 * text in as few text objects as it can and sets font, colour and rendering mode only when they
 * change, which keeps the content streams small.
 */
final class Painter {

    private static final float FOOTER = 8;
    private static final float FOOTER_GRAY = 0.35f;
    private static final float FOOTER_BASELINE = 30;
    private static final float STAMP_GRAY = 0.82f;
    private static final float STAMP_MAX_SIZE = 54;
    private static final float BORDER_GRAY = 0.2f;

    /** Stroke width of pseudo-bold text per point of size: the font has one weight only. */
    private static final float BOLD_STROKE = 0.03f;

    private static final float SIGNATURE_PADDING = 3;
    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
    };

    private final PDDocument document;
    private final PDType0Font pdFont;
    private final CjkFont font;
    private final TextLayer text;
    private final RenderRequest request;
    private final Map<String, PDImageXObject> images = new HashMap<>();

    private PDPageContentStream out;
    private boolean inText;
    private float size;
    private float fillGray;
    private boolean bold;

    Painter(
            PDDocument document,
            PDType0Font pdFont,
            CjkFont font,
            TextLayer text,
            RenderRequest request) {
        this.document = document;
        this.pdFont = pdFont;
        this.font = font;
        this.text = text;
        this.request = request;
    }

    void page(List<Mark> marks, String footer) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            out = stream;
            inText = false;
            size = -1;
            fillGray = 0;
            bold = false;
            if (request.stamp() != null && !request.stamp().isBlank()) {
                stamp(request.stamp());
            }
            for (Mark mark : marks) {
                if (mark instanceof Mark.Text t) {
                    text(t);
                } else if (mark instanceof Mark.Box b) {
                    box(b);
                } else if (mark instanceof Mark.Image i) {
                    image(i);
                } else if (mark instanceof Mark.Qr q) {
                    qr(q);
                }
            }
            String shown = font.displayable(footer);
            float x = PageLayout.LEFT + (PageLayout.WIDTH - font.width(shown, FOOTER)) / 2;
            text(new Mark.Text(x, FOOTER_BASELINE, FOOTER, FOOTER_GRAY, false, shown));
            endText();
        }
    }

    private void text(Mark.Text t) throws IOException {
        if (t.bold()) {
            // stroke parameters are graphics state, set outside the text object for clarity
            endText();
            out.setStrokingColor(t.gray());
            out.setLineWidth(t.size() * BOLD_STROKE);
        }
        beginText();
        if (t.size() != size) {
            out.setFont(pdFont, t.size());
            size = t.size();
        }
        fill(t.gray());
        if (t.bold() != bold) {
            out.setRenderingMode(t.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            bold = t.bold();
        }
        out.setTextMatrix(Matrix.getTranslateInstance(t.x(), t.y()));
        show(t.text());
    }

    private void show(String s) throws IOException {
        String shown = font.displayable(s).replace('\n', ' ');
        text.record(shown);
        out.showText(shown);
    }

    private void box(Mark.Box b) throws IOException {
        endText();
        boolean filled = b.fillGray() >= 0;
        boolean bordered = b.border() > 0;
        if (filled) {
            fill(b.fillGray());
        }
        if (bordered) {
            out.setStrokingColor(BORDER_GRAY);
            out.setLineWidth(b.border());
        }
        out.addRect(b.x(), b.y(), b.width(), b.height());
        if (filled && bordered) {
            out.fillAndStroke();
        } else if (filled) {
            out.fill();
        } else {
            out.stroke();
        }
    }

    /** The signature image, as large as fits in the box with its aspect ratio, centered. */
    private void image(Mark.Image box) throws IOException {
        endText();
        PDImageXObject image = images.get(box.field());
        if (image == null) {
            image = load(box.field(), request.signaturePngs().get(box.field()));
            images.put(box.field(), image);
        }
        float room = box.width() - 2 * SIGNATURE_PADDING;
        float roomHeight = box.height() - 2 * SIGNATURE_PADDING;
        float scale = Math.min(room / image.getWidth(), roomHeight / image.getHeight());
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        out.drawImage(
                image,
                box.x() + (box.width() - width) / 2,
                box.y() + (box.height() - height) / 2,
                width,
                height);
    }

    private PDImageXObject load(String field, byte[] png) {
        boolean isPng = png.length > PNG_SIGNATURE.length;
        for (int i = 0; isPng && i < PNG_SIGNATURE.length; i++) {
            isPng = png[i] == PNG_SIGNATURE[i];
        }
        if (!isPng) {
            throw new IllegalArgumentException("The signature image of '" + field + "' is no PNG");
        }
        try {
            return PDImageXObject.createFromByteArray(document, png, field + ".png");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "The signature image of '" + field + "' cannot be read", e);
        }
    }

    /** Each run of dark modules in a row becomes one rectangle, all filled at once. */
    private void qr(Mark.Qr q) throws IOException {
        endText();
        fill(0);
        BitMatrix modules = q.modules();
        float module = q.size() / modules.getWidth();
        float top = q.y() + q.size();
        for (int row = 0; row < modules.getHeight(); row++) {
            int column = 0;
            while (column < modules.getWidth()) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules.getWidth() && modules.get(column, row)) {
                    column++;
                }
                out.addRect(
                        q.x() + start * module,
                        top - (row + 1) * module,
                        (column - start) * module,
                        module);
            }
        }
        out.fill();
    }

    /** Diagonal, corner to corner, as large as fits, under everything else. */
    private void stamp(String stamp) throws IOException {
        String shown = font.displayable(stamp).replace('\n', ' ').strip();
        double angle = Math.atan2(PageLayout.PAGE_HEIGHT, PageLayout.PAGE_WIDTH);
        double diagonal = Math.hypot(PageLayout.WIDTH, PageLayout.TOP - PageLayout.BOTTOM);
        float stampSize = (float) Math.min(STAMP_MAX_SIZE, 0.8 * diagonal / font.width(shown, 1));
        float half = font.width(shown, stampSize) / 2;
        float lift = stampSize * 0.35f;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float x = (float) (PageLayout.PAGE_WIDTH / 2 - half * cos + lift * sin);
        float y = (float) (PageLayout.PAGE_HEIGHT / 2 - half * sin - lift * cos);
        beginText();
        out.setFont(pdFont, stampSize);
        size = stampSize;
        fill(STAMP_GRAY);
        out.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
        show(shown);
    }

    private void fill(float gray) throws IOException {
        if (gray != fillGray) {
            out.setNonStrokingColor(gray);
            fillGray = gray;
        }
    }

    private void beginText() throws IOException {
        if (!inText) {
            out.beginText();
            inText = true;
        }
    }

    private void endText() throws IOException {
        if (inText) {
            out.endText();
            inText = false;
        }
    }
}
