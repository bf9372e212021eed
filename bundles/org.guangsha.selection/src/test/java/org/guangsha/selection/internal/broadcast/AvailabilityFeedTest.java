package org.guangsha.selection.internal.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The availability feed (S-10) without a database: a list of committed rows and a hand clock. */
class AvailabilityFeedTest {

    private static final AvailabilityFeed.Settings SETTINGS =
            new AvailabilityFeed.Settings(200, 15_000, 1000, 4);

    private final FakeSource source = new FakeSource();
    private final AtomicLong clock = new AtomicLong(-5_000_000_000L);
    private final AvailabilityFeed feed = new AvailabilityFeed(source, SETTINGS, clock::get);

    @Test
    void fansEachChangeOutToTheClientsOfItsBatchWithOneReadPerPoll() {
        feed.step();
        List<Recorder> a = List.of(new Recorder(), new Recorder(), new Recorder());
        Recorder b = new Recorder();
        a.forEach(r -> assertTrue(feed.subscribe("A", null, r)));
        feed.subscribe("B", null, b);
        source.commit(1, "A", "a-1");
        source.commit(2, "B", "b-1");
        source.commit(3, "A", "a-2");
        int readsBefore = source.reads.get();
        feed.step();
        assertEquals(1, source.reads.get() - readsBefore, "one read for all clients");
        for (Recorder r : a) {
            assertEquals(List.of(1L, 3L), r.positions());
            assertEquals(
                    "{\"seq\":1,\"unitId\":\"a-1\",\"code\":\"C-a-1\",\"status\":\"TAKEN\"}",
                    r.events.get(0).json());
        }
        assertEquals(List.of(2L), b.positions());
        assertEquals(3, feed.position());
        assertEquals(4, feed.subscribers());
    }

    @Test
    void aChangeAfterAHoleWaitsUntilTheHoleFillsSoClientsSeeCommitOrderByNumber() {
        feed.step();
        Recorder r = new Recorder();
        feed.subscribe("A", null, r);
        source.commit(1, "A", "u1");
        source.commit(3, "A", "u3"); // 2 is still being committed
        feed.step();
        assertEquals(List.of(1L), r.positions());
        assertEquals(1, feed.position(), "a snapshot now must not claim 3");
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        source.commit(2, "A", "u2");
        feed.step();
        assertEquals(List.of(1L, 2L, 3L), r.positions());
        assertEquals(3, feed.position());
    }

