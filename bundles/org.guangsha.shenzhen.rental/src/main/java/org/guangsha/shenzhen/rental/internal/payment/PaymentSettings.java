package org.guangsha.shenzhen.rental.internal.payment;

import java.time.Duration;
import org.guangsha.shenzhen.rental.internal.RentalConfiguration;

/**
 * The city's rent payment settings (SZ-4), read from {@link RentalConfiguration} and kept in range.
 *
 * @param blackoutFromHour the hour (city time) paying stops for the night (SZ-4 b)
 * @param blackoutUntilHour the hour it opens again; equal to the first: no night pause
 * @param closedLastDays no payment in the last N days of a month (SZ-4 c); 0: none
 * @param dueDay the day of the month a month's rent is due
 * @param orderLifetime how long a payment code can be paid
 */
public record PaymentSettings(
        int blackoutFromHour,
        int blackoutUntilHour,
        int closedLastDays,
        int dueDay,
        Duration orderLifetime) {

    /** The defaults of the configuration (23:00–01:00, last 2 days, due on the 5th, 15 minutes). */
    public static final PaymentSettings DEFAULTS =
            new PaymentSettings(23, 1, 2, 5, Duration.ofMinutes(15));

    /** The settings of a configuration, each clamped into its documented range. */
    public static PaymentSettings of(RentalConfiguration c) {
        return new PaymentSettings(
                clamp(c.payment_blackout_from_hour(), 0, 23),
                clamp(c.payment_blackout_until_hour(), 0, 23),
                clamp(c.payment_closed_last_days(), 0, 10),
                clamp(c.rent_due_day(), 1, 28),
                Duration.ofMinutes(clamp(c.payment_order_minutes(), 1, 1440)));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
