package org.guangsha.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void rowsAreNumberedFromOneAndChained() {
        MemoryStore store = new MemoryStore();
        AuditTrail trail = new AuditTrail(store, clock);
        AuditEntry first = trail.append("login.failed", null, "account:a", "10.0.0.1", "x");
        AuditEntry second = trail.append("login.succeeded", "a", "account:a", "10.0.0.1", "y");
        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals(first.hash(), second.prevHash());
        assertTrue(trail.verify().ok());
    }

    @Test
    void personalDataInDetailsAndTargetsIsMaskedBeforeHashing() {
        MemoryStore store = new MemoryStore();
        AuditTrail trail = new AuditTrail(store, clock);
        AuditEntry row =
                trail.append(
                        "x",
                        null,
                        "person:110101199003070011",
                        null,
                        "mobile 13812345678 id 11010119900307001X");
        assertEquals("person:1101**********0011", row.target());
        assertEquals("mobile 138****5678 id 1101**********001X", row.detail());
        assertEquals(row, store.rows.get(1L));
        assertTrue(trail.verify().ok());
    }

    @Test
    void anActionIsRequired() {
        AuditTrail trail = new AuditTrail(new MemoryStore(), clock);
        assertThrows(
                IllegalArgumentException.class, () -> trail.record(" ", null, null, null, null));
        assertThrows(
                IllegalArgumentException.class, () -> trail.record(null, null, null, null, null));
    }

    @Test
    void aSeqTakenByAnotherNodeIsRetriedWithTheNewLastRow() {
        MemoryStore store = new MemoryStore();
        AuditTrail other = new AuditTrail(store, clock);
        // another node appends between our read and our insert, three times in a row
        store.beforeInsert = new AtomicInteger(3);
        store.interloper = () -> other.append("other.node", null, null, null, null);
        AuditEntry mine = new AuditTrail(store, clock).append("mine", null, null, null, null);
        assertEquals(4, mine.seq());
        assertEquals(4, store.appendCalls.get() - store.interloperCalls.get());
        assertEquals(store.rows.get(3L).hash(), mine.prevHash());
        assertTrue(new AuditTrail(store, clock).verify().ok());
    }

    @Test
    void retriesAreBounded() {
        MemoryStore store = new MemoryStore();
        AuditTrail other = new AuditTrail(store, clock);
        store.beforeInsert = new AtomicInteger(Integer.MAX_VALUE);
        store.interloper = () -> other.append("other.node", null, null, null, null);
        AuditTrail trail = new AuditTrail(store, clock);
        assertThrows(
                IllegalStateException.class, () -> trail.append("mine", null, null, null, null));
        assertEquals(
                AuditTrail.MAX_ATTEMPTS, store.appendCalls.get() - store.interloperCalls.get());
        assertEquals(AuditTrail.MAX_ATTEMPTS, countOf(store, "other.node"));
        assertTrue(trail.verify().ok());
    }

    @Test
    void otherFailuresAreNotRetried() {
        MemoryStore store = new MemoryStore();
        IllegalStateException down = new IllegalStateException("database down");
        store.failure = down;
        AuditTrail trail = new AuditTrail(store, clock);
        assertSame(
                down,
                assertThrows(
                        IllegalStateException.class,
                        () -> trail.append("x", null, null, null, null)));
        assertEquals(1, store.appendCalls.get());
    }

    @Test
    void concurrentAppendsOnTwoNodesLeaveOneUnbrokenChain() throws Exception {
        MemoryStore store = new MemoryStore();
        AuditTrail nodeA = new AuditTrail(store, Clock.systemUTC());
        AuditTrail nodeB = new AuditTrail(store, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AuditEntry>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                AuditTrail node = i % 2 == 0 ? nodeA : nodeB;
                String action = "action." + i;
                futures.add(pool.submit(() -> node.append(action, null, null, null, null)));
            }
            for (Future<AuditEntry> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, store.rows.size());
        assertEquals(200L, store.rows.lastKey());
        AuditVerification v = nodeA.verify();
        assertTrue(v.ok(), v.toString());
        assertEquals(200, v.rowsChecked());
    }

    @Test
    void verificationWalksPageByPageAndFindsATamperedRowFarIn() {
        MemoryStore store = new MemoryStore();
        AuditTrail trail = new AuditTrail(store, clock);
        int n = 2 * AuditTrail.VERIFY_PAGE + 17;
        for (int i = 0; i < n; i++) {
            trail.append("a", null, null, null, "row " + i);
        }
        AuditVerification ok = trail.verify();
        assertTrue(ok.ok());
        assertEquals(n, ok.rowsChecked());
        assertEquals(3, store.pagesRead.get());

        long seq = AuditTrail.VERIFY_PAGE + 3;
        AuditEntry r = store.rows.get(seq);
        store.rows.put(
                seq,
                new AuditEntry(
                        r.seq(),
                        r.at(),
                        r.action(),
                        r.actorId(),
                        r.target(),
                        r.sourceAddress(),
                        "tampered",
                        r.prevHash(),
                        r.hash()));
        AuditVerification broken = trail.verify();
        assertFalse(broken.ok());
        assertEquals(seq, broken.firstBrokenSeq());
        assertEquals(seq, broken.rowsChecked());
    }

    private static long countOf(MemoryStore store, String action) {
        return store.rows.values().stream().filter(r -> r.action().equals(action)).count();
    }

    /**
     * Rows in a sorted map standing in for PLT_AUDIT: reading the last row and inserting are two
     * steps, and an insert of a SEQ that exists fails, as the primary key makes it fail.
     */
    static final class MemoryStore implements AuditStore {
        final TreeMap<Long, AuditEntry> rows = new TreeMap<>();
        final AtomicInteger appendCalls = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger pagesRead = new AtomicInteger();
        final AtomicInteger interloperCalls = new AtomicInteger();
        AtomicInteger beforeInsert = new AtomicInteger();
        Runnable interloper = () -> {};
        RuntimeException failure;
        private boolean interloping;

        @Override
        public AuditEntry append(UnaryOperator<AuditEntry> next) {
            appendCalls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            AuditEntry last;
            synchronized (this) {
                last = rows.isEmpty() ? null : rows.lastEntry().getValue();
            }
            AuditEntry entry = next.apply(last);
            if (interloping) {
                interloperCalls.incrementAndGet();
            } else if (beforeInsert.get() > 0) {
                beforeInsert.decrementAndGet();
                interloping = true;
                try {
                    interloper.run();
                } finally {
                    interloping = false;
                }
            }
            // gives another thread the chance to read the same last row
            Thread.yield();
            synchronized (this) {
                if (rows.containsKey(entry.seq())) {
                    conflicts.incrementAndGet();
                    throw new IllegalStateException("duplicate key SEQ " + entry.seq());
                }
                rows.put(entry.seq(), entry);
            }
            return entry;
        }

        @Override
        public synchronized long lastSeq() {
            return rows.isEmpty() ? 0 : rows.lastKey();
        }

        @Override
        public synchronized List<AuditEntry> after(long seq, int limit) {
            pagesRead.incrementAndGet();
            return rows.tailMap(seq, false).values().stream().limit(limit).toList();
        }

        @Override
        public synchronized AuditTrail.Page query(AuditTrail.Query q, int offset, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
