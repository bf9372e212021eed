package org.guangsha.selection.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.guangsha.platform.csv.CsvColumn;
import org.guangsha.platform.csv.CsvProblem;
import org.guangsha.platform.csv.CsvReader;
import org.guangsha.platform.csv.CsvTable;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewSession;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.guangsha.selection.batch.NewBatch.RankedFamily;
import org.guangsha.selection.internal.admin.BatchValidator.Row;

/**
 * Reads a batch from the files an operator prepares in a spreadsheet (S-1): the batch's own members
 * as JSON, and {@code units.csv}, {@code families.csv}, {@code sessions.csv}. The CSV files are
 * read by the core's {@link CsvReader}: UTF-8 (a byte-order mark, which Excel writes, is dropped),
 * have a header row with English or Chinese column names in any order (other columns are ignored),
 * money in yuan with at most two decimals (kept exactly, in fen), areas in m² with at most two
 * decimals, and times with an offset or as the city's wall clock. A value that cannot be read is a
 * problem of its row like any other; row numbers are the records after the header (the
 * spreadsheet's row number minus one).
 */
final class CsvBatchReader {

    private static final List<CsvColumn> UNIT_COLUMNS =
            List.of(
                    new CsvColumn("code", true, "房源编号"),
                    new CsvColumn("project", false, "项目"),
                    new CsvColumn("building", true, "楼栋"),
                    new CsvColumn("unitType", true, "户型"),
                    new CsvColumn("orientation", true, "朝向"),
                    new CsvColumn("roomNumber", true, "房号"),
                    new CsvColumn("floor", true, "楼层"),
                    new CsvColumn("areaM2", true, "面积", "建筑面积"),
                    new CsvColumn("rentYuan", true, "月租金", "租金"),
                    new CsvColumn("address", false, "地址", "房屋地址"));

    private static final List<CsvColumn> FAMILY_COLUMNS =
            List.of(
                    new CsvColumn("rank", true, "排位", "排位号", "选房排位"),
                    new CsvColumn("name", true, "姓名", "主申请人姓名", "申请人姓名", "applicantName"),
                    new CsvColumn("idNumber", true, "身份证号码", "身份证号"),
                    new CsvColumn("householdSize", true, "家庭人数"),
                    new CsvColumn("session", false, "场次", "sessionSeq"));

    private static final List<CsvColumn> SESSION_COLUMNS =
            List.of(
                    new CsvColumn("seq", true, "场次号", "场次"),
                    new CsvColumn("name", false, "场次名称"),
                    new CsvColumn("startsAt", true, "开始时间", "正选开始时间"),
                    new CsvColumn("endsAt", true, "结束时间", "正选结束时间"),
                    new CsvColumn("capacity", false, "家庭数", "户数"));

    private static final CsvReader UNITS_FILE =
            new CsvReader(UNIT_COLUMNS, BatchValidator.MAX_ROWS);
    private static final CsvReader FAMILIES_FILE =
            new CsvReader(FAMILY_COLUMNS, BatchValidator.MAX_ROWS);
    private static final CsvReader SESSIONS_FILE =
            new CsvReader(SESSION_COLUMNS, BatchValidator.MAX_ROWS);

    /** Validator field names that differ from the CSV columns, by section. */
    private static final Map<String, Map<String, String>> CSV_NAMES =
            Map.of(
                    BatchValidator.UNITS,
                    Map.of("areaCentiM2", "areaM2", "rentFen", "rentYuan"),
                    BatchValidator.FAMILIES,
                    Map.of("applicantName", "name", "sessionSeq", "session"));

    /** 1,234.50 as spreadsheets format money. */
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private static final Set<String> BATCH_MEMBERS =
            Set.of("code", "name", "regionCode", "preselectStartsAt", "cartSize", "windowSeconds");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the files held.
     *
     * @param units the unit rows that could be read (a value that could not is zero or null)
     * @param sessions the session rows whose number could be read
     * @param families the family rows
     * @param unreadable the sections with a value that could not be read
     * @param errors every problem found while reading, with CSV column names
     */
    record Read(
            List<Row<NewUnit>> units,
            List<Row<NewSession>> sessions,
            List<Row<RankedFamily>> families,
            Set<String> unreadable,
            List<RowError> errors) {}

    private final List<RowError> errors = new ArrayList<>();
    private final Set<String> unreadable = new HashSet<>();

    private CsvBatchReader() {}

    /**
     * Reads the three files; a missing one (null) is a problem of its section.
     *
     * @throws UncheckedIOException when a stream cannot be read
     */
    static Read read(InputStream units, InputStream families, InputStream sessions) {
        CsvBatchReader r = new CsvBatchReader();
        List<Row<NewUnit>> u = r.units(units);
        List<Row<NewSession>> s = r.sessions(sessions);
        List<Row<RankedFamily>> f = r.families(families, s);
        return new Read(u, s, f, Set.copyOf(r.unreadable), List.copyOf(r.errors));
    }

