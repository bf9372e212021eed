package org.guangsha.selection.internal.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** A stream client on a non-blocking servlet stream: what it writes, and how it leaves. */
class StreamClientTest {

    private final AvailabilityFeedTest.FakeSource source = new AvailabilityFeedTest.FakeSource();
    private final AtomicLong clock = new AtomicLong();
    private final AvailabilityFeed feed =
            new AvailabilityFeed(
                    source, new AvailabilityFeed.Settings(200, 15_000, 1000, 3), clock::get);

    @Test
    void writesTheHelloThenEachEventFrameAndKeepAlives() throws Exception {
        Connection c = new Connection();
        StreamClient client = StreamClient.open(c.async(), 3, StreamClient.hello(3000), () -> {});
        c.writePossible();
        assertTrue(
                client.send(FeedEvent.of(new Change(7, "A", "u\"1", "1-101", "TAKEN"), 7, false)));
        assertTrue(client.heartbeat());
        assertEquals(
                ": ok\nretry: 3000\n\n"
                        + "id: 7\nevent: unit\n"
                        + "data: {\"seq\":7,\"unitId\":\"u\\\"1\",\"code\":\"1-101\","
                        + "\"status\":\"TAKEN\"}\n\n"
                        + ":\n\n",
                c.written());
        assertTrue(c.flushes.get() >= 3, "each frame is flushed at once");
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersGetEverything() throws Exception {
        feed.step();
        Connection stuck = new Connection(); // takes the hello, then its socket stays full
        Connection fine = new Connection();
        StreamClient slow = StreamClient.open(stuck.async(), 3, StreamClient.hello(1), () -> {});
        StreamClient fast = StreamClient.open(fine.async(), 3, StreamClient.hello(1), () -> {});
        stuck.writePossible();
        fine.writePossible();
        stuck.ready.set(false);
        feed.subscribe("A", null, slow);
        feed.subscribe("A", null, fast);
        for (int i = 1; i <= 10; i++) {
            source.commit(i, "A", "u" + i);
        }
        feed.step();
        assertEquals(10, fine.written().split("event: unit").length - 1);
        assertEquals(0, stuck.written().split("event: unit").length - 1);
        assertEquals(1, feed.subscribers(), "three frames unwritten, then it is dropped");
        assertTrue(stuck.completed.get());
        assertFalse(fine.completed.get());
    }

    @Test
    void aClientWhoseWriteFailedLeavesTheFeed() throws Exception {
        feed.step();
        Connection c = new Connection();
        StreamClient[] self = new StreamClient[1];
        self[0] =
                StreamClient.open(
                        c.async(), 3, StreamClient.hello(1), () -> feed.unsubscribe("A", self[0]));
        c.writePossible();
        feed.subscribe("A", null, self[0]);
        assertEquals(1, feed.subscribers());
        c.broken.set(true); // the browser went away
        source.commit(1, "A", "u1");
        feed.step();
        assertEquals(0, feed.subscribers());
        assertTrue(c.completed.get());
    }

    @Test
    void theResumePositionComesFromLastEventIdFirstThenSince() {
        assertNull(AvailabilityResource.resumeAfter(null, " "));
        assertEquals(12L, AvailabilityResource.resumeAfter("12", "3"));
        assertEquals(3L, AvailabilityResource.resumeAfter("", "3"));
        assertThrows(ProblemException.class, () -> AvailabilityResource.resumeAfter(null, "-1"));
        assertThrows(ProblemException.class, () -> AvailabilityResource.resumeAfter("x", null));
    }

    /**
     * One client's connection: a non-blocking output that takes everything while {@code ready}, and
     * an async context that records its completion.
     */
    static final class Connection {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicBoolean ready = new AtomicBoolean(true);
        final AtomicBoolean broken = new AtomicBoolean();
        final AtomicBoolean completed = new AtomicBoolean();
        final AtomicInteger flushes = new AtomicInteger();
        WriteListener listener;

        final ServletOutputStream out =
                new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return ready.get();
                    }

                    @Override
                    public void setWriteListener(WriteListener l) {
                        listener = l;
                    }

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (broken.get()) {
                            throw new IOException("Broken pipe");
                        }
                        bytes.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (broken.get()) {
                            throw new IOException("Broken pipe");
                        }
                        flushes.incrementAndGet();
                    }
                };

        AsyncContext async() {
            ServletResponse response =
                    (ServletResponse)
                            Proxy.newProxyInstance(
                                    getClass().getClassLoader(),
                                    new Class<?>[] {ServletResponse.class},
                                    (p, m, a) ->
                                            m.getName().equals("getOutputStream") ? out : null);
            return (AsyncContext)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {AsyncContext.class},
                            (p, m, a) -> {
                                switch (m.getName()) {
                                    case "getResponse":
                                        return response;
                                    case "complete":
                                        completed.set(true);
                                        return null;
                                    default:
                                        return null;
                                }
                            });
        }

        /** The container says the stream can be written. */
        void writePossible() throws IOException {
            listener.onWritePossible();
        }

        String written() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
