package org.guangsha.platform.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    @Test
    void versionAndDescriptionComeFromTheFileName() {
        MigrationScript s = MigrationScript.fromFile("V12__add_lease_tables.sql", "SELECT 1;");
        assertEquals(12, s.version());
        assertEquals("add lease tables", s.description());
    }

    @Test
    void badFileNamesAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> MigrationScript.fromFile("V1_x.sql", ""));
        assertThrows(
                IllegalArgumentException.class, () -> MigrationScript.fromFile("1__x.sql", ""));
        assertThrows(
                IllegalArgumentException.class, () -> MigrationScript.fromFile("V0__x.sql", ""));
    }

    @Test
    void statementsAreSplitAtLineEndSemicolonsWithoutComments() {
        MigrationScript s =
                new MigrationScript(
                        1,
                        "t",
                        "-- a comment\n"
                                + "CREATE TABLE A (\n  X INT, Y VARCHAR(10) DEFAULT 'a;b'\n);\n\n"
                                + "INSERT INTO A VALUES (1, 'x');\n"
                                + "INSERT INTO A VALUES (2, 'y')");
        assertEquals(
                List.of(
                        "CREATE TABLE A (\n  X INT, Y VARCHAR(10) DEFAULT 'a;b'\n)",
                        "INSERT INTO A VALUES (1, 'x')",
                        "INSERT INTO A VALUES (2, 'y')"),
                s.statements());
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String unix = new MigrationScript(1, "t", "CREATE TABLE A (X INT);\n").checksum();
        String windows = new MigrationScript(1, "t", "CREATE TABLE A (X INT);\r\n").checksum();
        String other = new MigrationScript(1, "t", "CREATE TABLE B (X INT);\n").checksum();
        assertEquals(unix, windows);
        assertNotEquals(unix, other);
        assertEquals(64, unix.length());
    }
}