    /** The CSV column of a validator field. */
    static String column(String section, String field) {
        if (field == null) {
            return null;
        }
        return CSV_NAMES.getOrDefault(section, Map.of()).getOrDefault(field, field);
    }

    /**
     * The batch's own members from the {@code batch} part, {@code {code, name, regionCode,
     * preselectStartsAt, cartSize, windowSeconds}}; problems go to {@code found} (section {@code
     * batch}, row 0).
     *
     * @return the batch without rows, source {@code csv}
     */
    static NewBatch header(String json, String createdBy, List<RowError> found) {
        String code = null;
        String name = null;
        String region = null;
        Instant preselect = null;
        Integer cart = null;
        Integer window = null;
        if (json == null || json.isBlank()) {
            found.add(
                    new RowError(
                            BatchValidator.BATCH,
                            0,
                            null,
                            "缺少批次信息（batch）",
                            "The batch part (JSON) is missing"));
        } else {
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                found.add(
                        new RowError(
                                BatchValidator.BATCH,
                                0,
                                null,
                                "批次信息应为JSON对象",
                                "The batch part must be a JSON object"));
            } else {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String member = names.next();
                    if (!BATCH_MEMBERS.contains(member)) {
                        found.add(
                                new RowError(
                                        BatchValidator.BATCH,
                                        0,
                                        member,
                                        "无法识别的字段",
                                        "Unknown member"));
                    }
                }
                code = text(node, "code");
                name = text(node, "name");
                region = text(node, "regionCode");
                String start = text(node, "preselectStartsAt");
                if (start != null) {
                    try {
                        preselect = CityTimes.parse(start);
                    } catch (DateTimeParseException e) {
                        found.add(timeError(BatchValidator.BATCH, 0, "preselectStartsAt"));
                    }
                }
                cart = integer(node, "cartSize", found);
                window = integer(node, "windowSeconds", found);
            }
        }
        return new NewBatch(
                code, name, region, preselect, cart, window, "csv", createdBy, List.of(), List.of(),
                List.of());
    }

    private static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String member, List<RowError> found) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual() && v.asText().strip().matches("\\d{1,9}")) {
            return Integer.valueOf(v.asText().strip());
        }
        found.add(new RowError(BatchValidator.BATCH, 0, member, "应为整数", "Must be a whole number"));
        return null;
    }

    private List<Row<NewUnit>> units(InputStream in) {
        List<Row<NewUnit>> rows = new ArrayList<>();
        String section = BatchValidator.UNITS;
        for (Line line : lines(in, section, "units.csv", UNITS_FILE)) {
            int n = line.number();
            int floor = integer(line, "floor", 0);
            long area = hundredths(line, "areaM2", "面积", "The area");
            long rent = hundredths(line, "rentYuan", "月租金", "The rent");
            if (area > Integer.MAX_VALUE) {
                fail(section, n, "areaM2", "面积过大", "The area is too large");
                area = 0;
            }
            rows.add(
                    new Row<>(
                            n,
                            new NewUnit(
                                    line.get("code"),
                                    line.get("project"),
                                    line.get("building"),
                                    line.get("unitType"),
                                    line.get("orientation"),
                                    line.get("roomNumber"),
                                    floor,
                                    (int) area,
                                    rent,
                                    line.get("address"))));
        }
        return rows;
    }

    private List<Row<NewSession>> sessions(InputStream in) {
        List<Row<NewSession>> rows = new ArrayList<>();
        String section = BatchValidator.SESSIONS;
        for (Line line : lines(in, section, "sessions.csv", SESSIONS_FILE)) {
            int n = line.number();
            Integer seq = integerOrNull(line, "seq");
            Instant starts = time(line, "startsAt");
            Instant ends = time(line, "endsAt");
            int capacity = integer(line, "capacity", 0);
            if (seq == null) {
                if (line.get("seq") == null) {
                    fail(section, n, "seq", "请填写场次号", "The session number is missing");
                }
                unreadable.add(section);
                continue;
            }
            rows.add(new Row<>(n, new NewSession(seq, line.get("name"), starts, ends, capacity)));
        }
        return rows;
    }

    private List<Row<RankedFamily>> families(InputStream in, List<Row<NewSession>> sessions) {
        Map<String, Integer> byName = new HashMap<>();
        for (Row<NewSession> s : sessions) {
            String name = s.value().name();
            byName.putIfAbsent(
                    name == null || name.isBlank() ? "第" + s.value().seq() + "场" : name.strip(),
                    s.value().seq());
        }
        List<Row<RankedFamily>> rows = new ArrayList<>();
        String section = BatchValidator.FAMILIES;
        for (Line line : lines(in, section, "families.csv", FAMILIES_FILE)) {
            int n = line.number();
            int rank = integer(line, "rank", 0);
            int household = integer(line, "householdSize", 0);
            Integer seq = null;
            String session = line.get("session");
            if (session != null) {
                if (session.matches("\\d{1,9}")) {
                    seq = Integer.valueOf(session);
                } else if (byName.containsKey(session)) {
                    seq = byName.get(session);
                } else {
                    fail(
                            section,
                            n,
                            "session",
                            "场次“" + session + "”不存在（填场次号或场次名称）",
                            "There is no session " + session + " (give its number or name)");
                }
            }
            rows.add(
                    new Row<>(
                            n,
                            new RankedFamily(
                                    rank, line.get("name"), line.get("idNumber"), household, seq)));
        }
        return rows;
    }

    /** A record of a file: its section, number and values by column key (blank ones left out). */
    private record Line(String section, int number, Map<String, String> values) {
        String get(String key) {
            return values.get(key);
        }
    }

    private List<Line> lines(InputStream in, String section, String file, CsvReader reader) {
        if (in == null) {
            fail(section, 0, null, "缺少文件 " + file, "The file " + file + " is missing");
            unreadable.add(section);
            return List.of();
        }
        CsvTable table;
        try {
            table = reader.read(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (CsvProblem p : table.problems()) {
            if (p.kind() == CsvProblem.Kind.TOO_MANY_ROWS) {
                continue; // the validator says how many rows a section may have
            }
            // rows here are the records after the header; the file's own problems are row 0
            int row = Math.max(p.row() - 1, 0);
            switch (p.kind()) {
                case DUPLICATE_COLUMN -> fail(
                        section,
                        row,
                        p.key(),
                        file + " " + p.message(),
                        file + " has the column " + p.key() + " twice");
                case MISSING_COLUMN -> fail(
                        section,
                        row,
                        p.key(),
                        file + " " + p.message(),
                        file + " lacks the column " + p.key() + " (" + p.column() + ")");
                default -> fail(section, row, p.key(), p.message(), p.messageEn());
            }
            unreadable.add(section);
        }
        return table.rows().stream()
                .map(r -> new Line(section, r.number() - 1, r.values()))
                .toList();
    }

    private Integer integerOrNull(Line line, String key) {
        String v = line.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            fail(
                    line.section(),
                    line.number(),
                    key,
                    "“" + v + "”不是整数",
                    "\"" + v + "\" is not a whole number");
            return null;
        }
    }

    private int integer(Line line, String key, int absent) {
        String v = line.get(key);
        if (v == null) {
            return absent;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            fail(
                    line.section(),
                    line.number(),
                    key,
                    "“" + v + "”不是整数",
                    "\"" + v + "\" is not a whole number");
            return absent;
        }
    }

    /**
     * A decimal with at most two places, exactly in hundredths (yuan to fen, m² to 0.01 m²); 0 and
     * a problem when it is none. A missing value is left to the validator (0).
     */
    private long hundredths(Line line, String key, String zh, String en) {
        String v = line.get(key);
        if (v == null) {
            return 0;
        }
        String plain = GROUPED.matcher(v).matches() ? v.replace(",", "") : v;
        try {
            BigDecimal d = new BigDecimal(plain).stripTrailingZeros();
            if (d.scale() > 2) {
                fail(
                        line.section(),
                        line.number(),
                        key,
                        zh + "最多两位小数",
                        en + " has at most two decimals");
                return 0;
            }
            return d.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            fail(
                    line.section(),
                    line.number(),
                    key,
                    "“" + v + "”不是数字",
                    "\"" + v + "\" is not a number");
            return 0;
        }
    }

    private Instant time(Line line, String key) {
        String v = line.get(key);
        if (v == null) {
            return null;
        }
        try {
            return CityTimes.parse(v);
        } catch (DateTimeParseException e) {
            RowError error = timeError(line.section(), line.number(), key);
            errors.add(error);
            unreadable.add(error.section());
            return null;
        }
    }

    private static RowError timeError(String section, int row, String field) {
        return new RowError(
                section,
                row,
                field,
                "时间格式应为“2026-11-23 09:30”或“2026-11-23T09:30:00+08:00”",
                "Times look like 2026-11-23 09:30 (the city's clock) or 2026-11-23T09:30:00+08:00");
    }

    private void fail(String section, int row, String field, String zh, String en) {
        errors.add(new RowError(section, row, field, zh, en));
        if (row > 0) {
            unreadable.add(section);
        }
    }
}
