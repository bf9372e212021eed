package org.guangsha.selection.batch;

import java.util.List;

/**
 * A batch refused as a whole: every problem found, row by row, so that whoever prepared the list
 * can correct all of it at once. Nothing of the batch was stored.
 */
public class BatchRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param section {@code batch}, {@code units}, {@code families} or {@code sessions}
     * @param row the 1-based row of that section (the CSV line after its header), or 0 for the
     *     batch itself
     * @param field the field (column) at fault
     * @param zh the message in Chinese
     * @param en the message in English
     */
    public record RowError(String section, int row, String field, String zh, String en) {}

    private final transient List<RowError> errors;

    /** The batch was refused for these problems. */
    public BatchRejectedException(List<RowError> errors) {
        super(errors.size() + " problem(s) in the batch, first: " + first(errors));
        this.errors = List.copyOf(errors);
    }

    private static String first(List<RowError> errors) {
        if (errors.isEmpty()) {
            return "none";
        }
        RowError e = errors.get(0);
        return e.section() + " row " + e.row() + " " + e.field() + ": " + e.en();
    }

    /** Every problem, in the order found. */
    public List<RowError> errors() {
        return errors;
    }
}
