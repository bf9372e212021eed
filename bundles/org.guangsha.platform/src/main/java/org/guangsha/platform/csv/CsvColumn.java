package org.guangsha.platform.csv;

import java.util.List;
import java.util.Objects;

/**
 * A column a file may have.
 *
 * @param key the column's key: its English header, the key of its values in a {@link CsvRow} and
 *     the field problems name
 * @param required whether the file must have it (a file without is refused as a whole)
 * @param zh its Chinese header, the name Chinese messages use
 * @param aliases other headers accepted for it
 */
public record CsvColumn(String key, boolean required, String zh, List<String> aliases) {

    /** Refuses a column without key or Chinese name. */
    public CsvColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(zh, "zh");
        aliases = List.copyOf(aliases);
    }

    /** A column with these other accepted headers. */
    public CsvColumn(String key, boolean required, String zh, String... aliases) {
        this(key, required, zh, List.of(aliases));
    }
}
