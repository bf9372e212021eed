package org.guangsha.selection.internal.broadcast;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

/**
 * A stream client over JAX-RS server-sent events. {@link SseEventSink#send} only queues: the
 * container writes on its own threads, so the feed thread never waits for a client. A client with
 * more than {@code backlog} events unsent is too slow and is dropped; so is one whose write failed
 * (it went away). Closing happens on {@code closer}, since closing a sink waits for its queue.
 */
final class SseSubscriber implements Subscriber {

    private final SseEventSink sink;
    private final Sse sse;
    private final int backlog;
    private final Executor closer;
    private final Runnable onGone;
    private final AtomicInteger unsent = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();

    SseSubscriber(SseEventSink sink, Sse sse, int backlog, Executor closer, Runnable onGone) {
        this.sink = sink;
        this.sse = sse;
        this.backlog = backlog;
        this.closer = closer;
        this.onGone = onGone;
    }

    /** The first frame: says the stream is open and when to reconnect after a break. */
    boolean hello(long retryMillis) {
        return queue(sse.newEventBuilder().comment("ok").reconnectDelay(retryMillis).build());
    }

    @Override
    public boolean send(FeedEvent event) {
        return queue(
                sse.newEventBuilder()
                        .id(Long.toString(event.position()))
                        .name("unit")
                        // the data is JSON already: written as it is
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, event.json())
                        .build());
    }

    @Override
    public boolean heartbeat() {
        return queue(sse.newEventBuilder().comment("").build());
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            closer.execute(sink::close);
        }
    }

    private boolean queue(OutboundSseEvent event) {
        if (ended.get() || sink.isClosed()) {
            gone();
            return false;
        }
        if (unsent.incrementAndGet() > backlog) {
            unsent.decrementAndGet();
            return false;
        }
        sink.send(event)
                .whenComplete(
                        (ok, failure) -> {
                            unsent.decrementAndGet();
                            if (failure != null) {
                                gone();
                            }
                        });
        return true;
    }

    /** The client went away: leave the feed (not in the caller's thread: it may be the feed's). */
    private void gone() {
        if (ended.compareAndSet(false, true)) {
            closer.execute(
                    () -> {
                        onGone.run();
                        sink.close();
                    });
        }
    }
}
