package org.guangsha.platform.internal.audit;

/**
 * What checking the audit chain found.
 *
 * @param ok whether every row is intact and in place
 * @param rowsChecked how many rows were read up to (and including) the first broken one
 * @param firstBrokenSeq the SEQ of the first row that does not fit the chain, or null when ok
 * @param reason why that row does not fit, or null when ok
 * @param lastHash the hash of the last intact row (null for an empty trail): noted down somewhere
 *     else, it lets a later check see that no rows were rewritten or cut off at the end
 */
public record AuditVerification(
        boolean ok, long rowsChecked, Long firstBrokenSeq, String reason, String lastHash) {}
