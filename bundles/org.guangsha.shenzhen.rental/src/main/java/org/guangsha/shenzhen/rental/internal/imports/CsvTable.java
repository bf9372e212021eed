package org.guangsha.shenzhen.rental.internal.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.guangsha.shenzhen.rental.data.ImportRejectedException.ImportProblem;

/**
 * One CSV file as an operator saves it from a spreadsheet: UTF-8 (the byte-order mark Excel writes
 * is dropped; anything else than UTF-8 is refused with a hint), a header row naming the columns in
 * Chinese or English in any order (case, blanks, underscores and a unit suffix such as {@code (元)}
 * do not count; unknown columns are ignored), blank rows skipped. Rows are numbered as the
 * spreadsheet shows them: the header is row 1.
 */
final class CsvTable {

    /** Rows a file may hold: far beyond a city's homes. */
    static final int MAX_ROWS = 200_000;

    /**
     * A column: its key (the English header and the field name in problems), whether it must be
     * there, its Chinese header and other accepted names.
     */
    record Column(String key, boolean required, String zh, List<String> aliases) {
        Column(String key, boolean required, String zh, String... aliases) {
            this(key, required, zh, List.of(aliases));
        }
    }

    /**
     * A row: its number and its non-blank values by column key.
     *
     * @param number the spreadsheet row (header = 1)
     */
    record Row(int number, Map<String, String> values) {
        String get(String key) {
            return values.get(key);
        }
    }

    /** Units after a header that only name a unit: 月租金(元), 面积(㎡). */
    private static final Pattern UNIT_SUFFIX =
            Pattern.compile("\\((元|㎡|m²|m2|平方米|平米|yuan)\\)$", Pattern.CASE_INSENSITIVE);

    final String file;
    final List<Row> rows = new ArrayList<>();

    /** The header as written, by column key (what problems name as the column). */
    final Map<String, String> headers = new HashMap<>();

    /** Whether the file could be read at all (else only its problems count). */
    boolean readable;

    private final List<Column> columns;

    private CsvTable(String file, List<Column> columns) {
        this.file = file;
        this.columns = columns;
    }

    /** The column's name as the file wrote it, or its Chinese name. */
    String column(String key) {
        String h = headers.get(key);
        if (h != null) {
            return h;
        }
        return columns.stream()
                .filter(c -> c.key().equals(key))
                .map(Column::zh)
                .findFirst()
                .orElse(key);
    }

    /** Reads a file; its problems (encoding, header, malformed CSV) go to {@code problems}. */
    static CsvTable read(
            String file, byte[] bytes, List<Column> columns, List<ImportProblem> problems) {
        CsvTable t = new CsvTable(file, columns);
        String text;
        try {
            text = utf8(bytes);
        } catch (CharacterCodingException notUtf8) {
            problems.add(
                    new ImportProblem(
                            file,
                            0,
                            null,
                            null,
                            file + " 不是UTF-8编码：请在Excel中“另存为”“CSV UTF-8（逗号分隔）”",
                            file + " is not UTF-8: save it as \"CSV UTF-8 (comma delimited)\""));
            return t;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setAllowMissingColumnNames(true)
                        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                        .build();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, Integer> index = t.header(parser.getHeaderNames(), problems);
            if (index == null) {
                return t;
            }
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    String v = e.getValue() < record.size() ? record.get(e.getValue()).strip() : "";
                    if (!v.isEmpty()) {
                        values.put(e.getKey(), v);
                    }
                }
                if (!values.isEmpty()) {
                    t.rows.add(new Row((int) record.getRecordNumber() + 1, values));
                }
                if (t.rows.size() > MAX_ROWS) {
                    problems.add(
                            new ImportProblem(
                                    file,
                                    0,
                                    null,
                                    null,
                                    file + " 超过 " + MAX_ROWS + " 行，请分批导入",
                                    file
                                            + " has more than "
                                            + MAX_ROWS
                                            + " rows; import in parts"));
                    return t;
                }
            }
            t.readable = true;
        } catch (IOException
                | UncheckedIOException
                | IllegalStateException
                | IllegalArgumentException e) {
            int row = t.rows.isEmpty() ? 0 : t.rows.get(t.rows.size() - 1).number() + 1;
            problems.add(
                    new ImportProblem(
                            file,
                            row,
                            null,
                            null,
                            file + " 的CSV格式有误（如引号未闭合）",
                            file + " is not well-formed CSV (e.g. an unclosed quote)"));
        }
        return t;
    }

    /** Column key → position; null (and problems) when the header lacks a required column. */
    private Map<String, Integer> header(List<String> names, List<ImportProblem> problems) {
        if (names.isEmpty()) {
            problems.add(
                    new ImportProblem(
                            file,
                            1,
                            null,
                            null,
                            file + " 是空文件，第一行应为列名",
                            file + " is empty; row 1 is the header"));
            return null;
        }
        Map<String, Column> known = new HashMap<>();
        for (Column c : columns) {
            known.put(normalize(c.key()), c);
            known.put(normalize(c.zh()), c);
            c.aliases().forEach(a -> known.put(normalize(a), c));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            Column c = known.get(normalize(names.get(i)));
            if (c == null) {
                continue;
            }
            if (index.putIfAbsent(c.key(), i) != null) {
                problems.add(
                        new ImportProblem(
                                file,
                                1,
                                names.get(i),
                                c.key(),
                                "有两列都是“" + c.zh() + "”",
                                "The column " + c.key() + " appears twice"));
                ok = false;
            } else {
                headers.put(c.key(), names.get(i).strip());
            }
        }
        for (Column c : columns) {
            if (c.required() && !index.containsKey(c.key())) {
                problems.add(
                        new ImportProblem(
                                file,
                                1,
                                c.zh(),
                                c.key(),
                                "缺少列“" + c.zh() + "”（" + c.key() + "）",
                                "The column " + c.key() + " (" + c.zh() + ") is missing"));
                ok = false;
            }
        }
        return ok ? index : null;
    }

    /** Header names compared without case, blanks, underscores, BOM or a unit suffix. */
    static String normalize(String header) {
        String h =
                header.replace("\uFEFF", "")
                        .replace('（', '(')
                        .replace('）', ')')
                        .replaceAll("[\\s_*]", "")
                        .toLowerCase(Locale.ROOT);
        return UNIT_SUFFIX.matcher(h).replaceFirst("");
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
