package org.guangsha.shenzhen.rental.internal.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.csv.CsvColumn;
import org.guangsha.platform.csv.CsvProblem;
import org.guangsha.platform.csv.CsvReader;
import org.guangsha.platform.csv.CsvRow;
import org.guangsha.platform.csv.CsvTable;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Run;

/**
 * Checks of bank collection runs (SZ-4 d) as caseworkers enter them or a CSV file brings them:
 * {@code startsAt} and {@code endsAt} as ISO-8601 with an offset ({@code
 * 2026-11-25T09:00:00+08:00}) or the city's wall clock ({@code 2026-11-25 09:00}, also {@code
 * 2026/11/25 9:00} as Excel saves it), the end after the start and at most 31 days later, a
 * description of at most 200 characters.
 */
public final class CollectionRunChecks {

    /** A run longer than this is a typing error (a month's collection takes days). */
    static final Duration MAX_RUN = Duration.ofDays(31);

    /** Columns of the CSV file, in its header (English names only). */
    static final List<CsvColumn> COLUMNS =
            List.of(
                    new CsvColumn("startsAt", true, "startsAt"),
                    new CsvColumn("endsAt", true, "endsAt"),
                    new CsvColumn("description", false, "description"));

    private static final CsvReader FILE = new CsvReader(COLUMNS);

    private static final List<DateTimeFormatter> LOCAL =
            List.of(
                    DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]")
                            .withResolverStyle(ResolverStyle.STRICT),
                    DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]")
                            .withResolverStyle(ResolverStyle.STRICT),
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    /**
     * A problem of one row of a file.
     *
     * @param file the file's part name
     * @param row the data row, from 1 (0: the file as a whole)
     * @param column the column, or null
     * @param field {@code runs[row].column}
     */
    public record RowError(
            String file, int row, String column, String field, String message, String messageEn) {}

    private CollectionRunChecks() {}

    /** The run, or the problems of its fields (named with {@code prefix}). */
    static Run check(
            String startsAt,
            String endsAt,
            String description,
            String prefix,
            List<FieldError> errors) {
        int before = errors.size();
        Instant start = time(startsAt, prefix + "startsAt", "开始时间", "start", errors);
        Instant end = time(endsAt, prefix + "endsAt", "结束时间", "end", errors);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add(
                        new FieldError(
                                prefix + "endsAt",
                                "结束时间须晚于开始时间",
                                "The end must be after the start"));
            } else if (Duration.between(start, end).compareTo(MAX_RUN) > 0) {
                errors.add(
                        new FieldError(
                                prefix + "endsAt", "一次托收不超过31天", "A run lasts at most 31 days"));
            }
        }
        String d = description == null ? null : description.strip();
        if (d != null && d.length() > 200) {
            errors.add(
                    new FieldError(prefix + "description", "说明不超过200个字", "At most 200 characters"));
        }
        return errors.size() == before
                ? new Run(start, end, d == null || d.isEmpty() ? null : d)
                : null;
    }

    /**
     * The runs of a CSV file (UTF-8, a header row naming the columns), all or the problems.
     *
     * @param file the part's name, which problems name as their file
     * @param name the file's name for messages
     */
    static List<Run> parse(byte[] csv, String file, String name, List<RowError> problems) {
        CsvTable t = FILE.read(name, csv);
        for (CsvProblem p : t.problems()) {
            // rows here are the data rows from 1; the file's own problems are row 0
            int row = Math.max(p.row() - 1, 0);
            String c = p.key();
            problems.add(
                    p.kind() == CsvProblem.Kind.MISSING_COLUMN
                            ? new RowError(
                                    file,
                                    row,
                                    c,
                                    c,
                                    "缺少列 " + c + "（表头应为 startsAt,endsAt,description）",
                                    "Missing column "
                                            + c
                                            + " (header: startsAt,endsAt,description)")
                            : new RowError(file, row, c, c, p.message(), p.messageEn()));
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Run> runs = new ArrayList<>();
        for (CsvRow r : t.rows()) {
            int row = r.number() - 1;
            List<FieldError> errors = new ArrayList<>();
            Run run = check(r.get("startsAt"), r.get("endsAt"), r.get("description"), "", errors);
            for (FieldError e : errors) {
                problems.add(
                        new RowError(
                                file,
                                row,
                                e.field(),
                                "runs[" + row + "]." + e.field(),
                                e.message(),
                                e.messageEn()));
            }
            if (run != null) {
                runs.add(run);
            }
        }
        if (t.rows().isEmpty()) {
            problems.add(new RowError(file, 0, null, null, "文件中没有托收记录", "The file has no runs"));
        }
        return runs;
    }

    private static Instant time(
            String text, String field, String zh, String en, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "请填写" + zh, "The " + en + " is required"));
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            for (DateTimeFormatter f : LOCAL) {
                try {
                    return LocalDateTime.parse(value, f)
                            .atZone(PaymentWindow.CITY_ZONE)
                            .toInstant();
                } catch (DateTimeParseException ignored) {
                    // the next form
                }
            }
        }
        errors.add(
                new FieldError(
                        field,
                        zh + "格式应为 2026-11-25 09:00 或 2026-11-25T09:00:00+08:00",
                        "The "
                                + en
                                + " must look like 2026-11-25 09:00 or 2026-11-25T09:00:00+08:00"));
        return null;
    }
}
