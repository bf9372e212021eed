package org.guangsha.platform.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The 18-character resident identity number (公民身份号码) of GB 11643-1999: a six-digit address code,
 * the date of birth, a three-digit sequence number whose last digit is odd for men, and an ISO 7064
 * MOD 11-2 check character. Applications for public housing are keyed on this number, so a typing
 * mistake caught here saves a citizen a rejected application weeks later; the checks are structural
 * only and say nothing about whether the number was ever issued.
 */
public final class ResidentIdNumber {

    /** Zone of the calendar in which "born in the future" is judged: the one on the ID card. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** No living applicant was born before this; an earlier date is a typing mistake. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int LENGTH = 18;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final String CHECK_CHARACTERS = "10X98765432";

    /**
     * Province-level codes that begin a valid number (GB/T 2260, plus 71/81/82/83 used for Taiwan,
     * Hong Kong and Macao residents and 91 for foreigners' permanent residence cards).
     */
    private static final int[][] REGION_RANGES = {
        {11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 83}, {91, 91}
    };

    private ResidentIdNumber() {}

    /** Why a text is not a valid resident identity number, worded for the citizen who typed it. */
    public enum Defect {
        /** Not 17 digits followed by a digit or X. */
        FORMAT(
                "身份证号应为18位，前17位为数字，最后一位为数字或X",
                "The ID number must have 18 characters: 17 digits followed by a digit or X"),
        /** The first two digits name no province-level region. */
        REGION(
                "身份证号前两位不是有效的省级行政区代码",
                "The first two digits of the ID number are not a valid province-level region code"),
        /** The date of birth does not exist, is before 1900 or is in the future. */
        BIRTH_DATE("身份证号中的出生日期无效", "The date of birth in the ID number is not valid"),
        /** The check character does not match the other 17 characters. */
        CHECK_DIGIT(
                "身份证号校验位错误，请核对",
                "The check digit of the ID number is wrong; please check the number");

        private final String message;
        private final String messageEn;

        Defect(String message, String messageEn) {
            this.message = message;
            this.messageEn = messageEn;
        }

        /**
         * The Simplified Chinese message, shown first on every page (it is the citizen's language).
         */
        public String message() {
            return message;
        }

        /** The English message, for the English pages and for logs read by non-Chinese readers. */
        public String messageEn() {
            return messageEn;
        }
    }

    /**
     * Brings a number into the form in which it is stored and compared: people paste it with
     * surrounding blanks and type the final X in lower case, and neither should make it a different
     * number.
     *
     * @return the number without surrounding whitespace and with a final {@code x} upper-cased, or
     *     {@code null} for {@code null}
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.endsWith("x")) {
            value = value.substring(0, value.length() - 1) + 'X';
        }
        return value;
    }

    /**
     * Finds the first thing wrong with a number, judging "today" in China, so that a form can tell
     * the citizen what to correct rather than just that the number is wrong.
     *
     * @param text the number as entered; it is {@linkplain #normalize normalized} first
     * @return the first defect in the order format, region, birth date, check digit; empty when the
     *     number is valid
     */
    public static Optional<Defect> defect(String text) {
        return defect(text, LocalDate.now(CHINA));
    }

    /**
     * Same as {@link #defect(String)} with a given "today", so that the rule about future birth
     * dates can be tested without depending on the day the tests run.
     */
    public static Optional<Defect> defect(String text, LocalDate today) {
        String value = normalize(text);
        if (!hasFormat(value)) {
            return Optional.of(Defect.FORMAT);
        }
        if (!isRegion(Integer.parseInt(value.substring(0, 2)))) {
            return Optional.of(Defect.REGION);
        }
        LocalDate birth = parseBirthDate(value);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of(Defect.BIRTH_DATE);
        }
        if (value.charAt(LENGTH - 1) != checkCharacter(value)) {
            return Optional.of(Defect.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /**
     * The date of birth, which eligibility rules (age limits, seniors' priority) need without
     * asking the citizen a second time.
     *
     * @param valid a number without {@linkplain #defect(String) defect}
     * @throws IllegalArgumentException if the number is not valid, so that a caller that skipped
     *     validation fails instead of computing eligibility from a wrong date
     */
    public static LocalDate birthDate(String valid) {
        return parseBirthDate(requireValid(valid));
    }

    /**
     * Whether the number was issued to a man (odd 17th digit), for the statistics and the household
     * checks that the number already answers.
     *
     * @param valid a number without {@linkplain #defect(String) defect}
     * @throws IllegalArgumentException if the number is not valid
     */
    public static boolean isMale(String valid) {
        return (requireValid(valid).charAt(LENGTH - 2) - '0') % 2 == 1;
    }

    /**
     * Masks a number for lists, logs and public pages. An 18-character value keeps the first four
     * characters (province and city, often needed to route a case) and the last four (what people
     * quote on the phone): {@code 4403**********1234}. Any other value, such as an old 15-digit
     * number or a typing mistake, keeps only its first and last character; a value of one or two
     * characters is masked completely, so the input is never returned unmasked.
     *
     * @param text the number; it is {@linkplain #normalize normalized} first
     * @return the masked number, or {@code null} for {@code null}
     */
    public static String mask(String text) {
        String value = normalize(text);
        if (value == null) {
            return null;
        }
        if (value.length() == LENGTH) {
            return Masking.keepEnds(value, 4, 4);
        }
        return Masking.keepEnds(value, 1, 1);
    }

    private static String requireValid(String text) {
        Optional<Defect> defect = defect(text);
        if (defect.isPresent()) {
            throw new IllegalArgumentException(
                    "Not a valid resident ID number: " + defect.get().messageEn());
        }
        return normalize(text);
    }

    private static boolean hasFormat(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        char last = value.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isRegion(int code) {
        for (int[] range : REGION_RANGES) {
            if (code >= range[0] && code <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The date in digits 7 to 14, or {@code null} when no such day exists (e.g. 30 February). */
    private static LocalDate parseBirthDate(String value) {
        try {
            return LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /**
     * The whole number for the first 17 digits (region, birth date, sequence): they with the GB
     * 11643 check character appended. For tools that make up numbers, such as the sandbox's demo
     * families; the digits themselves are not checked.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 digits
     */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || !first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        return first17 + checkCharacter(first17);
    }

    private static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
