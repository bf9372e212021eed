package org.guangsha.platform.internal.payment;

/**
 * Amounts in fen shown as yuan, from the integer digits only: a binary floating-point number cannot
 * hold 0.10 exactly, and a receipt must never be off by a fen.
 */
public final class Yuan {

    /** Largest amount {@link #inWords} spells: 9999亿 yuan and 99 fen. */
    static final long MAX_WORDS_FEN = 999_999_999_999_99L;

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿"};
    private static final int[] POWERS = {1, 10, 100, 1000};

    private Yuan() {}

    /** {@code 120000} → {@code 1,200.00}; {@code 5} → {@code 0.05}. */
    public static String format(long fen) {
        String digits = Long.toString(fen);
        String sign = "";
        if (digits.startsWith("-")) {
            sign = "-";
            digits = digits.substring(1);
        }
        digits = "0".repeat(Math.max(0, 3 - digits.length())) + digits;
        String whole = digits.substring(0, digits.length() - 2);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return sign + grouped + "." + digits.substring(digits.length() - 2);
    }

    /**
     * The amount in capital numerals as Chinese receipts write it (中文大写金额): {@code 120000} → {@code
     * 人民币壹仟贰佰元整}, {@code 100000005} → {@code 人民币壹佰万元零伍分}.
     *
     * @throws IllegalArgumentException for a negative amount or one above {@link #MAX_WORDS_FEN}
     */
    public static String inWords(long fen) {
        if (fen < 0 || fen > MAX_WORDS_FEN) {
            throw new IllegalArgumentException("Cannot spell " + fen + " fen");
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder b = new StringBuilder("人民币");
        if (yuan > 0) {
            b.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return b.append(yuan > 0 ? "整" : "零元整").toString();
        }
        if (jiao > 0) {
            b.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            b.append('零');
        }
        if (cents > 0) {
            b.append(DIGITS.charAt(cents)).append('分');
        }
        return b.toString();
    }

    /** A positive whole number of yuan below 10^12, by groups of four digits (万, 亿). */
    private static String integer(long yuan) {
        int[] groups = {
            (int) (yuan % 10_000), (int) (yuan / 10_000 % 10_000), (int) (yuan / 100_000_000)
        };
        StringBuilder b = new StringBuilder();
        boolean zeroPending = false;
        for (int g = groups.length - 1; g >= 0; g--) {
            int value = groups[g];
            if (value == 0) {
                zeroPending = b.length() > 0;
                continue;
            }
            // a gap of zeros between two groups, or a group starting below its thousands, reads 零
            if (b.length() > 0 && (zeroPending || value < 1000)) {
                b.append('零');
            }
            zeroPending = false;
            b.append(fourDigits(value)).append(GROUPS[g]);
        }
        return b.toString();
    }

    private static String fourDigits(int value) {
        StringBuilder b = new StringBuilder();
        boolean zeroPending = false;
        for (int place = 3; place >= 0; place--) {
            int d = value / POWERS[place] % 10;
            if (d == 0) {
                zeroPending = b.length() > 0;
            } else {
                if (zeroPending) {
                    b.append('零');
                    zeroPending = false;
                }
                b.append(DIGITS.charAt(d)).append(PLACES[place]);
            }
        }
        return b.toString();
    }
}
