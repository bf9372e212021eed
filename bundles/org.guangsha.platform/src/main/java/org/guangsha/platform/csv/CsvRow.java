package org.guangsha.platform.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of a file with at least one value in a known column.
 *
 * @param number the row as a spreadsheet numbers it: the file's first line is row 1 (normally the
 *     header), blank lines count
 * @param values the row's values by column key, stripped; blank values are left out
 */
public record CsvRow(int number, Map<String, String> values) {

    /** Keeps its own copy of the values, in the file's column order. */
    public CsvRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a column, or null when the row has none. */
    public String get(String key) {
        return values.get(key);
    }
}
