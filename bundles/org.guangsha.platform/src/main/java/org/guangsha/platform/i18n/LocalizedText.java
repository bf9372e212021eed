package org.guangsha.platform.i18n;

import java.util.Objects;

/**
 * A text in Simplified Chinese (required, shown first) and English (optional; the Chinese text is
 * shown when it is missing).
 *
 * @param zh the Simplified Chinese text, never blank
 * @param en the English text, or the Chinese one when no translation exists
 */
public record LocalizedText(String zh, String en) {

    /** Refuses a blank Chinese text: Chinese is the language every page must be able to show. */
    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        if (zh.isBlank()) {
            throw new IllegalArgumentException("zh must not be blank");
        }
        en = en == null || en.isBlank() ? zh : en;
    }

    /** Shorthand for {@code new LocalizedText(zh, en)}. */
    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }
}
