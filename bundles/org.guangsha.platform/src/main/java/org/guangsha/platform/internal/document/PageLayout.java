package org.guangsha.platform.internal.document;

import com.google.zxing.common.BitMatrix;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.guangsha.platform.internal.document.TemplateMarkup.Block;
import org.guangsha.platform.internal.document.TemplateMarkup.Heading;
import org.guangsha.platform.internal.document.TemplateMarkup.Note;
import org.guangsha.platform.internal.document.TemplateMarkup.PageBreak;
import org.guangsha.platform.internal.document.TemplateMarkup.Paragraph;
import org.guangsha.platform.internal.document.TemplateMarkup.Signature;
import org.guangsha.platform.internal.document.TemplateMarkup.Table;
import org.guangsha.platform.internal.document.TemplateMarkup.Title;
import org.guangsha.platform.internal.util.QrCodes;

/**
 * Places the blocks of a document on A4 pages: line breaking, page breaking, tables, signature
 * boxes, and the first page's date line and QR code. Footers and the stamp are the painter's, as
 * they need the page count.
 */
final class PageLayout {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 56;
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE_WIDTH - MARGIN;
    static final float TOP = PAGE_HEIGHT - MARGIN;
    static final float BOTTOM = MARGIN;
    static final float WIDTH = RIGHT - LEFT;

    /** Height of the glyphs above the baseline, in em (the font's typographic ascender). */
    static final float ASCENT = 0.88f;

    static final float BODY = 10.5f;
    private static final float BODY_LEADING = 1.55f;
    private static final float TITLE = 18;
    private static final float TITLE_LEADING = 1.35f;
    private static final float HEADING = 12;
    private static final float HEADING_LEADING = 1.5f;
    private static final float NOTE = 9;
    private static final float NOTE_LEADING = 1.5f;
    private static final float NOTE_GRAY = 0.4f;
    private static final float DATES = 9;
    private static final float DATES_GRAY = 0.25f;
    private static final float CELL = 10;
    private static final float CELL_LEADING = 1.4f;
    private static final float CELL_PADDING = 4;
    private static final float CELL_PADDING_VERTICAL = 2.5f;
    private static final float HEADER_GRAY = 0.92f;
    private static final float RULE = 0.6f;
    private static final float LABEL = 10;
    private static final float LABEL_LEADING = 1.4f;

    static final float BOX_WIDTH = 160;
    static final float BOX_HEIGHT = 60;
    private static final int BOXES_PER_ROW = 2;

    static final float QR_SIZE = 68;

    /** The QR code reaches into the top margin, which printers still print. */
    private static final float QR_TOP = TOP + 20;

    private static final float QR_CAPTION = 7;
    static final String QR_CAPTION_TEXT = "扫码核验 Scan to verify";

    private final LineBreaker breaker;
    private final RenderRequest request;
    private final List<List<Mark>> pages = new ArrayList<>();
    private List<Mark> page;
    private float y;
    private boolean empty;
    private float qrClearance = Float.NaN;
    private String title;

    PageLayout(LineBreaker breaker, RenderRequest request) {
        this.breaker = breaker;
        this.request = request;
    }

    /** The pages, each a list of marks in painting order. */
    List<List<Mark>> layout(List<Block> blocks) {
        newPage();
        if (request.verificationUrl() != null) {
            qrCode(request.verificationUrl());
        }
        int next = 0;
        if (!blocks.isEmpty() && blocks.get(0) instanceof Title first) {
            title(first);
            next = 1;
        }
        dates();
        while (next < blocks.size()) {
            Block block = blocks.get(next);
            if (block instanceof Signature) {
                List<Signature> row = new ArrayList<>();
                while (next < blocks.size() && blocks.get(next) instanceof Signature signature) {
                    row.add(signature);
                    next++;
                }
                signatures(row);
                continue;
            }
            clearQrCode();
            if (block instanceof Title t) {
                title(t);
            } else if (block instanceof Heading h) {
                heading(h);
            } else if (block instanceof Paragraph p) {
                space(5);
                List<String> lines = breaker.wrap(p.text(), BODY, WIDTH);
                if (next + 1 < blocks.size() && blocks.get(next + 1) instanceof Signature s) {
                    // signatures never stand alone on a page: the text they sign goes with them
                    float together = lines.size() * BODY * BODY_LEADING + 14 + signatureRow(s);
                    if (together <= TOP - BOTTOM) {
                        need(together);
                    }
                }
                lines(lines, BODY, BODY_LEADING, 0, false, LEFT);
            } else if (block instanceof Note n) {
                space(4);
                lines(
                        breaker.wrap(n.text(), NOTE, WIDTH),
                        NOTE,
                        NOTE_LEADING,
                        NOTE_GRAY,
                        false,
                        LEFT);
            } else if (block instanceof Table t) {
                table(t);
            } else if (block instanceof PageBreak) {
                if (!empty) {
                    newPage();
                }
            }
            next++;
        }
        return pages;
    }

