package org.guangsha.platform.internal.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guangsha.platform.internal.util.Digests;

/**
 * One versioned migration script, {@code V<version>__<description>.sql}.
 *
 * @param version the version, from 1, unique within the module
 * @param description what the script does, from its file name
 * @param sql the script's text: statements end with {@code ;} at the end of a line; {@code --}
 *     starts a comment line
 */
public record MigrationScript(int version, String description, String sql) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** Checks the members. */
    public MigrationScript {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }

    /** Reads version and description from a file name such as {@code V2__add_leases.sql}. */
    public static MigrationScript fromFile(String fileName, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Migration file name must look like V1__create_tables.sql: " + fileName);
        }
        return new MigrationScript(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql);
    }

    /** SHA-256 of the script with line endings normalised, to notice a script changed later. */
    public String checksum() {
        return Digests.sha256Hex(sql.replace("\r\n", "\n"));
    }

    /** The statements of the script, without comments and the closing semicolons. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
