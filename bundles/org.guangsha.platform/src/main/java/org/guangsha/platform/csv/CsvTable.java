package org.guangsha.platform.csv;

import java.util.List;
import java.util.Map;

/**
 * What {@link CsvReader#read} found in a file: its rows and its problems. When there is a problem
 * the rows are those read before it (none when the header or the encoding is wrong), so a line can
 * still check them and report everything at once.
 */
public final class CsvTable {

    private final String file;
    private final List<CsvRow> rows;
    private final List<CsvProblem> problems;
    private final Map<String, String> headers;
    private final Map<String, CsvColumn> columns;

    CsvTable(
            String file,
            List<CsvRow> rows,
            List<CsvProblem> problems,
            Map<String, String> headers,
            Map<String, CsvColumn> columns) {
        this.file = file;
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
        this.columns = columns;
    }

    /** The file's name as the reader was given it. */
    public String file() {
        return file;
    }

    /** The rows with a value, in file order. */
    public List<CsvRow> rows() {
        return rows;
    }

    /** The problems of the file as a whole; empty when it was read to its end. */
    public List<CsvProblem> problems() {
        return problems;
    }

    /**
     * A column's name for messages: its header as the file wrote it (月租金(元)), else its Chinese
     * name, else the key itself.
     */
    public String column(String key) {
        String header = headers.get(key);
        if (header != null) {
            return header;
        }
        CsvColumn c = columns.get(key);
        return c == null ? key : c.zh();
    }
}
