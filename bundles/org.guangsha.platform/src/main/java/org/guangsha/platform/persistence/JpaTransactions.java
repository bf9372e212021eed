package org.guangsha.platform.persistence;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs units of work on one persistence unit, each in its own entity manager and resource-local
 * transaction: committed when the work returns, rolled back when it throws, so nothing is ever
 * half-written.
 *
 * <p>Why not Aries' {@code JpaTemplate}: with OpenJPA on resource-local units it fails while
 * registering, so the platform keeps this small helper instead and every bundle reuses it.
 */
@ProviderType
public final class JpaTransactions {

    private final EntityManagerFactory emf;

    /** Works on the given unit; usually the {@code EntityManagerFactory} service of a bundle. */
    public JpaTransactions(EntityManagerFactory emf) {
        this.emf = Objects.requireNonNull(emf, "emf");
    }

    /**
     * Whether {@code failure} means another transaction changed the same row first (an {@link
     * javax.persistence.OptimisticLockException} anywhere in its causes): the work may be retried
     * on fresh data, or the caller told that the thing changed meanwhile.
     */
    public static boolean optimisticLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code work} in a transaction and returns its result. */
    public <T> T write(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in a transaction. */
    public void run(Consumer<EntityManager> work) {
        write(
                em -> {
                    work.accept(em);
                    return null;
                });
    }

    /**
     * Runs read-only {@code work}. It still runs in a transaction (rolled back at the end) so that
     * it sees one consistent state of the database.
     */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            return work.apply(em);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }
}
