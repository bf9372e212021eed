package org.guangsha.selection.internal.broadcast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.selection.internal.SelectionConfiguration;
import org.guangsha.selection.internal.SelectionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The availability feed of this node (房源信息播报, S-10). One thread reads {@code SEL_CHANGE} — every
 * {@code broadcast.poll.millis}, and at once when {@link #poke() poked} after a local commit — and
 * fans each change out to the connected clients of its batch: one database read per poll for the
 * whole node, never one per client. Changes committed on another node reach this node's clients
 * through the table.
 *
 * <p>Order: {@code SEQ} is handed out when a row is inserted, so a transaction may commit after a
 * later-numbered one. A change numbered after a hole waits until the hole fills, at most {@code
 * broadcast.gap.millis}; the hole is then watched for a minute and a change found in it goes out as
 * a late event (see {@link FeedEvent#position()}). Holes that never fill are rolled-back inserts.
 *
 * <p>Resuming: each batch keeps its recent events in memory; a client that names the position it
 * has ({@code Last-Event-ID}, {@code ?since=}) gets what came after it, from memory, or from the
 * table when it is older than what this node holds (one read per reconnecting client).
 */
@Component(
        service = {ChangeFeed.class, AvailabilityFeed.class},
        configurationPid = SelectionConfiguration.PID)
public class AvailabilityFeed implements ChangeFeed {

    /**
     * The feed's timing.
     *
     * @param pollMillis interval of the reads when not poked
     * @param heartbeatMillis interval of the keep-alive comments
     * @param gapMillis longest wait for a hole in the numbering to fill
     * @param clientBacklog unsent events a client may have before it is dropped
     */
    public record Settings(
            long pollMillis, long heartbeatMillis, long gapMillis, int clientBacklog) {

        /** From the city's configuration, within sane bounds. */
        public static Settings of(SelectionConfiguration c) {
            return new Settings(
                    clamp(c.broadcast_poll_millis(), 20, 10_000),
                    clamp(c.broadcast_heartbeat_seconds(), 1, 300) * 1000L,
                    clamp(c.broadcast_gap_millis(), 0, 60_000),
                    (int) clamp(c.broadcast_client_backlog(), 8, 100_000));
        }

        private static long clamp(long v, long min, long max) {
            return Math.max(min, Math.min(max, v));
        }
    }

    /** Rows read at most per poll. */
    static final int ROWS_PER_READ = 1000;

    /** Events kept per batch for clients that resume. */
    static final int HISTORY_PER_BATCH = 20_000;

    /** How long a hole that was given up on is still looked at for a late commit. */
    static final long LATE_WATCH_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Holes watched at once at most (the oldest goes first). */
    static final int MAX_LATE_RANGES = 64;

    /** A batch nobody watches is forgotten after this long without a change. */
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityFeed.class);

    private final ChangeSource source;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Runnable pokeHook = this::poke;

    // Only the feed thread (or a test calling step()) touches these.
    private final TreeMap<Long, Change> pending = new TreeMap<>();
    private final TreeMap<Long, Long> gapSeen = new TreeMap<>();
    private final List<LateRange> late = new ArrayList<>();
    private long nextHeartbeat;
    private long nextSweep;
    private long failures;

    /** All changes numbered up to here went out (or were given up); -1 before the first read. */
    private volatile long watermark = -1;

    private volatile boolean running;
    private Thread thread;

    /** Built by DS: reads the selection unit's {@code SEL_CHANGE} and starts the feed thread. */
    @Activate
    public AvailabilityFeed(
            @Reference(target = "(osgi.unit.name=guangsha-selection)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=selection)") Schema schema,
            SelectionConfiguration config) {
        this(new JpaChangeSource(new JpaTransactions(emf)), Settings.of(config), System::nanoTime);
        start();
    }

    /** A feed on {@code source} whose thread is not started (tests call {@link #step()}). */
    AvailabilityFeed(ChangeSource source, Settings settings, LongSupplier nanoTime) {
        this.source = source;
        this.settings = settings;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.nextHeartbeat = now + TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMillis());
        this.nextSweep = now + TimeUnit.MINUTES.toNanos(1);
    }

    /** The selection tells the feed after each commit that took units. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindSelection(SelectionService selection) {
        selection.onUnitsTaken(pokeHook);
    }

    void unbindSelection(SelectionService selection) {
        selection.removeUnitsTakenHook(pokeHook);
    }

    /** Starts the feed thread. */
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "guangsha-selection-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        // The clients reconnect (to another node, or to this one when it is back) and resume.
        for (Channel ch : channels.values()) {
            List<Subscriber> all;
            synchronized (ch) {
                all = new ArrayList<>(ch.subscribers);
                ch.subscribers.clear();
            }
            all.forEach(AvailabilityFeed::closeQuietly);
        }
    }

    @Override
    public void poke() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * The position a snapshot read after this call is consistent with: every change up to it is
     * committed, so the snapshot shows it; every later one goes out on the stream after it.
     */
    public long position() {
        return Math.max(0, watermark);
    }

    /** Clients connected to this node, all batches. */
    public int subscribers() {
        int n = 0;
        for (Channel ch : channels.values()) {
            synchronized (ch) {
                n += ch.subscribers.size();
            }
        }
        return n;
    }

    /**
     * Connects a client to a batch's changes. With {@code since}, it first gets every event after
     * that position (from memory, or from the table when this node does not hold it); without, only
     * what comes from now on.
     *
     * @return false when the client failed while receiving what it missed (it was closed)
     */
    public boolean subscribe(String batchId, Long since, Subscriber subscriber) {
        while (true) {
            Channel ch = channel(batchId);
            long floor;
            synchronized (ch) {
                if (ch.evicted) {
                    continue;
                }
                floor = ch.floor;
            }
            List<Change> older =
                    since != null && since < floor
                            ? source.ofBatch(batchId, since, floor)
                            : List.of();
            synchronized (ch) {
                if (ch.evicted) {
                    continue;
                }
                Set<Long> sent = new HashSet<>();
                boolean alive = true;
                for (Change c : older) {
                    sent.add(c.seq());
                    alive = alive && subscriber.send(FeedEvent.of(c, c.seq(), false));
                }
                if (since != null) {
                    for (FeedEvent e : ch.history) {
                        boolean after = e.position() > since || (e.late() && e.position() == since);
                        if (alive && after && !sent.contains(e.change().seq())) {
                            alive = subscriber.send(e);
                        }
                    }
                }
                if (!alive) {
                    closeQuietly(subscriber);
                    return false;
                }
                ch.subscribers.add(subscriber);
                ch.lastUsed = nanoTime.getAsLong();
                return true;
            }
        }
    }

    /** Disconnects a client (it went away). */
    public void unsubscribe(String batchId, Subscriber subscriber) {
        Channel ch = channels.get(batchId);
        if (ch != null) {
            synchronized (ch) {
                ch.subscribers.remove(subscriber);
            }
        }
    }

    private Channel channel(String batchId) {
        return channels.computeIfAbsent(
                batchId,
                id -> {
                    long w = watermark;
                    // Before the first read nothing is in memory: resuming reads the table.
                    return new Channel(w < 0 ? Long.MAX_VALUE : w, nanoTime.getAsLong());
                });
    }

    private void loop() {
        while (running) {
            try {
                step();
                if (failures > 0) {
                    LOG.info("Availability feed reads SEL_CHANGE again");
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 100 == 0) {
                    LOG.warn("Availability feed cannot read SEL_CHANGE ({} times)", failures, e);
                }
            }
            long wait = settings.pollMillis() * Math.min(25, 1 + failures);
            try {
                if (wake.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One turn of the feed thread: keep-alives when due, then one read of the table. */
    void step() {
        long now = nanoTime.getAsLong();
        if (now - nextHeartbeat >= 0) {
            nextHeartbeat = now + TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMillis());
            heartbeat();
        }
        if (now - nextSweep >= 0) {
            nextSweep = now + TimeUnit.MINUTES.toNanos(1);
            forgetIdle(now);
        }
        if (watermark < 0) {
            long start = source.maxSeq();
            for (Channel ch : channels.values()) {
                synchronized (ch) {
                    if (ch.floor == Long.MAX_VALUE) {
                        ch.floor = start;
                    }
                }
            }
            watermark = start;
            LOG.info("Availability feed starts after change {}", start);
        }
        poll(now);
    }

    private void poll(long now) {
        for (Change c : source.after(watermark, ROWS_PER_READ)) {
            pending.putIfAbsent(c.seq(), c);
        }
        deliverInOrder(now);
        // Holes: note when each was first seen; give up on those older than the gap wait.
        long expected = watermark + 1;
        for (long seq : pending.keySet()) {
            if (seq > expected) {
                gapSeen.putIfAbsent(expected, now);
            }
            expected = seq + 1;
        }
        long gapNanos = TimeUnit.MILLISECONDS.toNanos(settings.gapMillis());
        while (!pending.isEmpty()) {
            Long seen = gapSeen.get(watermark + 1);
            if (seen == null || now - seen < gapNanos) {
                break;
            }
            long first = pending.firstKey();
            watchLate(watermark + 1, first - 1, now);
            watermark = first - 1;
            deliverInOrder(now);
        }
        gapSeen.headMap(watermark, true).clear();
        pollLate(now);
    }

    private void deliverInOrder(long now) {
        while (!pending.isEmpty() && pending.firstKey() == watermark + 1) {
            Change c = pending.pollFirstEntry().getValue();
            publish(c, c.seq(), false, now);
            watermark = c.seq();
        }
    }

    private void watchLate(long from, long to, long now) {
        LOG.debug("Changes {} to {} not committed in time; watching for them", from, to);
        late.add(new LateRange(from, to, now + LATE_WATCH_NANOS));
        if (late.size() > MAX_LATE_RANGES) {
            late.remove(0);
        }
    }

    private void pollLate(long now) {
        for (Iterator<LateRange> it = late.iterator(); it.hasNext(); ) {
            LateRange r = it.next();
            if (now - r.until > 0) {
                it.remove();
                continue;
            }
            for (Change c : source.between(r.from, r.to)) {
                if (r.found.add(c.seq())) {
                    publish(c, watermark, true, now);
                }
            }
            if (r.found.size() == r.to - r.from + 1) {
                it.remove();
            }
        }
    }

    private void publish(Change c, long position, boolean isLate, long now) {
        FeedEvent e = FeedEvent.of(c, position, isLate);
        Channel ch = channel(c.batchId());
        List<Subscriber> dropped = new ArrayList<>();
        synchronized (ch) {
            ch.history.addLast(e);
            if (ch.history.size() > HISTORY_PER_BATCH) {
                ch.floor = Math.max(ch.floor, ch.history.removeFirst().position());
            }
            ch.lastUsed = now;
            // a copy: a client that fails may leave the set from within send()
            for (Subscriber s : ch.subscribers.toArray(new Subscriber[0])) {
                if (!sendQuietly(s, e)) {
                    ch.subscribers.remove(s);
                    dropped.add(s);
                }
            }
        }
        dropped.forEach(AvailabilityFeed::closeQuietly);
    }

    /** Sends the keep-alive comment to every client now. */
    void heartbeat() {
        List<Subscriber> dropped = new ArrayList<>();
        for (Channel ch : channels.values()) {
            synchronized (ch) {
                for (Subscriber s : ch.subscribers.toArray(new Subscriber[0])) {
                    boolean alive;
                    try {
                        alive = s.heartbeat();
                    } catch (RuntimeException e) {
                        alive = false;
                    }
                    if (!alive) {
                        ch.subscribers.remove(s);
                        dropped.add(s);
                    }
                }
            }
        }
        dropped.forEach(AvailabilityFeed::closeQuietly);
    }

    private void forgetIdle(long now) {
        for (String id : List.copyOf(channels.keySet())) {
            channels.computeIfPresent(
                    id,
                    (k, ch) -> {
                        synchronized (ch) {
                            if (ch.subscribers.isEmpty() && now - ch.lastUsed > IDLE_NANOS) {
                                ch.evicted = true;
                                return null;
                            }
                            return ch;
                        }
                    });
        }
    }

    private static boolean sendQuietly(Subscriber s, FeedEvent e) {
        try {
            return s.send(e);
        } catch (RuntimeException failure) {
            LOG.debug("Stream client failed", failure);
            return false;
        }
    }

    private static void closeQuietly(Subscriber s) {
        try {
            s.close();
        } catch (RuntimeException failure) {
            LOG.debug("Closing a stream client failed", failure);
        }
    }

    /** A batch's clients and recent events; guarded by its own monitor. */
    private static final class Channel {
        /** The history holds every event of the batch whose position is above this. */
        long floor;

        final ArrayDeque<FeedEvent> history = new ArrayDeque<>();
        final Set<Subscriber> subscribers = new LinkedHashSet<>();
        long lastUsed;
        boolean evicted;

        Channel(long floor, long now) {
            this.floor = floor;
            this.lastUsed = now;
        }
    }

    /** A hole given up on, still looked at until {@code until}. */
    private static final class LateRange {
        final long from;
        final long to;
        final long until;
        final Set<Long> found = new HashSet<>();

        LateRange(long from, long to, long until) {
            this.from = from;
            this.to = to;
            this.until = until;
        }
    }
}
