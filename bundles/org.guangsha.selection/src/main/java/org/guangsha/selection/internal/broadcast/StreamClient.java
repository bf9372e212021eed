package org.guangsha.selection.internal.broadcast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;

/**
 * A stream client written without blocking (Servlet 3.1 {@link WriteListener}): an event is queued
 * and written at once when the connection can take it, otherwise when the container says it can
 * ({@link #onWritePossible()}). No thread waits for a client; a client with more than {@code
 * backlog} frames unwritten is too slow and is dropped (its browser reconnects and resumes). Every
 * client of a change writes the same frame bytes.
 */
final class StreamClient implements Subscriber, WriteListener, AsyncListener {

    /** The keep-alive: a comment line. */
    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final int backlog;
    private final Runnable onGone;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean unflushed;
    private boolean ended;

    private StreamClient(
            AsyncContext async, ServletOutputStream out, int backlog, Runnable onGone) {
        this.async = async;
        this.out = out;
        this.backlog = backlog;
        this.onGone = onGone;
    }

    /**
     * Starts writing the response of {@code async} (status and headers set by the caller) with
     * {@code first} as its first frame.
     *
     * @param onGone run once when the client went away or failed
     */
    static StreamClient open(AsyncContext async, int backlog, byte[] first, Runnable onGone)
            throws IOException {
        ServletOutputStream out = async.getResponse().getOutputStream();
        StreamClient client = new StreamClient(async, out, backlog, onGone);
        synchronized (client) {
            client.queue.add(first);
        }
        async.addListener(client);
        // from here on the stream is non-blocking; the container calls onWritePossible first
        out.setWriteListener(client);
        return client;
    }

    /** The first frame: says the stream is open and when to reconnect after a break. */
    static byte[] hello(long retryMillis) {
        return (": ok\nretry: " + retryMillis + "\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean send(FeedEvent event) {
        return offer(event.frame());
    }

    @Override
    public boolean heartbeat() {
        return offer(HEARTBEAT);
    }

    @Override
    public void close() {
        end(false);
    }

    private boolean offer(byte[] frame) {
        boolean alive;
        synchronized (this) {
            if (ended || queue.size() >= backlog) {
                return false;
            }
            queue.add(frame);
            alive = pump();
        }
        if (!alive) {
            end(true);
        }
        return alive;
    }

    /** Writes and flushes what the connection takes now; false when it failed. Holds the lock. */
    private boolean pump() {
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    out.write(next);
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    return true;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void onWritePossible() {
        boolean alive;
        synchronized (this) {
            if (ended) {
                return;
            }
            alive = pump();
        }
        if (!alive) {
            end(true);
        }
    }

    @Override
    public void onError(Throwable failure) {
        end(true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end(true);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end(true);
    }

    @Override
    public void onError(AsyncEvent event) {
        end(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the stream's context is started once
    }

    private void end(boolean leaveFeed) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            queue.clear();
        }
        if (leaveFeed) {
            onGone.run();
        }
        try {
            async.complete();
        } catch (IllegalStateException alreadyComplete) {
            // the container completed it first
        }
    }
}
