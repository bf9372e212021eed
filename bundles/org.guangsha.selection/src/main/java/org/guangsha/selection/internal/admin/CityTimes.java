package org.guangsha.selection.internal.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.guangsha.selection.internal.SelectionService;

/**
 * Times as operators type them in a batch's files: ISO-8601 with an offset ({@code
 * 2026-11-23T09:30:00+08:00}), or a wall-clock time in the city ({@code 2026-11-23 09:30}, also
 * with seconds, with a {@code T}, or as Excel rewrites it when it saves a CSV: {@code 2026/11/23
 * 9:30}).
 */
public final class CityTimes {

    /** The city's zone (ARCHITECTURE.md rule 3): wall-clock times are read in it. */
    public static final ZoneId CITY_ZONE = SelectionService.CITY_ZONE;

    private static final List<DateTimeFormatter> LOCAL =
            List.of(
                    DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]")
                            .withResolverStyle(ResolverStyle.STRICT),
                    DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]")
                            .withResolverStyle(ResolverStyle.STRICT),
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private CityTimes() {}

    /**
     * The instant a text names.
     *
     * @throws DateTimeParseException when it is none of the accepted forms
     */
    public static Instant parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            for (DateTimeFormatter f : LOCAL) {
                try {
                    return LocalDateTime.parse(value, f).atZone(CITY_ZONE).toInstant();
                } catch (DateTimeParseException ignored) {
                    // the next form
                }
            }
            throw notWithOffset;
        }
    }

    /** {@code 2026-11-23 09:30} in the city, for messages and shell output. */
    public static String format(Instant instant) {
        return instant == null
                ? "-"
                : DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(instant.atZone(CITY_ZONE));
    }
}
