package org.guangsha.selection.internal.broadcast;

/**
 * A connected stream client. The feed calls it from its single thread while fanning a change out to
 * every client of a batch, so no method may block or do I/O in the caller's thread: an
 * implementation queues and writes elsewhere.
 */
public interface Subscriber {

    /**
     * Queues an event for the client.
     *
     * @return false when the client is gone or too far behind; the feed then drops and closes it (a
     *     browser's EventSource reconnects and resumes after its last event)
     */
    boolean send(FeedEvent event);

    /** Queues a keep-alive comment; false as for {@link #send}. */
    boolean heartbeat();

    /** Ends the stream (asynchronously). */
    void close();
}
