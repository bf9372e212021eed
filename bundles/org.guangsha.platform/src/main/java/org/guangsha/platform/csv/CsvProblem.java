package org.guangsha.platform.csv;

/**
 * A problem of a file as a whole, found while reading it: a line turns it into its own error type
 * (a problem of a value is the line's to find).
 *
 * @param kind what is wrong, for a line that words some problems its own way
 * @param file the file's name as the reader was given it
 * @param row the spreadsheet row (1: the header), or 0 for the file as a whole
 * @param column for a column twice, the header as written; for a missing column, its Chinese name;
 *     else null
 * @param key the column's key, or null
 * @param message the message in Chinese
 * @param messageEn the message in English
 */
public record CsvProblem(
        Kind kind,
        String file,
        int row,
        String column,
        String key,
        String message,
        String messageEn) {

    /** What is wrong with a file. */
    public enum Kind {
        /** The bytes are not UTF-8 (Excel's plain "CSV" is GBK); row 0. */
        NOT_UTF8,
        /** Nothing but blank lines: no header; row 1. */
        EMPTY,
        /** Two headers name one column; the header's row. */
        DUPLICATE_COLUMN,
        /** A required column is missing; the header's row. */
        MISSING_COLUMN,
        /**
         * Not well-formed CSV, such as an unclosed quote; the row after the last one read, or 0.
         */
        MALFORMED,
        /**
         * More rows than the reader takes; row 0. The rows read go up to the first one too many.
         */
        TOO_MANY_ROWS
    }
}
