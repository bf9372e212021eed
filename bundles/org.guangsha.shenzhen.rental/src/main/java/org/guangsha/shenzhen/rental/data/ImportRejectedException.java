package org.guangsha.shenzhen.rental.data;

import java.util.List;

/**
 * An import refused as a whole: every problem found, so that whoever prepared the files corrects
 * all of them at once. Nothing of the import was stored.
 */
public class ImportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param file the file ({@code homes.csv} …), or null for the request as a whole
     * @param row the row as a spreadsheet numbers it (the header is row 1), or 0 for the file
     * @param column the column's header as written in the file (or its Chinese name when the column
     *     is missing), or null
     * @param field the field (English column key, such as {@code rentYuan}), or null
     * @param message the message in Chinese
     * @param messageEn the message in English
     */
    public record ImportProblem(
            String file, int row, String column, String field, String message, String messageEn) {}

    private final transient List<ImportProblem> problems;

    /** The import was refused for these problems. */
    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the import, first: " + first(problems));
        this.problems = List.copyOf(problems);
    }

    private static String first(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return "none";
        }
        ImportProblem p = problems.get(0);
        return p.file() + " row " + p.row() + " " + p.field() + ": " + p.messageEn();
    }

    /** Every problem, by file, row and column. */
    public List<ImportProblem> problems() {
        return problems;
    }
}
