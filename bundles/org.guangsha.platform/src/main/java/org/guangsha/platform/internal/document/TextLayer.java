package org.guangsha.platform.internal.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The text a PDF reader extracts, copies and searches: a ToUnicode CMap built from the characters
 * the document really shows, replacing the one PDFBox builds when it subsets.
 *
 * <p>Noto Sans SC draws many characters with the same glyph as a Kangxi radical or a compatibility
 * ideograph (一 U+4E00 and ⼀ U+2F00, 人 and ⼈, 入 and ⼊ …). PDFBox 3.0.7 maps each glyph back to the
 * lowest code point the font's cmap gives it, so copied text would say ⼊住通知书 for 入住通知书, a different
 * character to search engines, screen readers and text comparison. Here each glyph maps to the code
 * point written with it, a unified ideograph preferred.
 */
final class TextLayer {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CjkFont font;

    /** Glyph id in the full font (the CID the content streams use) to code point. */
    private final Map<Integer, Integer> codePoints = new TreeMap<>();

    TextLayer(CjkFont font) {
        this.font = font;
    }

    /** Notes the characters of {@code text}, about to be shown. */
    void record(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int glyph = font.glyphId(cp);
            if (glyph != 0) {
                codePoints.merge(glyph, cp, TextLayer::preferred);
            }
            i += Character.charCount(cp);
        }
    }

    private static Integer preferred(Integer seen, Integer now) {
        return isVariant(seen) && !isVariant(now) ? now : seen;
    }

    /**
     * Radicals and compatibility ideographs: never the character meant when the glyph is shared.
     */
    private static boolean isVariant(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.KANGXI_RADICALS
                || block == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT;
    }

    /** Replaces the ToUnicode map of {@code pdFont}, which must already be subset. */
    void applyTo(PDType0Font pdFont, PDDocument document) throws IOException {
        PDStream stream =
                new PDStream(document, new ByteArrayInputStream(cmap()), COSName.FLATE_DECODE);
        pdFont.getCOSObject().setItem(COSName.TO_UNICODE, stream);
    }

    /** The CMap: two-byte codes (Identity-H, code = CID = glyph id) to UTF-16BE. */
    byte[] cmap() {
        StringBuilder out = new StringBuilder(codePoints.size() * 16 + 512);
        out.append("/CIDInit /ProcSet findresource begin\n")
                .append("12 dict begin\n")
                .append("begincmap\n")
                .append(
                        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n")
                .append("/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        int inBlock = 0;
        int left = codePoints.size();
        for (Map.Entry<Integer, Integer> entry : codePoints.entrySet()) {
            if (inBlock == 0) {
                // a bfchar section holds at most 100 entries
                out.append(Math.min(100, left)).append(" beginbfchar\n");
            }
            out.append('<')
                    .append(HEX.toHexDigits((short) entry.getKey().intValue()))
                    .append("> <");
            for (char c : Character.toChars(entry.getValue())) {
                out.append(HEX.toHexDigits((short) c));
            }
            out.append(">\n");
            left--;
            if (++inBlock == 100 || left == 0) {
                out.append("endbfchar\n");
                inBlock = 0;
            }
        }
        out.append("endcmap\n")
                .append("CMapName currentdict /CMap defineresource pop\n")
                .append("end\nend\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
