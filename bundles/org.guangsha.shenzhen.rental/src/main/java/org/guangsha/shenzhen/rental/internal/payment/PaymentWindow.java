package org.guangsha.shenzhen.rental.internal.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * When rent can be paid (SZ-4 b–d), in city time: not from {@code payment.blackout.from.hour} until
 * {@code payment.blackout.until.hour} (23:00–01:00), not in the last {@code
 * payment.closed.last.days} days of a month, not while a bank collection run covers the moment. A
 * refusal names the first rule that closes payment now and the earliest moment every rule lets it
 * open again ({@code opensAt}): closed at 23:30 on the 28th of November, it opens on the 1st of
 * December at 01:00, since the 29th and 30th are the month's last two days and midnight is night.
 * Arrears first (SZ-4 a) is the bill's own rule and lives in {@link RentPayments}.
 */
public final class PaymentWindow {

    /** The city's zone (ARCHITECTURE.md rule 3). */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    /** Rule ids as the API names them. */
    public static final String NIGHT = "night";

    public static final String MONTH_END = "month-end";
    public static final String BANK_COLLECTION = "bank-collection";
    public static final String ARREARS_FIRST = "arrears-first";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /**
     * A bank collection run: payment is closed from {@code startsAt} (inclusive) to {@code endsAt}
     * (exclusive).
     */
    public record Run(Instant startsAt, Instant endsAt, String description) {

        boolean covers(Instant t) {
            return !t.isBefore(startsAt) && t.isBefore(endsAt);
        }
    }

    /**
     * Why payment is closed.
     *
     * @param rule {@code night}, {@code month-end}, {@code bank-collection} or {@code
     *     arrears-first}
     * @param message the reason in Chinese, with the opening time
     * @param messageEn the same in English
     * @param opensAt when paying opens again, or null (arrears first: when the older bills are
     *     paid)
     */
    public record Closed(String rule, String message, String messageEn, Instant opensAt) {}

    private final PaymentSettings settings;

    /** The window of these settings. */
    public PaymentWindow(PaymentSettings settings) {
        this.settings = settings;
    }

    /** Why paying is closed at {@code now}, or empty when it is open. */
    public Optional<Closed> closed(Instant now, List<Run> runs) {
        ZonedDateTime t = now.atZone(CITY_ZONE);
        String rule;
        if (night(t)) {
            rule = NIGHT;
        } else if (monthEnd(t)) {
            rule = MONTH_END;
        } else if (running(now, runs).isPresent()) {
            rule = BANK_COLLECTION;
        } else {
            return Optional.empty();
        }
        Instant opensAt = opensAt(now, runs);
        String at = SHOWN.format(opensAt.atZone(CITY_ZONE));
        return Optional.of(
                switch (rule) {
                    case NIGHT -> new Closed(
                            NIGHT,
                            String.format(
                                    "每天%02d:00至次日%02d:00不能缴纳房租，%s 起可以缴纳",
                                    settings.blackoutFromHour(), settings.blackoutUntilHour(), at),
                            String.format(
                                    "Rent cannot be paid from %02d:00 to %02d:00; payment opens"
                                            + " at %s",
                                    settings.blackoutFromHour(), settings.blackoutUntilHour(), at),
                            opensAt);
                    case MONTH_END -> new Closed(
                            MONTH_END,
                            String.format("每月最后%d天不能缴纳房租，%s 起可以缴纳", settings.closedLastDays(), at),
                            String.format(
                                    "Rent cannot be paid in the last %d days of a month; payment"
                                            + " opens at %s",
                                    settings.closedLastDays(), at),
                            opensAt);
                    default -> new Closed(
                            BANK_COLLECTION,
                            "银行托收期间不能缴纳房租，" + at + " 起可以缴纳",
                            "Rent cannot be paid while the bank collection runs; payment opens at "
                                    + at,
                            opensAt);
                });
    }

    /** The earliest moment from {@code now} on at which no rule closes paying. */
    public Instant opensAt(Instant now, List<Run> runs) {
        Instant t = now;
        // each step moves forward to the end of what closes t; few steps ever (night, month end,
        // a run or two), the bound only guards against runs chained without end
        for (int i = 0; i < 1000; i++) {
            ZonedDateTime z = t.atZone(CITY_ZONE);
            if (night(z)) {
                t = nightEnd(z).toInstant();
            } else if (monthEnd(z)) {
                t =
                        z.toLocalDate()
                                .withDayOfMonth(1)
                                .plusMonths(1)
                                .atStartOfDay(CITY_ZONE)
                                .toInstant();
            } else {
                Optional<Instant> end = running(t, runs).map(Run::endsAt);
                if (end.isEmpty()) {
                    return t;
                }
                t = end.get();
            }
        }
        return t;
    }

    /**
     * The next moment after {@code now} at which a rule closes paying: a payment order created now
     * is not left payable past it.
     */
    public Optional<Instant> closesAt(Instant now, List<Run> runs) {
        ZonedDateTime z = now.atZone(CITY_ZONE);
        Instant next = null;
        if (settings.blackoutFromHour() != settings.blackoutUntilHour()) {
            ZonedDateTime start =
                    z.toLocalDate().atTime(settings.blackoutFromHour(), 0).atZone(CITY_ZONE);
            if (!start.isAfter(z)) {
                start = start.plusDays(1);
            }
            next = start.toInstant();
        }
        if (settings.closedLastDays() > 0) {
            LocalDate first = firstClosedDay(z.toLocalDate());
            if (!first.atStartOfDay(CITY_ZONE).isAfter(z)) {
                first = firstClosedDay(z.toLocalDate().withDayOfMonth(1).plusMonths(1));
            }
            next = earlier(next, first.atStartOfDay(CITY_ZONE).toInstant());
        }
        for (Run r : runs) {
            if (r.startsAt().isAfter(now)) {
                next = earlier(next, r.startsAt());
            }
        }
        return Optional.ofNullable(next);
    }

    /** SZ-4 b: the night pause, e.g. 23:00 (inclusive) until 01:00 (exclusive). */
    boolean night(ZonedDateTime t) {
        int from = settings.blackoutFromHour();
        int until = settings.blackoutUntilHour();
        int h = t.getHour();
        if (from == until) {
            return false;
        }
        return from < until ? h >= from && h < until : h >= from || h < until;
    }

    /** SZ-4 c: one of the last N days of its month. */
    boolean monthEnd(ZonedDateTime t) {
        int n = settings.closedLastDays();
        return n > 0 && t.getDayOfMonth() > t.toLocalDate().lengthOfMonth() - n;
    }

    /** SZ-4 d: the run covering {@code t}, the one ending last when several do. */
    static Optional<Run> running(Instant t, List<Run> runs) {
        Run found = null;
        for (Run r : runs) {
            if (r.covers(t) && (found == null || r.endsAt().isAfter(found.endsAt()))) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    private ZonedDateTime nightEnd(ZonedDateTime t) {
        LocalDateTime end = t.toLocalDate().atTime(settings.blackoutUntilHour(), 0);
        if (settings.blackoutFromHour() > settings.blackoutUntilHour()
                && t.getHour() >= settings.blackoutFromHour()) {
            end = end.plusDays(1);
        }
        return end.atZone(CITY_ZONE);
    }

    private LocalDate firstClosedDay(LocalDate inMonth) {
        return inMonth.withDayOfMonth(inMonth.lengthOfMonth() - settings.closedLastDays() + 1);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** {@code 2026-12-01 01:00} in the city. */
    public static String shown(Instant t) {
        return SHOWN.format(t.atZone(CITY_ZONE));
    }
}
