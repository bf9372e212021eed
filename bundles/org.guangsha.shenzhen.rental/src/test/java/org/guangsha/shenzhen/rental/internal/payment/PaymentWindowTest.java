package org.guangsha.shenzhen.rental.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Closed;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Run;
import org.junit.jupiter.api.Test;

/** The payment windows of SZ-4 b–d at fixed city times. */
class PaymentWindowTest {

    private final PaymentWindow window = new PaymentWindow(PaymentSettings.DEFAULTS);

    private static Instant at(String cityTime) {
        return OffsetDateTime.parse(cityTime + "+08:00").toInstant();
    }

    private Closed closed(String cityTime, List<Run> runs) {
        return window.closed(at(cityTime), runs)
                .orElseThrow(() -> new AssertionError(cityTime + " open"));
    }

    private void open(String cityTime) {
        assertTrue(window.closed(at(cityTime), List.of()).isEmpty(), cityTime + " closed");
    }

    @Test
    void nightFrom23To01SZ4b() {
        open("2026-11-10T22:59:59");
        Closed c = closed("2026-11-10T23:30:00", List.of());
        assertEquals("night", c.rule());
        assertEquals(at("2026-11-11T01:00:00"), c.opensAt());
        assertTrue(c.message().startsWith("每天23:00至次日01:00不能缴纳房租"), c.message());
        assertTrue(c.message().contains("2026-11-11 01:00"), c.message());
        Closed late = closed("2026-11-11T00:59:00", List.of());
        assertEquals("night", late.rule());
        assertEquals(at("2026-11-11T01:00:00"), late.opensAt());
        open("2026-11-11T01:00:00");
    }

    @Test
    void lastTwoDaysOfTheMonthSZ4c() {
        open("2026-12-29T10:00:00");
        // the 30th of a 31-day month is one of its last two days
        Closed c = closed("2026-12-30T10:00:00", List.of());
        assertEquals("month-end", c.rule());
        // midnight of the 1st is night: opens at 01:00
        assertEquals(at("2027-01-01T01:00:00"), c.opensAt());
        assertTrue(c.message().contains("每月最后2天"), c.message());
        // the 28th of February (2027 has 28 days)
        assertEquals("month-end", closed("2027-02-28T12:00:00", List.of()).rule());
        assertEquals("month-end", closed("2027-02-27T12:00:00", List.of()).rule());
        open("2027-02-26T12:00:00");
        // a leap February: the 28th and 29th
        open("2028-02-27T12:00:00");
        assertEquals("month-end", closed("2028-02-28T12:00:00", List.of()).rule());
        open("2027-01-01T01:00:00");
    }

    @Test
    void nightBeforeTheMonthEndOpensOnlyOnTheFirst() {
        // 23:30 on the 28th of November: the 29th and 30th are closed, midnight is night
        Closed c = closed("2026-11-28T23:30:00", List.of());
        assertEquals("night", c.rule());
        assertEquals(at("2026-12-01T01:00:00"), c.opensAt());
    }

    @Test
    void bankCollectionRunSZ4d() {
        Run run = new Run(at("2026-11-10T09:00:00"), at("2026-11-12T18:00:00"), "11月托收");
        assertTrue(window.closed(at("2026-11-10T08:59:59"), List.of(run)).isEmpty());
        Closed c = closed("2026-11-11T10:00:00", List.of(run));
        assertEquals("bank-collection", c.rule());
        assertEquals(at("2026-11-12T18:00:00"), c.opensAt());
        assertTrue(c.message().startsWith("银行托收期间不能缴纳房租"), c.message());
        assertTrue(window.closed(at("2026-11-12T18:00:00"), List.of(run)).isEmpty());
        // a run ending at 23:30 opens at 01:00; runs back to back open when the last ends
        Run late = new Run(at("2026-11-13T09:00:00"), at("2026-11-13T23:30:00"), null);
        assertEquals(
                at("2026-11-14T01:00:00"), closed("2026-11-13T10:00:00", List.of(late)).opensAt());
        Run next = new Run(at("2026-11-12T18:00:00"), at("2026-11-12T20:00:00"), null);
        assertEquals(
                at("2026-11-12T20:00:00"),
                closed("2026-11-11T10:00:00", List.of(run, next)).opensAt());
    }

    @Test
    void ordersDoNotOutliveTheWindow() {
        Run run = new Run(at("2026-11-10T12:00:00"), at("2026-11-10T13:00:00"), null);
        assertEquals(
                at("2026-11-10T23:00:00"),
                window.closesAt(at("2026-11-10T22:50:00"), List.of()).get());
        assertEquals(
                at("2026-11-10T12:00:00"),
                window.closesAt(at("2026-11-10T11:55:00"), List.of(run)).get());
        PaymentWindow noNight =
                new PaymentWindow(new PaymentSettings(0, 0, 2, 5, Duration.ofMinutes(15)));
        assertEquals(
                at("2026-11-29T00:00:00"),
                noNight.closesAt(at("2026-11-28T10:00:00"), List.of()).get());
    }

    @Test
    void timesAndDaysAreConfiguration() {
        PaymentWindow other =
                new PaymentWindow(new PaymentSettings(22, 6, 0, 5, Duration.ofMinutes(15)));
        assertEquals("night", other.closed(at("2026-11-10T05:59:00"), List.of()).get().rule());
        assertTrue(other.closed(at("2026-11-30T12:00:00"), List.of()).isEmpty());
        PaymentWindow noNight =
                new PaymentWindow(new PaymentSettings(0, 0, 3, 5, Duration.ofMinutes(15)));
        assertTrue(noNight.closed(at("2026-11-10T23:30:00"), List.of()).isEmpty());
        assertEquals(
                "month-end", noNight.closed(at("2026-11-28T12:00:00"), List.of()).get().rule());
        assertEquals(
                at("2026-12-01T00:00:00"),
                noNight.closed(at("2026-11-28T12:00:00"), List.of()).get().opensAt());
    }
}
