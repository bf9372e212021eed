package org.guangsha.shenzhen.rental.internal;

import java.util.List;
import java.util.Locale;

/**
 * A lessee's marital status in the words the pages show and send (未婚, 已婚, 离异, 丧偶). The operators'
 * import stores the codes SINGLE, MARRIED, DIVORCED, WIDOWED; renewal and changes store the words;
 * both read as words.
 */
public final class MaritalStatus {

    /** The words a lessee chooses from, in this order. */
    public static final List<String> WORDS = List.of("未婚", "已婚", "离异", "丧偶");

    private MaritalStatus() {}

    /**
     * The word for a stored value: an import code becomes its word, a word stays (trimmed), blank
     * is null; anything else is returned trimmed, to be refused where it is checked.
     */
    public static String word(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String v = stored.trim();
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "SINGLE" -> "未婚";
            case "MARRIED" -> "已婚";
            case "DIVORCED" -> "离异";
            case "WIDOWED" -> "丧偶";
            default -> v;
        };
    }
}
