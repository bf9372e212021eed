package org.guangsha.platform.internal.audit;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the audit rows live: the database in production, a list in the unit tests. It only ever
 * adds rows; there is no way to change or remove one.
 */
interface AuditStore {

    /**
     * In one transaction: reads the last row, inserts what {@code next} makes of it (null when the
     * trail is empty) and commits. Throws when the insert fails, e.g. because another node appended
     * the same SEQ first.
     */
    AuditEntry append(UnaryOperator<AuditEntry> next);

    /** The SEQ of the last row, 0 when the trail is empty. */
    long lastSeq();

    /** Up to {@code limit} rows with a SEQ above {@code seq}, in SEQ order. */
    List<AuditEntry> after(long seq, int limit);

    /** The rows matching {@code query}, newest first, skipping {@code offset}. */
    AuditTrail.Page query(AuditTrail.Query query, int offset, int limit);
}
