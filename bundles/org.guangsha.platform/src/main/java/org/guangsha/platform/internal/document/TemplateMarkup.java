package org.guangsha.platform.internal.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markup printable documents are written in: a small subset of Markdown, UTF-8 text, one
 * construct per line. Business bundles keep their templates as resources in this markup and render
 * them with {@link PdfRenderer}.
 *
 * <h2>Lines</h2>
 *
 * Leading and trailing white space of a line is ignored. Line endings may be LF, CRLF or CR; a
 * byte-order mark at the start is ignored.
 *
 * <table>
 *   <caption>Constructs</caption>
 *   <tr><th>line</th><th>becomes</th></tr>
 *   <tr><td>{@code # 公共租赁住房租赁合同}</td><td>the document title: large, centered. The first
 *       title is also the PDF's title, and the issue date line is printed under it.</td></tr>
 *   <tr><td>{@code ## 第一条 租赁房屋}</td><td>a section heading (also {@code ###} to {@code
 *       ######}); it is never left alone at the bottom of a page.</td></tr>
 *   <tr><td>any other text</td><td>a paragraph. Consecutive text lines form one paragraph; a blank
 *       line ends it. Lines are joined directly where either side is Chinese and with one space
 *       otherwise, so a Chinese sentence may be broken over several lines of the template.</td></tr>
 *   <tr><td>{@code > 本通知书一式两份。}</td><td>a note: small grey text. Consecutive {@code >}
 *       lines form one note.</td></tr>
 *   <tr><td>{@code | 出租人 | ${lessorName} |}</td><td>a table row. Consecutive rows form one table
 *       with borders; every row of a table has the same number of cells, 2 to 4. A row of only
 *       dashes ({@code | --- | --- |}, colons allowed as in Markdown) makes the rows above it the
 *       header: shaded, and repeated when the table continues on the next page. A cell cannot
 *       contain a literal {@code |}; put such text in a value.</td></tr>
 *   <tr><td>{@code [signature:tenant 承租人签名]}</td><td>a signature box about 160 × 60 pt with
 *       the label above it. The field name ({@code tenant}: a letter, then letters, digits or
 *       {@code _}) selects the PNG of {@link RenderRequest#signaturePngs()} drawn into the box,
 *       scaled to fit with its aspect ratio kept; without one the box stays empty for a pen.
 *       Consecutive boxes stand side by side, two to a row.</td></tr>
 *   <tr><td>{@code ---} (three or more dashes)</td><td>a page break. It never produces an empty
 *       page: a break at the top of a page does nothing.</td></tr>
 *   <tr><td>blank</td><td>ends the paragraph, note, table or row of boxes before it.</td></tr>
 * </table>
 *
 * A title or heading needs a space after the {@code #}s: {@code #1号楼} is a paragraph. Text is never
 * styled inline: {@code *}, {@code _}, backticks and links print as written.
 *
 * <h2>Placeholders</h2>
 *
 * {@code ${key}} may appear anywhere in titles, headings, paragraphs, notes, table cells and
 * signature labels; the key is a letter followed by letters, digits, {@code _}, {@code .} or {@code
 * -} (the shipped templates use camelCase: {@code tenantName}). Each is replaced by the request's
 * value for that key:
 *
 * <ul>
 *   <li>Values are inserted <em>literally</em>, after the markup has been read: a value holding
 *       {@code #}, {@code |}, {@code >}, {@code [signature:…]}, {@code ---} or {@code ${…}} prints
 *       those characters and is never read as markup or expanded again. A line feed in a value
 *       breaks the line inside the same paragraph, cell or label.
 *   <li>A value that is empty or only white space prints as a blank line {@value #BLANK} to fill in
 *       by hand.
 *   <li>A key without a value is an error ({@link IllegalArgumentException} naming the key), so a
 *       document never goes out with a hole or a raw placeholder in it; so is a malformed or
 *       unterminated <code>${</code>.
 * </ul>
 *
 * Characters the embedded font lacks (emoji, very rare ideographs) print as {@code □}.
 *
 * <h2>Layout</h2>
 *
 * A4 portrait. Chinese text wraps after any character, Latin words are kept whole unless longer
 * than a line, and no line starts with closing punctuation ({@code ，。、；：！？）」』》} and the like) or
 * ends with opening punctuation. Text flows over as many pages as it needs; a table row, a row of
 * signature boxes and a heading with the start of its section are never split over two pages, and
 * signature boxes never start a page without the paragraph written right before them (write the
 * sentence being signed there).
 */
public final class TemplateMarkup {

    /** What an empty value prints as: a line to write on. */
    public static final String BLANK = "________";

    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.+)");
    private static final Pattern PAGE_BREAK = Pattern.compile("-{3,}");
    private static final Pattern SIGNATURE =
            Pattern.compile("\\[signature:([A-Za-z][A-Za-z0-9_]*)(?:\\s+(.*?))?\\s*]");
    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-{3,}:?");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    /** One construct of a document, placeholders already replaced. */
    public sealed interface Block
            permits Title, Heading, Paragraph, Note, Table, Signature, PageBreak {}

    /** {@code # text}. */
    public record Title(String text) implements Block {}

    /** {@code ## text}. */
    public record Heading(String text) implements Block {}

    /** Consecutive text lines. */
    public record Paragraph(String text) implements Block {}

    /** Consecutive {@code >} lines. */
    public record Note(String text) implements Block {}

    /**
     * Consecutive {@code |} rows; the first {@code headerRows} are the header (0 when the table has
     * no separator row).
     */
    public record Table(List<List<String>> rows, int headerRows) implements Block {
        /** Copies the rows. */
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** Number of columns. */
        public int columns() {
            return rows.get(0).size();
        }
    }

    /** {@code [signature:field label]}. */
    public record Signature(String field, String label) implements Block {}

    /** {@code ---}. */
    public record PageBreak() implements Block {}

    private TemplateMarkup() {}

    /**
     * Reads {@code templateText} and replaces its placeholders with {@code values}.
     *
     * @throws IllegalArgumentException naming the key of a placeholder without a value, or the line
     *     of a malformed construct
     */
    public static List<Block> parse(String templateText, Map<String, String> values) {
        return new Parser(values).parse(templateText);
    }

    /**
     * The placeholder keys of {@code templateText} in order of first appearance: what a caller must
     * supply values for.
     *
     * @throws IllegalArgumentException for a malformed placeholder
     */
    public static Set<String> placeholderKeys(String templateText) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> lines = lines(templateText);
        for (int i = 0; i < lines.size(); i++) {
            scan(lines.get(i), i + 1, keys, null, null);
        }
        return keys;
    }

    /**
     * The field names of the signature boxes of {@code templateText}, in order: the keys a caller
     * may give signature images for.
     */
    public static Set<String> signatureFields(String templateText) {
        Set<String> fields = new LinkedHashSet<>();
        for (String line : lines(templateText)) {
            Matcher signature = SIGNATURE.matcher(line.strip());
            if (signature.matches()) {
                fields.add(signature.group(1));
            }
        }
        return fields;
    }

    private static List<String> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(body.split("\r\n|\r|\n", -1));
    }

    /**
     * Walks the placeholders of one line: collects their keys into {@code keys} and, when {@code
     * out} is given, writes the line with every placeholder replaced from {@code values}.
     */
    private static void scan(
            String line,
            int lineNumber,
            Set<String> keys,
            Map<String, String> values,
            StringBuilder out) {
        int from = 0;
        for (int start = line.indexOf("${"); start >= 0; start = line.indexOf("${", from)) {
            int end = line.indexOf('}', start + 2);
            if (end < 0) {
                throw new IllegalArgumentException(
                        "Line " + lineNumber + ": unterminated placeholder '${'");
            }
            String key = line.substring(start + 2, end);
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "Line " + lineNumber + ": malformed placeholder '${" + key + "}'");
            }
            if (keys != null) {
                keys.add(key);
            }
            if (out != null) {
                String value = values.get(key);
                if (value == null) {
                    throw new IllegalArgumentException(
                            "No value for placeholder '${"
                                    + key
                                    + "}' (line "
                                    + lineNumber
                                    + "): key '"
                                    + key
                                    + "' is unknown");
                }
                out.append(line, from, start).append(value.isBlank() ? BLANK : value);
            }
            from = end + 1;
        }
        if (out != null) {
            out.append(line, from, line.length());
        }
    }

    /** Whether a paragraph's lines meeting at these characters are joined without a space. */
    static boolean joinsDirectly(int before, int after) {
        return LineBreaker.isWide(before) || LineBreaker.isWide(after);
    }

    private static final class Parser {

        private enum Kind {
            NONE,
            PARAGRAPH,
            NOTE,
            TABLE
        }

        private final Map<String, String> values;
        private final List<Block> blocks = new ArrayList<>();
        private Kind open = Kind.NONE;
        private final StringBuilder text = new StringBuilder();
        private final List<List<String>> rows = new ArrayList<>();
        private int headerRows;
        private int lineNumber;

        Parser(Map<String, String> values) {
            this.values = values;
        }

        List<Block> parse(String templateText) {
            List<String> lines = lines(templateText);
            for (String raw : lines) {
                lineNumber++;
                line(raw.strip());
            }
            close();
            return List.copyOf(blocks);
        }

        private void line(String line) {
            if (line.isEmpty()) {
                close();
                return;
            }
            if (PAGE_BREAK.matcher(line).matches()) {
                close();
                blocks.add(new PageBreak());
                return;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                close();
                String title = substitute(heading.group(2).strip());
                blocks.add(heading.group(1).length() == 1 ? new Title(title) : new Heading(title));
                return;
            }
            if (line.startsWith(">")) {
                append(Kind.NOTE, line.substring(1).strip());
                return;
            }
            if (line.startsWith("|")) {
                row(line);
                return;
            }
            if (line.startsWith("[signature:")) {
                Matcher signature = SIGNATURE.matcher(line);
                if (!signature.matches()) {
                    throw malformed("a signature box is [signature:fieldName label]");
                }
                close();
                String label = signature.group(2) == null ? "" : signature.group(2);
                blocks.add(new Signature(signature.group(1), substitute(label)));
                return;
            }
            append(Kind.PARAGRAPH, line);
        }

        private void append(Kind kind, String line) {
            if (open != kind) {
                close();
                open = kind;
            }
            String next = substitute(line);
            if (text.length() > 0
                    && !next.isEmpty()
                    && !joinsDirectly(text.codePointBefore(text.length()), next.codePointAt(0))) {
                text.append(' ');
            }
            text.append(next);
        }

        private void row(String line) {
            if (line.length() < 2 || !line.endsWith("|")) {
                throw malformed("a table row starts and ends with '|'");
            }
            if (open != Kind.TABLE) {
                close();
                open = Kind.TABLE;
            }
            String[] raw = line.substring(1, line.length() - 1).split("\\|", -1);
            if (raw.length < 2 || raw.length > 4) {
                throw malformed("a table has 2 to 4 columns, this row has " + raw.length);
            }
            if (!rows.isEmpty() && raw.length != rows.get(0).size()) {
                throw malformed(
                        "this row has "
                                + raw.length
                                + " cells, the rows above it "
                                + rows.get(0).size());
            }
            boolean separator = true;
            for (String cell : raw) {
                separator &= SEPARATOR_CELL.matcher(cell.strip()).matches();
            }
            if (separator) {
                if (rows.isEmpty() || headerRows > 0) {
                    throw malformed("a separator row follows the header rows, once");
                }
                headerRows = rows.size();
                return;
            }
            List<String> cells = new ArrayList<>(raw.length);
            for (String cell : raw) {
                cells.add(substitute(cell.strip()));
            }
            rows.add(cells);
        }

        private void close() {
            switch (open) {
                case PARAGRAPH -> blocks.add(new Paragraph(text.toString()));
                case NOTE -> blocks.add(new Note(text.toString()));
                case TABLE -> blocks.add(new Table(rows, headerRows));
                case NONE -> {}
            }
            open = Kind.NONE;
            text.setLength(0);
            rows.clear();
            headerRows = 0;
        }

        private String substitute(String line) {
            StringBuilder out = new StringBuilder(line.length() + 16);
            scan(line, lineNumber, null, values, out);
            return out.toString();
        }

        private IllegalArgumentException malformed(String rule) {
            return new IllegalArgumentException("Line " + lineNumber + ": " + rule);
        }
    }
}
