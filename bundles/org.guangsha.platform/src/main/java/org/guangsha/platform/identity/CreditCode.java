package org.guangsha.platform.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015 that identifies an organization:
 * employers, housing companies and service providers are recorded by it. It has 18 characters: the
 * registration authority, the organization type, the six-digit administrative division of the
 * registering office, the nine-character organization code and a check character. Checking the
 * structure catches typing and OCR mistakes at the form instead of at a later cross-check; it says
 * nothing about whether the code was ever issued.
 */
public final class CreditCode {

    private static final int LENGTH = 18;

    /** The 31 characters a code may contain, in the order that gives each its value. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
    };

    /**
     * Organization types each registration authority may assign (GB 32100-2015 table 1 and the
     * authorities added since: 2 foreign affairs, 3 justice (law firms), 4 culture, 6 tourism, 7
     * religious affairs, 8 trade unions, A military staffing, N agriculture). Wider than the 2015
     * table on purpose: refusing a real organization's code is worse than letting the check
     * character decide.
     */
    private static final Map<Character, String> TYPES_BY_AUTHORITY =
            Map.ofEntries(
                    Map.entry('1', "1239"),
                    Map.entry('2', "19"),
                    Map.entry('3', "1239"),
                    Map.entry('4', "19"),
                    Map.entry('5', "1239"),
                    Map.entry('6', "129"),
                    Map.entry('7', "129"),
                    Map.entry('8', "19"),
                    Map.entry('9', "123"),
                    Map.entry('A', "19"),
                    Map.entry('N', "1239"),
                    Map.entry('Y', "1"));

    private CreditCode() {}

    /** Why a text is not a valid credit code, worded for the person who typed it. */
    public enum Defect {
        /**
         * Wrong length, a character outside the code's alphabet, an unknown authority or type, or a
         * non-numeric division code.
         */
        FORMAT(
                "统一社会信用代码应为18位，由数字和大写字母组成（不含 I、O、S、V、Z）",
                "The unified social credit code must have 18 characters, digits and capital letters"
                        + " except I, O, S, V and Z"),
        /** The check character does not match the other 17 characters. */
        CHECK_CHARACTER(
                "统一社会信用代码校验位错误，请核对",
                "The check character of the unified social credit code is wrong; please check the"
                        + " code");

        private final String message;
        private final String messageEn;

        Defect(String message, String messageEn) {
            this.message = message;
            this.messageEn = messageEn;
        }

        /**
         * The Simplified Chinese message, shown first on every page (it is the user's language).
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
     * Brings a code into the form in which it is stored and compared: codes are pasted with
     * surrounding blanks and typed in lower case, and neither should make them a different code.
     *
     * @return the code without surrounding whitespace and in upper case, or {@code null} for {@code
     *     null}
     */
    public static String normalize(String text) {
        return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Finds what is wrong with a code, so that a form can tell the user whether the code was
     * mistyped as a whole or only in one character.
     *
     * @param text the code as entered; it is {@linkplain #normalize normalized} first
     * @return {@link Defect#FORMAT} before {@link Defect#CHECK_CHARACTER}; empty when the code is
     *     valid
     */
    public static Optional<Defect> defect(String text) {
        String value = normalize(text);
        if (!hasFormat(value)) {
            return Optional.of(Defect.FORMAT);
        }
        if (value.charAt(LENGTH - 1) != checkCharacter(value)) {
            return Optional.of(Defect.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * Masks a code for lists, logs and public pages. An 18-character value keeps its first six
     * characters (authority, type and province and city of registration) and its last four: {@code
     * 913501********0Y43}. Any other value keeps only its first and last character; a value of one
     * or two characters is masked completely, so the input is never returned unmasked.
     *
     * @param text the code; it is {@linkplain #normalize normalized} first
     * @return the masked code, or {@code null} for {@code null}
     */
    public static String mask(String text) {
        String value = normalize(text);
        if (value == null) {
            return null;
        }
        if (value.length() == LENGTH) {
            return Masking.keepEnds(value, 6, 4);
        }
        return Masking.keepEnds(value, 1, 1);
    }

    private static boolean hasFormat(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        String types = TYPES_BY_AUTHORITY.get(value.charAt(0));
        if (types == null || types.indexOf(value.charAt(1)) < 0) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARSET.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        int check = CHARSET.length() - sum % CHARSET.length();
        return CHARSET.charAt(check == CHARSET.length() ? 0 : check);
    }
}
