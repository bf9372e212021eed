package org.guangsha.shenzhen.rental.internal.renewal;

import java.time.Duration;
import org.guangsha.shenzhen.rental.internal.RentalConfiguration;

/**
 * The city's renewal settings (SZ-2), read from {@link RentalConfiguration} and kept in range.
 *
 * @param termYears the years a renewal adds after the old end date
 * @param readContract the contract's reading countdown in the signing ceremony
 * @param readCommitment the commitment's reading countdown
 * @param lessorName the lessor named in the contract
 * @param lessorPhone the lessor's telephone in the contract
 * @param rentDueDay the day of the month rent is due (the contract states it)
 */
public record RenewalSettings(
        int termYears,
        Duration readContract,
        Duration readCommitment,
        String lessorName,
        String lessorPhone,
        int rentDueDay) {

    /** The configuration's defaults: three years, 10 s and 10 s, the city's housing bureau. */
    public static final RenewalSettings DEFAULTS =
            new RenewalSettings(
                    3, Duration.ofSeconds(10), Duration.ofSeconds(10), "深圳市住房和建设局", "12345", 5);

    /** The settings of a configuration, numbers clamped into their documented ranges. */
    public static RenewalSettings of(RentalConfiguration c) {
        return new RenewalSettings(
                clamp(c.renewal_term_years(), 1, 10),
                Duration.ofSeconds(clamp(c.signing_read_seconds(), 0, 120)),
                Duration.ofSeconds(clamp(c.signing_commitment_seconds(), 0, 120)),
                blankTo(c.lessor_name(), DEFAULTS.lessorName()),
                blankTo(c.lessor_phone(), DEFAULTS.lessorPhone()),
                clamp(c.rent_due_day(), 1, 28));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
