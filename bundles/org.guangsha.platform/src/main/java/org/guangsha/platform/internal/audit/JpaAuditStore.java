package org.guangsha.platform.internal.audit;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.guangsha.platform.persistence.JpaTransactions;

/** {@link AuditStore} on the core's persistence unit. */
final class JpaAuditStore implements AuditStore {

    private final JpaTransactions tx;

    JpaAuditStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public AuditEntry append(UnaryOperator<AuditEntry> next) {
        return tx.write(
                em -> {
                    List<AuditEntity> last =
                            em.createQuery(
                                            "SELECT a FROM AuditEntity a ORDER BY a.seq DESC",
                                            AuditEntity.class)
                                    .setMaxResults(1)
                                    .getResultList();
                    AuditEntry entry = next.apply(last.isEmpty() ? null : last.get(0).entry());
                    em.persist(new AuditEntity(entry));
                    return entry;
                });
    }

    @Override
    public long lastSeq() {
        Long max =
                tx.read(
                        em ->
                                em.createQuery("SELECT MAX(a.seq) FROM AuditEntity a", Long.class)
                                        .getSingleResult());
        return max == null ? 0 : max;
    }

    @Override
    public List<AuditEntry> after(long seq, int limit) {
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT a FROM AuditEntity a WHERE a.seq > :s ORDER BY a.seq",
                                        AuditEntity.class)
                                .setParameter("s", seq)
                                .setMaxResults(limit)
                                .getResultList()
                                .stream()
                                .map(AuditEntity::entry)
                                .toList());
    }

    @Override
    public AuditTrail.Page query(AuditTrail.Query q, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.from() != null) {
            where.append(" AND a.at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND a.at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        if (q.action() != null) {
            if (q.action().endsWith("*")) {
                // a prefix such as login.*; LIKE's own wildcards in it are taken literally
                where.append(" AND a.action LIKE :action ESCAPE '!'");
                String prefix = q.action().substring(0, q.action().length() - 1);
                params.put("action", prefix.replaceAll("([!%_])", "!$1") + "%");
            } else {
                where.append(" AND a.action = :action");
                params.put("action", q.action());
            }
        }
        if (q.actorId() != null) {
            where.append(" AND a.actorId = :actor");
            params.put("actor", q.actorId());
        }
        return tx.read(
                em -> {
                    long total =
                            bind(
                                            em,
                                            "SELECT COUNT(a) FROM AuditEntity a" + where,
                                            Long.class,
                                            params)
                                    .getSingleResult();
                    List<AuditEntry> items =
                            bind(
                                            em,
                                            "SELECT a FROM AuditEntity a"
                                                    + where
                                                    + " ORDER BY a.seq DESC",
                                            AuditEntity.class,
                                            params)
                                    .setFirstResult(offset)
                                    .setMaxResults(limit)
                                    .getResultList()
                                    .stream()
                                    .map(AuditEntity::entry)
                                    .toList();
                    return new AuditTrail.Page(items, total);
                });
    }

    private static <T> TypedQuery<T> bind(
            EntityManager em, String jpql, Class<T> type, Map<String, Object> params) {
        TypedQuery<T> query = em.createQuery(jpql, type);
        params.forEach(query::setParameter);
        return query;
    }
}
