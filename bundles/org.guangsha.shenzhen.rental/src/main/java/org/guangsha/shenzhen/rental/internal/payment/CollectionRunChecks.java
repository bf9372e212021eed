package org.guangsha.shenzhen.rental.internal.payment;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

    /** Columns of the CSV file, in its header. */
    static final List<String> COLUMNS = List.of("startsAt", "endsAt", "description");

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

    /** The runs of a CSV file (UTF-8, a header row naming the columns), all or the problems. */
    static List<Run> parse(Reader csv, String file, List<RowError> problems) throws IOException {
        List<Run> runs = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .build()
                        .parse(csv)) {
            List<String> header =
                    parser.getHeaderNames().stream()
                            .map(h -> h.replace("\uFEFF", "").strip())
                            .toList();
            for (String c : COLUMNS.subList(0, 2)) {
                if (!header.contains(c)) {
                    problems.add(
                            new RowError(
                                    file,
                                    0,
                                    c,
                                    c,
                                    "缺少列 " + c + "（表头应为 startsAt,endsAt,description）",
                                    "Missing column "
                                            + c
                                            + " (header: startsAt,endsAt,description)"));
                }
            }
            if (!problems.isEmpty()) {
                return List.of();
            }
            int row = 0;
            for (CSVRecord r : parser) {
                row++;
                List<FieldError> errors = new ArrayList<>();
                Run run =
                        check(
                                value(r, header, "startsAt"),
                                value(r, header, "endsAt"),
                                value(r, header, "description"),
                                "",
                                errors);
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
            if (row == 0) {
                problems.add(
                        new RowError(file, 0, null, null, "文件中没有托收记录", "The file has no runs"));
            }
        }
        return runs;
    }

    private static String value(CSVRecord r, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= r.size() ? null : r.get(i);
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
