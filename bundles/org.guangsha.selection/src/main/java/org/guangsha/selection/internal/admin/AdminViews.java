package org.guangsha.selection.internal.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.BatchSummary;

/** What the operators' paths ({@code /api/selection/admin/...}) answer with. */
public final class AdminViews {

    private AdminViews() {}

    /**
     * One batch for staff.
     *
     * @param batch the batch's summary
     * @param unitsTaken units allocated so far
     * @param families how many families are in each status ({@code WAITING}, {@code CONFIRMED} …)
     * @param supplementPending families that applied for supplementary selection (S-9) and are in
     *     no supplementary session yet
     * @param sessions its sessions by start, with their families' statuses
     */
    public record BatchDetail(
            BatchSummary batch,
            int unitsTaken,
            Map<String, Integer> families,
            int supplementPending,
            List<SessionCounts> sessions) {}

    /**
     * A session with the statuses of its families (for a supplementary session: the families
     * published in it).
     *
     * @param kind {@code FORMAL} or {@code SUPPLEMENTARY}
     * @param status {@code SCHEDULED} or {@code CLOSED}
     * @param familyCount how many families it has
     * @param families how many of them are in each status; in a formal session, the families
     *     published in a supplementary session since are counted as {@code SUPPLEMENTARY}
     */
    public record SessionCounts(
            String id,
            int seq,
            String name,
            String kind,
            Instant startsAt,
            Instant endsAt,
            String status,
            Instant closedAt,
            int familyCount,
            Map<String, Integer> families) {}

    /**
     * A family as staff see it in lists: name and ID number masked.
     *
     * @param applicantName the main applicant's name, masked ({@code 张*})
     * @param idNumber the ID number, masked ({@code 4403**********1234})
     * @param sessionSeq its formal session's number
     * @param unitCode the unit it got, or null
     * @param mode how it got it ({@code CONFIRMED}, {@code AUTO} …), or null
     * @param supplementSessionId the supplementary session it was published in, or null
     */
    public record FamilyRow(
            String id,
            int rank,
            String applicantName,
            String idNumber,
            int householdSize,
            String sessionId,
            Integer sessionSeq,
            String status,
            String unitCode,
            String mode,
            Instant supplementAppliedAt,
            String supplementSessionId) {}

    /** A page of families by rank. */
    public record FamilyPage(List<FamilyRow> items, int page, int size, long total) {}

    /**
     * One problem of a refused batch, as the 400 {@code batch-rejected} answer lists it. The
     * members {@code field}, {@code message} and {@code messageEn} are those of every problem's
     * field errors, so that any client shows them; {@code field} names section, row and column
     * together ({@code units[3].rentYuan}), and {@code section}, {@code row} and {@code column}
     * give them one by one.
     *
     * @param field {@code <section>[<row>].<column>}; {@code <section>.<column>} for row 0 (the
     *     batch itself, or a file's header); {@code <section>} when no column is at fault
     * @param row the CSV record after the header, or the position in the JSON list, from 1; 0 for
     *     the batch itself or a whole file
     */
    public record RowProblem(
            String field,
            String message,
            String messageEn,
            String section,
            int row,
            String column) {

        /** The view of a validation problem. */
        public static RowProblem of(RowError e) {
            String path =
                    e.section()
                            + (e.row() > 0 ? "[" + e.row() + "]" : "")
                            + (e.field() == null ? "" : "." + e.field());
            return new RowProblem(path, e.zh(), e.en(), e.section(), e.row(), e.field());
        }
    }

    /**
     * The 400 answer to a refused batch: problem+json ({@code urn:guangsha:problem:batch-rejected})
     * with every problem.
     */
    public record RejectedProblem(
            String type,
            String title,
            String titleEn,
            int status,
            String detail,
            String instance,
            List<RowProblem> errors) {}

    /**
     * A published supplementary session (S-9) with the families in it, by rank.
     *
     * @param session the session
     * @param families its families, masked
     */
    public record Supplementary(SessionCounts session, List<FamilyRow> families) {}
}
