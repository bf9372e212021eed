package org.guangsha.platform.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guangsha.platform.csv.CsvProblem.Kind;

/**
 * Reads CSV files as operators save them from a spreadsheet. A file is UTF-8 (the byte-order mark
 * Excel writes is dropped; anything else, such as the GBK of Excel's plain "CSV", is refused with
 * the hint how to save it), comma separated with quotes as RFC 4180. Its first line with a value is
 * the header, naming the columns in Chinese or English in any order: names are compared without
 * case, blanks, underscores, {@code *} (a template's mark of a required column), a byte-order mark
 * or a unit suffix such as {@code (元)} or {@code （㎡）}; unknown columns are ignored. Rows without a
 * value in a known column are skipped. Rows are numbered as the spreadsheet shows them: the first
 * line is row 1 and blank lines count.
 *
 * <p>A reader is immutable and may be shared.
 */
public final class CsvReader {

    /** The rows a file may hold unless a line says otherwise: far beyond a city's homes. */
    public static final int DEFAULT_MAX_ROWS = 200_000;

    /** Units after a header that only name a unit: 月租金(元), 面积(㎡). */
    private static final Pattern UNIT_SUFFIX =
            Pattern.compile("\\((元|㎡|m²|m2|平方米|平米|yuan)\\)$", Pattern.CASE_INSENSITIVE);

    private static final Pattern IGNORED = Pattern.compile("[\\s_*]");

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build();

    private final Map<String, CsvColumn> columns = new LinkedHashMap<>();
    private final Map<String, CsvColumn> byName = new HashMap<>();
    private final int maxRows;

    /** A reader of files with these columns and at most {@link #DEFAULT_MAX_ROWS} rows. */
    public CsvReader(List<CsvColumn> columns) {
        this(columns, DEFAULT_MAX_ROWS);
    }

    /**
     * A reader of files with these columns and at most {@code maxRows} rows.
     *
     * @throws IllegalArgumentException when two columns have one key or one name
     */
    public CsvReader(List<CsvColumn> columns, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        this.maxRows = maxRows;
        for (CsvColumn c : columns) {
            if (this.columns.put(c.key(), c) != null) {
                throw new IllegalArgumentException("Two columns have the key " + c.key());
            }
            List<String> names = new ArrayList<>(List.of(c.key(), c.zh()));
            names.addAll(c.aliases());
            for (String name : names) {
                CsvColumn other = byName.put(normalize(name), c);
                if (other != null && other != c) {
                    throw new IllegalArgumentException(
                            "Columns "
                                    + other.key()
                                    + " and "
                                    + c.key()
                                    + " share the name "
                                    + name);
                }
            }
        }
    }

    /**
     * Header names as compared: without case, blanks, underscores, {@code *}, a byte-order mark or
     * a unit suffix ({@code 月租金（元）} is {@code 月租金}, {@code Unit_Type} is {@code unittype}).
     */
    public static String normalize(String header) {
        String h =
                IGNORED.matcher(header.replace("\uFEFF", "").replace('（', '(').replace('）', ')'))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT);
        return UNIT_SUFFIX.matcher(h).replaceFirst("");
    }

    /**
     * Reads a file. Never throws for what the file holds: every fault is a problem of the table.
     *
     * @param file the file's name, used in messages
     * @param bytes the file's content
     */
    public CsvTable read(String file, byte[] bytes) {
        Reading r = new Reading(file);
        String text;
        try {
            text = utf8(bytes);
        } catch (CharacterCodingException notUtf8) {
            r.problem(
                    Kind.NOT_UTF8,
                    0,
                    null,
                    null,
                    file + " 不是UTF-8编码：请在Excel中“另存为”“CSV UTF-8（逗号分隔）”",
                    file + " is not UTF-8: save it as \"CSV UTF-8 (comma delimited)\"");
            return r.table();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = null;
            while (header == null && records.hasNext()) {
                CSVRecord record = records.next();
                if (!blank(record)) {
                    header = record;
                }
            }
            if (header == null) {
                r.problem(
                        Kind.EMPTY,
                        1,
                        null,
                        null,
                        file + " 是空文件，第一行应为列名",
                        file + " is empty; row 1 is the header");
                return r.table();
            }
            Map<String, Integer> index = r.header(header);
            if (index == null) {
                return r.table();
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    String v = e.getValue() < record.size() ? record.get(e.getValue()).strip() : "";
                    if (!v.isEmpty()) {
                        values.put(e.getKey(), v);
                    }
                }
                if (!values.isEmpty()) {
                    r.rows.add(new CsvRow((int) record.getRecordNumber(), values));
                }
                if (r.rows.size() > maxRows) {
                    r.problem(
                            Kind.TOO_MANY_ROWS,
                            0,
                            null,
                            null,
                            file + " 超过 " + maxRows + " 行，请分批导入",
                            file + " has more than " + maxRows + " rows; import in parts");
                    return r.table();
                }
            }
        } catch (IOException
                | UncheckedIOException
                | IllegalStateException
                | IllegalArgumentException malformed) {
            // commons-csv reports an unclosed quote only once it reached the end of the file
            int row = r.rows.isEmpty() ? 0 : r.rows.get(r.rows.size() - 1).number() + 1;
            r.problem(
                    Kind.MALFORMED,
                    row,
                    null,
                    null,
                    file + " 的CSV格式有误（如引号未闭合）",
                    file + " is not well-formed CSV (e.g. an unclosed quote)");
        }
        return r.table();
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** One reading of one file. */
    private final class Reading {
        final String file;
        final List<CsvRow> rows = new ArrayList<>();
        final List<CsvProblem> problems = new ArrayList<>();
        final Map<String, String> headers = new HashMap<>();

        Reading(String file) {
            this.file = file;
        }

        void problem(Kind kind, int row, String column, String key, String zh, String en) {
            problems.add(new CsvProblem(kind, file, row, column, key, zh, en));
        }

        CsvTable table() {
            return new CsvTable(file, rows, problems, headers, columns);
        }

        /** Column key → position; null (and problems) when a column is twice or missing. */
        Map<String, Integer> header(CSVRecord header) {
            int row = (int) header.getRecordNumber();
            Map<String, Integer> index = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                CsvColumn c = byName.get(normalize(name));
                if (c == null) {
                    continue;
                }
                if (index.putIfAbsent(c.key(), i) != null) {
                    problem(
                            Kind.DUPLICATE_COLUMN,
                            row,
                            name,
                            c.key(),
                            "有两列都是“" + c.zh() + "”",
                            "The column " + c.key() + " appears twice");
                    ok = false;
                } else {
                    headers.put(c.key(), name.strip());
                }
            }
            for (CsvColumn c : columns.values()) {
                if (c.required() && !index.containsKey(c.key())) {
                    problem(
                            Kind.MISSING_COLUMN,
                            row,
                            c.zh(),
                            c.key(),
                            "缺少列“" + c.zh() + "”（" + c.key() + "）",
                            "The column " + c.key() + " (" + c.zh() + ") is missing");
                    ok = false;
                }
            }
            return ok ? index : null;
        }
    }
}
