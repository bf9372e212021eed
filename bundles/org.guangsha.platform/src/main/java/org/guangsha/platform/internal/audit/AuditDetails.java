package org.guangsha.platform.internal.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.ResidentIdNumber;

/**
 * Makes what callers hand to the audit trail safe to keep for years: resident ID numbers and mobile
 * numbers that slipped into a detail or target are masked, control characters are replaced and
 * over-long values are cut to their column. Callers still mask what they put in; this is the net
 * under them, since an audit row can never be corrected afterwards.
 */
public final class AuditDetails {

    /** 18 characters like an ID number, not part of a longer word or number. */
    private static final Pattern ID_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    /**
     * A mainland mobile number, not part of a longer word or number: the ids in details (UUIDs with
     * their hex letters) must not have digit runs inside them masked.
     */
    private static final Pattern MOBILE =
            Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

    private AuditDetails() {}

    /** {@code text} with ID numbers and mobile numbers masked; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = replace(ID_NUMBER, text, AuditDetails::maskIdNumber);
        return replace(MOBILE, masked, Masking::mobile);
    }

    /**
     * {@code text} with control characters and broken surrogates replaced by {@code ?} and cut to
     * at most {@code max} characters (ending in {@code …} when cut) without splitting a character;
     * null stays null. The database stores exactly this, so the hash of the stored row can be
     * computed again.
     */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean broken = Character.getType(cp) == Character.SURROGATE;
            b.appendCodePoint(broken || Character.isISOControl(cp) ? '?' : cp);
            i += Character.charCount(cp);
        }
        if (b.length() <= max) {
            return b.toString();
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(b.charAt(cut - 1))) {
            cut--;
        }
        return b.substring(0, cut) + "…";
    }

    private static String maskIdNumber(String candidate) {
        // a plausible number (region and birth date) is personal even when its check digit is wrong
        return ResidentIdNumber.defect(candidate)
                        .filter(d -> d != ResidentIdNumber.Defect.CHECK_DIGIT)
                        .isEmpty()
                ? ResidentIdNumber.mask(candidate)
                : candidate;
    }

    private static String replace(
            Pattern pattern, String text, java.util.function.UnaryOperator<String> masker) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(masker.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
