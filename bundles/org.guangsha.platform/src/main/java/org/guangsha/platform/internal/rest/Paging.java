package org.guangsha.platform.internal.rest;

import org.guangsha.platform.rest.ProblemException;

/**
 * The {@code page} (from 1) and {@code size} query parameters of a list, checked: a missing value
 * takes the default, a wrong one is answered with 400 naming it.
 *
 * @param page the page, from 1
 * @param size rows per page
 */
public record Paging(int page, int size) {

    /**
     * Checks the parameters as the query string has them (null or empty when absent). They are read
     * as text, since JAX-RS answers a number it cannot convert with 404 rather than 400.
     */
    public static Paging of(String page, String size, int defaultSize, int maxSize) {
        int p = number(page, 1);
        int s = number(size, defaultSize);
        if (p < 1 || (long) (p - 1) * maxSize > Integer.MAX_VALUE) {
            throw ProblemException.invalidField("page", "页码应从1开始", "Pages start at 1");
        }
        if (s < 1 || s > maxSize) {
            throw ProblemException.invalidField(
                    "size", "每页条数应在1到" + maxSize + "之间", "The page size is 1 to " + maxSize);
        }
        return new Paging(p, s);
    }

    private static int number(String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** How many rows come before this page. */
    public int offset() {
        return (page - 1) * size;
    }
}
