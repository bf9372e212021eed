package org.guangsha.platform.identity;

/**
 * Masking of personal data for lists, logs and public pages. A caseworker's list, a log line or a
 * published allocation result must let people recognise a record without exposing the data itself,
 * so these helpers keep only the few characters needed for that and hide the rest. They never
 * return an input that has more than two characters unmasked, whatever its shape.
 */
public final class Masking {

    private static final int MOBILE_LENGTH = 11;

    private Masking() {}

    /**
     * Masks a mobile number. A mainland mobile number keeps its first three digits (the carrier
     * prefix, which helps telling two numbers apart on a phone call) and its last four, as
     * operators and banks show it: {@code 138****1234}. Anything else keeps only its last two
     * characters, because its shape is unknown and a landline or foreign number reveals more per
     * digit.
     *
     * @param text the number as entered; surrounding whitespace is ignored
     * @return the masked number, or {@code null} for {@code null}
     */
    public static String mobile(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (isMainlandMobile(value)) {
            return value.substring(0, 3) + "****" + value.substring(MOBILE_LENGTH - 4);
        }
        return keepEnds(value, 0, 2);
    }

    /**
     * Masks a person's name. A Chinese name keeps its first character only ({@code 张三} becomes
     * {@code 张*}, {@code 欧阳娜娜} becomes {@code 欧***}): telling single from compound surnames needs a
     * list that is never complete, and keeping one character is safe for both. A name in another
     * script keeps its first letter followed by a fixed {@code ***}, so that neither the length nor
     * the number of words shows. A one-character name becomes {@code *}, since keeping its only
     * character would not mask it.
     *
     * @param text the name; surrounding whitespace is ignored
     * @return the masked name, or {@code null} for {@code null}
     */
    public static String name(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return value;
        }
        int first = value.codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return keepEnds(value, 1, 0);
        }
        if (value.codePointCount(0, value.length()) == 1) {
            return "*";
        }
        return new StringBuilder().appendCodePoint(first).append("***").toString();
    }

    /**
     * Keeps the first {@code head} and last {@code tail} characters (code points, so that a rare
     * character outside the Basic Multilingual Plane is never cut in half) and replaces every other
     * one by {@code *}. When the kept characters would cover the whole value, everything is masked
     * instead: a masking helper must never hand back the data it was asked to hide.
     */
    static String keepEnds(String value, int head, int tail) {
        int[] codePoints = value.codePoints().toArray();
        boolean keep = head + tail < codePoints.length;
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < codePoints.length; i++) {
            if (keep && (i < head || i >= codePoints.length - tail)) {
                masked.appendCodePoint(codePoints[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }

    private static boolean isMainlandMobile(String value) {
        if (value.length() != MOBILE_LENGTH || value.charAt(0) != '1') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