    @Test
    void aHoleThatDoesNotFillIsGivenUpAndALateCommitStillGoesOut() {
        feed.step();
        Recorder r = new Recorder();
        feed.subscribe("A", null, r);
        source.commit(1, "A", "u1");
        source.commit(3, "A", "u3");
        feed.step();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));
        feed.step();
        assertEquals(List.of(1L, 3L), r.positions(), "3 waited at most the gap time");
        source.commit(4, "A", "u4");
        source.commit(2, "A", "u2"); // committed very late
        feed.step();
        assertEquals(List.of(1L, 3L, 4L, 4L), r.positions());
        FeedEvent late = r.events.get(3);
        assertTrue(late.late());
        assertEquals(2, late.change().seq());
        // a client that stopped at 4 without the late event gets it again when it resumes
        Recorder resumed = new Recorder();
        feed.subscribe("A", 4L, resumed);
        assertEquals(List.of(2L), resumed.seqs());
        // once found, a late row is not sent twice
        feed.step();
        assertEquals(4, r.events.size());
    }

    @Test
    void aClientResumesAfterItsLastEventFromMemoryOrFromTheTable() {
        source.commit(1, "A", "u1");
        source.commit(2, "A", "u2");
        feed.step(); // the feed starts after 2: those are in the table only
        Recorder live = new Recorder();
        feed.subscribe("A", null, live);
        source.commit(3, "B", "b3");
        source.commit(4, "A", "u4");
        source.commit(5, "A", "u5");
        feed.step();
        assertEquals(List.of(4L, 5L), live.positions());

        Recorder fromMemory = new Recorder();
        int tableReads = source.batchReads.get();
        feed.subscribe("A", 4L, fromMemory);
        assertEquals(List.of(5L), fromMemory.positions());
        assertEquals(tableReads, source.batchReads.get(), "no table read for what memory holds");

        Recorder fromTable = new Recorder();
        feed.subscribe("A", 1L, fromTable);
        assertEquals(List.of(2L, 4L, 5L), fromTable.positions());
        assertEquals(tableReads + 1, source.batchReads.get());

        // all three then follow live, once each
        source.commit(6, "A", "u6");
        feed.step();
        assertEquals(List.of(4L, 5L, 6L), live.positions());
        assertEquals(List.of(5L, 6L), fromMemory.positions());
        assertEquals(List.of(2L, 4L, 5L, 6L), fromTable.positions());
    }

    @Test
    void aSlowClientIsDroppedAndDoesNotHoldUpTheOthers() {
        feed.step();
        Recorder fast = new Recorder();
        Recorder slow = new Recorder();
        slow.capacity = 2; // its queue takes two events, then it is full
        Recorder failing =
                new Recorder() {
                    @Override
                    public boolean send(FeedEvent event) {
                        throw new IllegalStateException("broken client");
                    }
                };
        feed.subscribe("A", null, slow);
        feed.subscribe("A", null, failing);
        feed.subscribe("A", null, fast);
        for (int i = 1; i <= 5; i++) {
            source.commit(i, "A", "u" + i);
        }
        feed.step();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), fast.positions());
        assertEquals(List.of(1L, 2L), slow.positions());
        assertTrue(slow.closed && failing.closed);
        assertFalse(fast.closed);
        assertEquals(1, feed.subscribers());
        // it reconnects with its last id and catches up
        Recorder back = new Recorder();
        feed.subscribe("A", 2L, back);
        assertEquals(List.of(3L, 4L, 5L), back.positions());
    }

    @Test
    void idleClientsGetAKeepAliveAndDeadOnesAreDropped() {
        feed.step();
        Recorder alive = new Recorder();
        Recorder dead = new Recorder();
        feed.subscribe("A", null, alive);
        feed.subscribe("B", null, dead);
        dead.capacity = 0;
        feed.step();
        assertEquals(0, alive.heartbeats);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(15));
        feed.step();
        assertEquals(1, alive.heartbeats);
        assertTrue(dead.closed);
        assertEquals(1, feed.subscribers());
    }

    @Test
    void aPokePublishesAtOnceInsteadOfAtTheNextPoll() throws Exception {
        AvailabilityFeed slowPoll =
                new AvailabilityFeed(
                        source,
                        new AvailabilityFeed.Settings(10_000, 15_000, 1000, 4),
                        System::nanoTime);
        CountDownLatch started = new CountDownLatch(1);
        source.onRead = started::countDown;
        slowPoll.start();
        try {
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
            CountDownLatch got = new CountDownLatch(1);
            Recorder r =
                    new Recorder() {
                        @Override
                        public boolean send(FeedEvent event) {
                            boolean queued = super.send(event);
                            got.countDown();
                            return queued;
                        }
                    };
            slowPoll.subscribe("A", null, r);
            source.commit(1, "A", "u1");
            long t = System.nanoTime();
            slowPoll.poke();
            assertTrue(got.await(2, TimeUnit.SECONDS), "published long before the 10 s poll");
            assertTrue(System.nanoTime() - t < TimeUnit.SECONDS.toNanos(2));
        } finally {
            slowPoll.stop();
        }
    }

    @Test
    void aChangeCommittedOnAnotherNodeArrivesAtTheNextPollWithoutAPoke() throws Exception {
        AvailabilityFeed polling =
                new AvailabilityFeed(
                        source,
                        new AvailabilityFeed.Settings(50, 15_000, 1000, 4),
                        System::nanoTime);
        polling.start();
        try {
            CountDownLatch got = new CountDownLatch(1);
            Recorder r =
                    new Recorder() {
                        @Override
                        public boolean send(FeedEvent event) {
                            boolean queued = super.send(event);
                            got.countDown();
                            return queued;
                        }
                    };
            polling.subscribe("A", 0L, r);
            source.commit(1, "A", "u1"); // no poke: another node's confirm
            assertTrue(got.await(2, TimeUnit.SECONDS));
            assertEquals(List.of(1L), r.positions());
        } finally {
            polling.stop();
        }
    }

    /** Committed rows of {@code SEL_CHANGE}. */
    static final class FakeSource implements ChangeSource {
        final TreeMap<Long, Change> rows = new TreeMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger batchReads = new AtomicInteger();
        volatile Runnable onRead = () -> {};

        synchronized void commit(long seq, String batch, String unit) {
            rows.put(seq, new Change(seq, batch, unit, "C-" + unit, "TAKEN"));
        }

        @Override
        public synchronized long maxSeq() {
            return rows.isEmpty() ? 0 : rows.lastKey();
        }

        @Override
        public synchronized List<Change> after(long seq, int limit) {
            reads.incrementAndGet();
            onRead.run();
            return rows.tailMap(seq, false).values().stream().limit(limit).toList();
        }

        @Override
        public synchronized List<Change> between(long from, long to) {
            return List.copyOf(rows.subMap(from, true, to, true).values());
        }

        @Override
        public synchronized List<Change> ofBatch(String batchId, long after, long upTo) {
            batchReads.incrementAndGet();
            return rows.subMap(after, false, upTo, true).values().stream()
                    .filter(c -> c.batchId().equals(batchId))
                    .toList();
        }
    }

    /** A client that keeps what it got; {@code capacity} events fit in its queue. */
    static class Recorder implements Subscriber {
        final List<FeedEvent> events = new ArrayList<>();
        int capacity = Integer.MAX_VALUE;
        int heartbeats;
        volatile boolean closed;

        @Override
        public synchronized boolean send(FeedEvent event) {
            if (events.size() >= capacity) {
                return false;
            }
            events.add(event);
            return true;
        }

        @Override
        public synchronized boolean heartbeat() {
            heartbeats++;
            return capacity > 0;
        }

        @Override
        public void close() {
            closed = true;
        }

        synchronized List<Long> positions() {
            return events.stream().map(FeedEvent::position).toList();
        }

        synchronized List<Long> seqs() {
            return events.stream().map(e -> e.change().seq()).toList();
        }
    }
}
