package org.guangsha.selection.internal.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseBroadcaster;
import javax.ws.rs.sse.SseEventSink;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** The JAX-RS side of a stream client: what it writes, and how a slow or gone client leaves. */
class SseSubscriberTest {

    private final AvailabilityFeedTest.FakeSource source = new AvailabilityFeedTest.FakeSource();
    private final AtomicLong clock = new AtomicLong();
    private final AvailabilityFeed feed =
            new AvailabilityFeed(
                    source, new AvailabilityFeed.Settings(200, 15_000, 1000, 3), clock::get);

    @Test
    void writesUnitEventsWithTheirPositionAsIdAndTheJsonAsIs() {
        FakeSink sink = new FakeSink(true);
        SseSubscriber s = new SseSubscriber(sink, new FakeSse(), 3, Runnable::run, () -> {});
        assertTrue(s.hello(3000));
        assertTrue(s.send(FeedEvent.of(new Change(7, "A", "u\"1", "1-101", "TAKEN"), 7, false)));
        assertTrue(s.heartbeat());
        assertEquals("ok", sink.sent.get(0).getComment());
        assertEquals(3000, sink.sent.get(0).getReconnectDelay());
        OutboundSseEvent unit = sink.sent.get(1);
        assertEquals("7", unit.getId());
        assertEquals("unit", unit.getName());
        assertEquals(MediaType.TEXT_PLAIN_TYPE, unit.getMediaType());
        assertEquals(
                "{\"seq\":7,\"unitId\":\"u\\\"1\",\"code\":\"1-101\",\"status\":\"TAKEN\"}",
                unit.getData());
        assertNull(sink.sent.get(2).getData());
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersGetEverything() {
        feed.step();
        FakeSink stuck = new FakeSink(false); // its writes never complete: a phone in a tunnel
        FakeSink fine = new FakeSink(true);
        List<Runnable> closing = new ArrayList<>();
        SseSubscriber slow = new SseSubscriber(stuck, new FakeSse(), 3, closing::add, () -> {});
        SseSubscriber fast = new SseSubscriber(fine, new FakeSse(), 3, Runnable::run, () -> {});
        feed.subscribe("A", null, slow);
        feed.subscribe("A", null, fast);
        for (int i = 1; i <= 10; i++) {
            source.commit(i, "A", "u" + i);
        }
        feed.step();
        assertEquals(10, fine.sent.size());
        assertEquals(3, stuck.sent.size(), "three unsent events, then it is dropped");
        assertEquals(1, feed.subscribers());
        assertEquals(1, closing.size(), "closed on the closer, not in the feed's thread");
        assertFalse(stuck.closed);
        closing.get(0).run();
        assertTrue(stuck.closed);
    }

    @Test
    void aClientWhoseWriteFailedLeavesTheFeed() {
        feed.step();
        FakeSink sink = new FakeSink(true);
        SseSubscriber[] self = new SseSubscriber[1];
        self[0] =
                new SseSubscriber(
                        sink,
                        new FakeSse(),
                        3,
                        Runnable::run,
                        () -> feed.unsubscribe("A", self[0]));
        feed.subscribe("A", null, self[0]);
        sink.failNext = true;
        source.commit(1, "A", "u1");
        feed.step();
        assertEquals(0, feed.subscribers());
        assertTrue(sink.closed);
    }

    @Test
    void theResumePositionComesFromLastEventIdFirstThenSince() {
        assertNull(AvailabilityResource.resumeAfter(null, " "));
        assertEquals(12L, AvailabilityResource.resumeAfter("12", "3"));
        assertEquals(3L, AvailabilityResource.resumeAfter("", "3"));
        assertThrows(ProblemException.class, () -> AvailabilityResource.resumeAfter(null, "-1"));
        assertThrows(ProblemException.class, () -> AvailabilityResource.resumeAfter("x", null));
    }

    /** A sink whose writes complete at once, or never. */
    static final class FakeSink implements SseEventSink {
        final List<OutboundSseEvent> sent = new ArrayList<>();
        final boolean completes;
        boolean failNext;
        volatile boolean closed;

        FakeSink(boolean completes) {
            this.completes = completes;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            if (failNext) {
                return CompletableFuture.failedFuture(new java.io.IOException("reset"));
            }
            return completes ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Builds plain events. */
    static final class FakeSse implements Sse {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new Builder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Builder implements OutboundSseEvent.Builder {
        private String id;
        private String name;
        private String comment;
        private long retry = -1;
        private MediaType type;
        private Object data;

        @Override
        public OutboundSseEvent.Builder id(String value) {
            id = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder name(String value) {
            name = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder reconnectDelay(long value) {
            retry = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder mediaType(MediaType value) {
            type = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder comment(String value) {
            comment = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Class type, Object value) {
            data = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(GenericType type, Object value) {
            data = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Object value) {
            data = value;
            return this;
        }

        @Override
        public OutboundSseEvent build() {
            String i = id;
            String n = name;
            String c = comment;
            long r = retry;
            MediaType t = type;
            Object d = data;
            return new OutboundSseEvent() {
                @Override
                public Class<?> getType() {
                    return d == null ? null : d.getClass();
                }

                @Override
                public Type getGenericType() {
                    return getType();
                }

                @Override
                public MediaType getMediaType() {
                    return t;
                }

                @Override
                public Object getData() {
                    return d;
                }

                @Override
                public String getId() {
                    return i;
                }

                @Override
                public String getName() {
                    return n;
                }

                @Override
                public String getComment() {
                    return c;
                }

                @Override
                public long getReconnectDelay() {
                    return r;
                }

                @Override
                public boolean isReconnectDelaySet() {
                    return r >= 0;
                }
            };
        }
    }
}
