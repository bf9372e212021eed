package org.guangsha.selection.internal.signing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.selection.internal.SelectionConfiguration;

/**
 * The city's signing settings ({@code etc/org.guangsha.selection.cfg}), read once per change and
 * kept within sane bounds: a typo in the file must not make a deposit of zero months or a contract
 * nobody may read.
 *
 * @param depositMonths the deposit in months of rent (1-12)
 * @param depositLifetime how long a deposit order can be paid
 * @param commitmentReading the countdown on the commitment letter
 * @param contractReading the countdown on the lease
 * @param reviewLevels who reviews a signing, in order
 * @param lessorName the lessor; empty for the batch's city's housing bureau
 * @param lessorCode the lessor's credit code
 * @param lessorPhone the lessor's telephone
 * @param leaseYears the lease term in years
 * @param rentPaymentDay the rent's due day of the month
 * @param checkinDays days after approval to check in
 * @param checkinPlace where to check in
 * @param checkinContact whom to ask about checking in
 */
public record SigningSettings(
        int depositMonths,
        Duration depositLifetime,
        Duration commitmentReading,
        Duration contractReading,
        List<ReviewLevel> reviewLevels,
        String lessorName,
        String lessorCode,
        String lessorPhone,
        int leaseYears,
        int rentPaymentDay,
        int checkinDays,
        String checkinPlace,
        String checkinContact) {

    /** The settings of a configuration. */
    public static SigningSettings of(SelectionConfiguration c) {
        return new SigningSettings(
                clamp(c.deposit_months(), 1, 12),
                Duration.ofMinutes(clamp(c.deposit_minutes(), 1, 1440)),
                Duration.ofSeconds(clamp(c.signing_commitment_seconds(), 0, 600)),
                Duration.ofSeconds(clamp(c.signing_contract_seconds(), 0, 600)),
                levels(c.signing_review_levels()),
                text(c.lessor_name(), ""),
                text(c.lessor_code(), "—"),
                text(c.lessor_phone(), "—"),
                clamp(c.lease_years(), 1, 10),
                clamp(c.rent_payment_day(), 1, 28),
                clamp(c.checkin_days(), 1, 365),
                text(c.checkin_place(), "项目管理服务中心"),
                text(c.checkin_contact(), "项目管理服务中心"));
    }

    /**
     * The review levels named in the configuration ({@code district}, {@code city}, {@code
     * province}, in order); unknown names are skipped, and an empty list falls back to district.
     */
    static List<ReviewLevel> levels(String text) {
        List<ReviewLevel> levels = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            switch (part.strip().toLowerCase(Locale.ROOT)) {
                case "district", "county" -> levels.add(ReviewLevel.district());
                case "city" -> levels.add(ReviewLevel.city());
                case "province" -> levels.add(
                        new ReviewLevel(
                                "province",
                                LocalizedText.of("省级审核", "Province review"),
                                "PROVINCE"));
                default -> {
                    // an unknown or empty name reviews nothing
                }
            }
        }
        return levels.isEmpty() ? List.of(ReviewLevel.district()) : List.copyOf(levels);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
