package org.guangsha.platform.internal.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC Regular, read from the core's own classpath and parsed once, shared by every
 * rendering. Each document gets its own {@link PDType0Font} that embeds only the glyphs it uses.
 * Also the metrics the layout measures text with, and the replacement of characters the font cannot
 * draw.
 *
 * <p>Thread safety. One parsed {@link TrueTypeFont} is shared by concurrent renderings without a
 * lock, which holds for PDFBox/FontBox 3.0.7 (checked in its source and byte code) because:
 *
 * <ul>
 *   <li>{@link TTFParser#parse} reads every table eagerly; afterwards the table getters only return
 *       the parsed objects, whose lookups (cmap, hmtx, loca, post) are plain reads of arrays and
 *       maps. The lazy {@code readTable} path, which moves the shared read position unguarded, is
 *       never taken again.
 *   <li>The subsetter's remaining reads of the font file go through {@code getTableBytes} (locked
 *       on the font), {@code getOriginalData} (a new stream over the in-memory bytes each time) and
 *       {@code GlyphTable.getGlyph} (locked on the glyph table's own copy).
 *   <li>PDFBox closes the font after each subset ({@code TrueTypeEmbedder.subset}); closing a font
 *       parsed from memory does nothing, so the font must never be parsed from a file here.
 *   <li>The only mutators ({@code setEnableGsub}, {@code enableGsubFeature}, {@code
 *       enableVerticalSubstitutions}, the last one called by {@code PDType0Font.loadVertical}) are
 *       used once, here, before the font is published through a final field; vertical loading is
 *       never used.
 * </ul>
 *
 * A pool or per-thread copies would each cost another 10 MB and ~100 ms of parsing for no gain.
 */
public final class CjkFont {

    /** Where the build unpacks the font, relative to this class. */
    static final String RESOURCE = "font/NotoSansSC-Regular.ttf";

    /** Drawn instead of a character the font has no glyph for (an emoji, a rare ideograph). */
    public static final char REPLACEMENT = '□';

    private static final class Shared {
        static final CjkFont INSTANCE = new CjkFont();
    }

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final HorizontalMetricsTable metrics;
    private final float unitsPerEm;

    /** Reads and parses the font from the classpath; do this once and share the instance. */
    public CjkFont() {
        try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The CJK font is missing from the classpath: "
                                + CjkFont.class.getPackageName().replace('.', '/')
                                + '/'
                                + RESOURCE);
            }
            font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            // The GSUB worker PDFBox picks for this font is the Latin one (ligatures), which
            // breaks the one-code-point-one-glyph mapping the text layer relies on; Chinese
            // horizontal text needs no substitution.
            font.setEnableGsub(false);
            cmap = font.getUnicodeCmapLookup();
            metrics = font.getHorizontalMetrics();
            unitsPerEm = font.getUnitsPerEm();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CJK font", e);
        }
    }

    /** The instance of the process, parsed on first use. */
    public static CjkFont shared() {
        return Shared.INSTANCE;
    }

    /**
     * A font for {@code document} that PDFBox subsets when the document is saved (its name gets the
     * six-letter subset tag). The parsed font file stays shared. Text shown with it must be {@link
     * #displayable}. {@link PdfRenderer} also replaces the text layer PDFBox builds for it, which
     * maps every glyph this font shares with a Kangxi radical (一, 人, 入 …) to the radical; other
     * callers saving a document themselves get PDFBox's.
     */
    public PDType0Font embed(PDDocument document) {
        try {
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot embed the CJK font", e);
        }
    }

    /** Whether the font has a glyph for {@code codePoint}. */
    public boolean canDisplay(int codePoint) {
        return glyphId(codePoint) != 0;
    }

    /**
     * {@code text} with every character the font cannot draw replaced by {@link #REPLACEMENT}.
     * Invisible format characters (joiners, variation selectors, byte-order marks) and control
     * characters other than line feeds are dropped instead, so an emoji sequence does not turn into
     * a row of boxes; tabs become spaces.
     */
    public String displayable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String replacement = replacementFor(cp);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private String replacementFor(int cp) {
        if (cp == '\n') {
            return null;
        }
        if (cp == '\t') {
            return " ";
        }
        if (Character.isISOControl(cp)) {
            return "";
        }
        if (canDisplay(cp)) {
            return null;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return "";
        }
        return String.valueOf(REPLACEMENT);
    }

    /**
     * Width of {@code text} in points at {@code size}, exactly as PDFBox will place it (the
     * embedded widths are the font's advance widths). {@code text} must be {@link #displayable}.
     */
    public float width(String text, float size) {
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += metrics.getAdvanceWidth(glyphId(cp));
            i += Character.charCount(cp);
        }
        return units * size / unitsPerEm;
    }

    /** The glyph of {@code codePoint} in the full font, 0 when there is none. */
    int glyphId(int codePoint) {
        return cmap.getGlyphId(codePoint);
    }
}
