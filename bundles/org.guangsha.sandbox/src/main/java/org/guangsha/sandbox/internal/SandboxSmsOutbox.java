package org.guangsha.sandbox.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.guangsha.platform.identity.SmsSender;
import org.osgi.service.component.annotations.Component;

/**
 * A simulated SMS gateway: messages go to an outbox in memory (the last 1,000) that demos and tests
 * read at {@code /api/sandbox/sms/{mobile}}. Nothing is sent to any phone.
 */
@Component(service = {SmsSender.class, SandboxSmsOutbox.class})
public class SandboxSmsOutbox implements SmsSender {

    private static final int KEEP = 1000;

    /** One message in the outbox. */
    public record Message(String mobile, String text, Instant sentAt, boolean simulated) {}

    private final Deque<Message> outbox = new ArrayDeque<>();

    @Override
    public synchronized void send(String mobile, String text) {
        outbox.addFirst(new Message(mobile, text, Instant.now(), true));
        while (outbox.size() > KEEP) {
            outbox.removeLast();
        }
    }

    /** The newest {@code n} messages to anybody. */
    public synchronized List<Message> recent(int n) {
        return outbox.stream().limit(n).toList();
    }

    /** Messages to {@code mobile}, newest first. */
    public synchronized List<Message> to(String mobile) {
        return outbox.stream().filter(m -> m.mobile().equals(mobile)).toList();
    }
}
