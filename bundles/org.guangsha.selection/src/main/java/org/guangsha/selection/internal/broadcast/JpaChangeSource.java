package org.guangsha.selection.internal.broadcast;

import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.guangsha.platform.persistence.JpaTransactions;

/**
 * Reads {@code SEL_CHANGE} with plain SQL through the selection unit: by its primary key (ranges of
 * {@code SEQ}) or by {@code IX_SEL_CHANGE_BATCH}, never a scan.
 */
public final class JpaChangeSource implements ChangeSource {

    private static final String COLUMNS = "SELECT SEQ, BATCH_ID, UNIT_ID, UNIT_CODE, STATUS";

    private final JpaTransactions tx;

    /** Reads through {@code tx}. */
    public JpaChangeSource(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public long maxSeq() {
        return tx.read(
                em -> {
                    Object max =
                            em.createNativeQuery("SELECT MAX(SEQ) FROM SEL_CHANGE")
                                    .getSingleResult();
                    return max == null ? 0L : ((Number) max).longValue();
                });
    }

    @Override
    public List<Change> after(long seq, int limit) {
        return tx.read(
                em ->
                        rows(
                                query(em, COLUMNS + " FROM SEL_CHANGE WHERE SEQ > ?1 ORDER BY SEQ")
                                        .setParameter(1, seq)
                                        .setMaxResults(limit)));
    }

    @Override
    public List<Change> between(long from, long to) {
        return tx.read(
                em ->
                        rows(
                                query(
                                                em,
                                                COLUMNS
                                                        + " FROM SEL_CHANGE WHERE SEQ BETWEEN ?1"
                                                        + " AND ?2 ORDER BY SEQ")
                                        .setParameter(1, from)
                                        .setParameter(2, to)));
    }

    @Override
    public List<Change> ofBatch(String batchId, long after, long upTo) {
        return tx.read(
                em ->
                        rows(
                                query(
                                                em,
                                                COLUMNS
                                                        + " FROM SEL_CHANGE WHERE BATCH_ID = ?1"
                                                        + " AND SEQ > ?2 AND SEQ <= ?3 ORDER BY"
                                                        + " SEQ")
                                        .setParameter(1, batchId)
                                        .setParameter(2, after)
                                        .setParameter(3, upTo)));
    }

    private static Query query(EntityManager em, String sql) {
        return em.createNativeQuery(sql);
    }

    private static List<Change> rows(Query q) {
        List<?> result = q.getResultList();
        List<Change> changes = new ArrayList<>(result.size());
        for (Object row : result) {
            Object[] r = (Object[]) row;
            changes.add(
                    new Change(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4]));
        }
        return changes;
    }
}
