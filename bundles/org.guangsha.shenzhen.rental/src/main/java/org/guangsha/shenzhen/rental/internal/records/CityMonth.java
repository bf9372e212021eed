package org.guangsha.shenzhen.rental.internal.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The calendar month of the city (Asia/Shanghai) an instant falls in, and when the next one starts
 * (SZ-6: one record application per calendar month). A citizen applying at 23:30 on 31 October city
 * time applies in October even though it is already November in some zones, and the next
 * application is possible from 1 November 00:00 city time.
 */
public final class CityMonth {

    /** The city's zone: it decides "this month" and "today". */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private CityMonth() {}

    /** The city's month of {@code at}, e.g. {@code 2026-11}. */
    public static YearMonth of(Instant at) {
        return YearMonth.from(at.atZone(CITY_ZONE));
    }

    /** The city's month now. */
    public static YearMonth now(Clock clock) {
        return of(clock.instant());
    }

    /** The city's date now. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), CITY_ZONE);
    }

    /** The period key stored with an application ({@code yyyy-MM}). */
    public static String period(YearMonth month) {
        return month.toString();
    }

    /** When the month after {@code month} starts in the city: the next application is possible. */
    public static OffsetDateTime nextStart(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(CITY_ZONE).toOffsetDateTime();
    }
}