    /** The text of the first title, {@code null} when the document has none. */
    String title() {
        return title;
    }

    private void newPage() {
        page = new ArrayList<>();
        pages.add(page);
        y = TOP;
        empty = true;
    }

    private void space(float points) {
        if (!empty) {
            y -= points;
        }
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    private void need(float height) {
        if (!empty && y - height < BOTTOM) {
            newPage();
        }
    }

    private boolean besideQrCode() {
        return pages.size() == 1 && y > qrClearance;
    }

    /** Only the title and the date line stand beside the QR code; everything else goes below. */
    private void clearQrCode() {
        if (besideQrCode()) {
            y = qrClearance;
        }
    }

    private void title(Title block) {
        if (title == null) {
            title = block.text();
        }
        space(10);
        float width = besideQrCode() ? WIDTH - 2 * (QR_SIZE + 8) : WIDTH;
        List<String> lines = breaker.wrap(block.text(), TITLE, width);
        need(lines.size() * TITLE * TITLE_LEADING + 2 * BODY * BODY_LEADING);
        centered(lines, TITLE, TITLE_LEADING, 0, true);
        y -= 4;
    }

    private void heading(Heading block) {
        space(9);
        List<String> lines = breaker.wrap(block.text(), HEADING, WIDTH);
        need(lines.size() * HEADING * HEADING_LEADING + 2 * BODY * BODY_LEADING);
        lines(lines, HEADING, HEADING_LEADING, 0, true, LEFT);
    }

    /** "签发日期 Issued: … 有效期至 Valid until: …", under the title. */
    private void dates() {
        String text = "签发日期 Issued: " + request.issuedOn();
        if (request.validUntil() != null) {
            text += "\u3000\u3000有效期至 Valid until: " + request.validUntil();
        }
        float width = besideQrCode() ? WIDTH - 2 * (QR_SIZE + 8) : WIDTH;
        centered(breaker.wrap(text, DATES, width), DATES, 1.5f, DATES_GRAY, false);
        y -= 8;
    }

    private void qrCode(String url) {
        BitMatrix modules;
        try {
            modules = QrCodes.encode(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The verification URL does not fit a QR code", e);
        }
        float x = RIGHT - QR_SIZE;
        page.add(new Mark.Qr(modules, x, QR_TOP - QR_SIZE, QR_SIZE));
        String caption = breaker.font().displayable(QR_CAPTION_TEXT);
        float captionWidth = breaker.font().width(caption, QR_CAPTION);
        float captionX = Math.min(x + (QR_SIZE - captionWidth) / 2, RIGHT - captionWidth);
        float lineHeight = QR_CAPTION * 1.3f;
        float top = QR_TOP - QR_SIZE - 4;
        page.add(
                new Mark.Text(
                        captionX,
                        baseline(top, QR_CAPTION, lineHeight),
                        QR_CAPTION,
                        DATES_GRAY,
                        false,
                        caption));
        qrClearance = top - lineHeight - 8;
    }

    private void table(Table table) {
        int columns = table.columns();
        float[] least = new float[columns];
        float[] most = new float[columns];
        for (List<String> row : table.rows()) {
            for (int c = 0; c < columns; c++) {
                least[c] = Math.max(least[c], breaker.minimumWidth(row.get(c), CELL));
                most[c] = Math.max(most[c], breaker.naturalWidth(row.get(c), CELL));
            }
        }
        float[] widths = columnWidths(least, most, 2 * CELL_PADDING);
        space(6);
        List<List<String>> header = table.rows().subList(0, table.headerRows());
        for (int r = 0; r < table.rows().size(); r++) {
            boolean isHeader = r < table.headerRows();
            List<List<String>> cells = cells(table.rows().get(r), widths);
            float height = rowHeight(cells);
            if (height > TOP - BOTTOM) {
                throw new IllegalArgumentException(
                        "A table row is too long to fit on one page: "
                                + String.join(" | ", table.rows().get(r)));
            }
            if (!empty && y - height < BOTTOM) {
                newPage();
                if (!isHeader) {
                    for (List<String> headerRow : header) {
                        List<List<String>> headerCells = cells(headerRow, widths);
                        row(headerCells, widths, rowHeight(headerCells), true);
                    }
                }
            }
            row(cells, widths, height, isHeader);
        }
        y -= 4;
    }

    /**
     * Auto table layout: each column gets at least its widest unbreakable piece and the room left
     * is shared in proportion to how much more each column would like.
     */
    static float[] columnWidths(float[] least, float[] most, float padding) {
        int n = least.length;
        float[] min = new float[n];
        float[] max = new float[n];
        float sumMin = 0;
        float sumMax = 0;
        for (int c = 0; c < n; c++) {
            min[c] = least[c] + padding;
            max[c] = Math.max(most[c], least[c]) + padding;
            sumMin += min[c];
            sumMax += max[c];
        }
        float[] widths = new float[n];
        for (int c = 0; c < n; c++) {
            if (sumMax <= WIDTH) {
                widths[c] = max[c] * WIDTH / sumMax;
            } else if (sumMin >= WIDTH) {
                widths[c] = min[c] * WIDTH / sumMin;
            } else {
                widths[c] = min[c] + (WIDTH - sumMin) * (max[c] - min[c]) / (sumMax - sumMin);
            }
        }
        return widths;
    }

    private List<List<String>> cells(List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            cells.add(breaker.wrap(row.get(c), CELL, widths[c] - 2 * CELL_PADDING));
        }
        return cells;
    }

    private static float rowHeight(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * CELL * CELL_LEADING + 2 * CELL_PADDING_VERTICAL;
    }

    private void row(List<List<String>> cells, float[] widths, float height, boolean isHeader) {
        float x = LEFT;
        float lineHeight = CELL * CELL_LEADING;
        for (int c = 0; c < cells.size(); c++) {
            page.add(
                    new Mark.Box(
                            x, y - height, widths[c], height, RULE, isHeader ? HEADER_GRAY : -1));
            float top = y - CELL_PADDING_VERTICAL;
            for (String line : cells.get(c)) {
                if (!line.isEmpty()) {
                    page.add(
                            new Mark.Text(
                                    x + CELL_PADDING,
                                    baseline(top, CELL, lineHeight),
                                    CELL,
                                    0,
                                    false,
                                    line));
                }
                top -= lineHeight;
            }
            x += widths[c];
        }
        y -= height;
        empty = false;
    }

    private void signatures(List<Signature> signatures) {
        float column = WIDTH / BOXES_PER_ROW;
        float boxWidth = Math.min(BOX_WIDTH, column - 12);
        float lineHeight = LABEL * LABEL_LEADING;
        for (int first = 0; first < signatures.size(); first += BOXES_PER_ROW) {
            List<Signature> row =
                    signatures.subList(first, Math.min(first + BOXES_PER_ROW, signatures.size()));
            clearQrCode();
            List<List<String>> labels = new ArrayList<>();
            for (Signature signature : row) {
                labels.add(label(signature));
            }
            float height = signatureRow(row.get(0));
            for (Signature signature : row) {
                height = Math.max(height, signatureRow(signature));
            }
            space(first == 0 ? 14 : 10);
            need(height);
            for (int i = 0; i < row.size(); i++) {
                float x = LEFT + i * column;
                float top = y;
                for (String line : labels.get(i)) {
                    page.add(
                            new Mark.Text(
                                    x, baseline(top, LABEL, lineHeight), LABEL, 0, false, line));
                    top -= lineHeight;
                }
                float boxY = y - height;
                page.add(new Mark.Box(x, boxY, boxWidth, BOX_HEIGHT, 0.8f, -1));
                String field = row.get(i).field();
                if (request.signaturePngs().containsKey(field)) {
                    page.add(new Mark.Image(field, x, boxY, boxWidth, BOX_HEIGHT));
                }
            }
            y -= height;
            empty = false;
        }
        y -= 4;
    }

    private List<String> label(Signature signature) {
        return signature.label().isBlank()
                ? List.of()
                : breaker.wrap(signature.label(), LABEL, WIDTH / BOXES_PER_ROW - 12);
    }

    /** Height of a signature box with its label. */
    private float signatureRow(Signature signature) {
        int lines = label(signature).size();
        return lines * LABEL * LABEL_LEADING + (lines > 0 ? 3 : 0) + BOX_HEIGHT;
    }

    /** Lines flowing down the page, each moving to a new page when it does not fit. */
    private void lines(
            List<String> lines, float size, float leading, float gray, boolean bold, float x) {
        float lineHeight = size * leading;
        for (String line : lines) {
            if (y - lineHeight < BOTTOM) {
                newPage();
            }
            if (!line.isEmpty()) {
                page.add(new Mark.Text(x, baseline(y, size, lineHeight), size, gray, bold, line));
            }
            y -= lineHeight;
            empty = false;
        }
    }

    private void centered(List<String> lines, float size, float leading, float gray, boolean bold) {
        float lineHeight = size * leading;
        for (String line : lines) {
            if (y - lineHeight < BOTTOM) {
                newPage();
            }
            float x = LEFT + (WIDTH - breaker.font().width(line, size)) / 2;
            page.add(new Mark.Text(x, baseline(y, size, lineHeight), size, gray, bold, line));
            y -= lineHeight;
            empty = false;
        }
    }

    /** Baseline of text of {@code size} centered in a line box whose top is {@code top}. */
    private static float baseline(float top, float size, float lineHeight) {
        return top - (lineHeight - size) / 2 - size * ASCENT;
    }
}
