package org.guangsha.selection.internal;

import org.guangsha.platform.rest.ProblemException;

/**
 * Query parameters of the line's REST paths, read the same way everywhere: 400 naming the one at
 * fault.
 */
public final class QueryParams {

    private QueryParams() {}

    /**
     * An optional whole number from {@code min} to {@code max}; 400 naming {@code name} otherwise.
     */
    public static Integer intOrNull(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return intOr(name, value, 0, min, max);
    }

    /**
     * A whole number from {@code min} to {@code max}, {@code fallback} when absent; 400 naming
     * {@code name} otherwise.
     */
    public static int intOr(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.invalidField(
                name,
                name + "应为" + min + "至" + max + "之间的整数",
                name + " must be a whole number from " + min + " to " + max);
    }

    /** {@code true}, {@code false} or absent (null); 400 naming {@code name} otherwise. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField(
                    name, name + "应为true或false", name + " must be true or false");
        };
    }
}
