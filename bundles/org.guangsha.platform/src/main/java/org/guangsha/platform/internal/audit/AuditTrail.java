package org.guangsha.platform.internal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit trail ({@code PLT_AUDIT}). Each {@link #record} reads the last row and
 * inserts the next SEQ with the last row's hash in one transaction of its own. Several nodes on one
 * database may append at the same moment: the primary key lets only one of them have a SEQ, and the
 * others read the new last row and try again. On one node, appends queue behind a lock so they do
 * not race each other in the first place.
 */
@Component(service = {AuditLog.class, AuditTrail.class})
public class AuditTrail implements AuditLog {

    /** Filter of {@link #query}; null members do not filter. */
    public record Query(Instant from, Instant to, String action, String actorId) {}

    /** One page of rows, newest first, and how many rows match in all. */
    public record Page(List<AuditEntry> items, long total) {}

    static final int MAX_ATTEMPTS = 10;
    static final int VERIFY_PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditStore store;
    private final Clock clock;
    private final ReentrantLock appending = new ReentrantLock(true);

    /** Built by DS. */
    @Activate
    public AuditTrail(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema) {
        this(new JpaAuditStore(new JpaTransactions(emf)), Clock.systemUTC());
    }

    AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void record(
            String action, String actorId, String target, String sourceAddress, String detail) {
        append(action, actorId, target, sourceAddress, detail);
    }

    /** Records one action and returns the row as stored. */
    AuditEntry append(
            String action, String actorId, String target, String sourceAddress, String detail) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an action");
        }
        String cleanAction = AuditDetails.clean(action.strip(), AuditEntity.ACTION_LENGTH);
        String cleanActor = AuditDetails.clean(actorId, AuditEntity.ACTOR_LENGTH);
        String cleanTarget =
                AuditDetails.clean(AuditDetails.mask(target), AuditEntity.TARGET_LENGTH);
        String cleanSource = AuditDetails.clean(sourceAddress, AuditEntity.SOURCE_LENGTH);
        String cleanDetail =
                AuditDetails.clean(AuditDetails.mask(detail), AuditEntity.DETAIL_LENGTH);
        appending.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                long[] tried = {0};
                try {
                    return store.append(
                            previous -> {
                                AuditEntry next =
                                        AuditChain.next(
                                                previous,
                                                clock.instant(),
                                                cleanAction,
                                                cleanActor,
                                                cleanTarget,
                                                cleanSource,
                                                cleanDetail);
                                tried[0] = next.seq();
                                return next;
                            });
                } catch (RuntimeException e) {
                    if (attempt >= MAX_ATTEMPTS || !lostRace(tried[0], e)) {
                        throw e;
                    }
                    LOG.debug("Audit SEQ {} taken by another node; attempt {}", tried[0], attempt);
                    pause(attempt, e);
                }
            }
        } finally {
            appending.unlock();
        }
    }

    /**
     * Whether the append failed because another node stored that SEQ first. Anything else (the
     * database is down, a value does not fit) fails at once instead of being tried ten times.
     */
    private boolean lostRace(long triedSeq, RuntimeException failure) {
        if (triedSeq == 0) {
            return false;
        }
        try {
            return store.lastSeq() >= triedSeq;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    private static void pause(int attempt, RuntimeException failure) {
        try {
            // random, so that the nodes that collided do not collide again in step
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * Walks the whole chain in SEQ order, a page at a time (constant memory), and reports the first
     * row that does not fit: edited content, a gap left by a deleted row, or a PREV_HASH that no
     * longer matches the row before.
     */
    public AuditVerification verify() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        long after = 0;
        while (true) {
            List<AuditEntry> page = store.after(after, VERIFY_PAGE);
            for (AuditEntry row : page) {
                if (!verifier.accept(row)) {
                    return verifier.result();
                }
                after = row.seq();
            }
            if (page.size() < VERIFY_PAGE) {
                return verifier.result();
            }
        }
    }

    /** Rows matching {@code query}, newest first: page {@code page} (from 1) of {@code size}. */
    public Page query(Query query, int page, int size) {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
        return store.query(query, (page - 1) * size, size);
    }
}
