package org.guangsha.selection.internal.broadcast;

import java.nio.charset.StandardCharsets;

/**
 * A change as the feed publishes it, rendered once for all clients: its JSON and its whole
 * server-sent event frame.
 */
public final class FeedEvent {

    private final long position;
    private final boolean late;
    private final Change change;
    private final String json;
    private final byte[] frame;

    private FeedEvent(long position, boolean late, Change change) {
        this.position = position;
        this.late = late;
        this.change = change;
        this.json =
                "{\"seq\":"
                        + change.seq()
                        + ",\"unitId\":"
                        + quote(change.unitId())
                        + ",\"code\":"
                        + quote(change.unitCode())
                        + ",\"status\":"
                        + quote(change.status())
                        + "}";
        this.frame =
                ("id: " + position + "\nevent: unit\ndata: " + json + "\n\n")
                        .getBytes(StandardCharsets.UTF_8);
    }

    /** The event of {@code change} at {@code position}. */
    static FeedEvent of(Change change, long position, boolean late) {
        return new FeedEvent(position, late, change);
    }

    /**
     * The stream position a client resumes after ({@code id:} of the event, what {@code
     * Last-Event-ID} and {@code ?since=} name): the change's number, except for a change committed
     * so late that later ones had already gone out, which carries the position the feed had reached
     * when it found it.
     */
    public long position() {
        return position;
    }

    /** Whether it is such a late change. */
    public boolean late() {
        return late;
    }

    /** The row. */
    public Change change() {
        return change;
    }

    /** The event's data: {@code {"seq":…,"unitId":…,"code":…,"status":…}}. */
    public String json() {
        return json;
    }

    /**
     * The event as written on the stream ({@code id:}, {@code event: unit}, {@code data:}, blank
     * line), in UTF-8; shared by every client, never to be changed.
     */
    byte[] frame() {
        return frame;
    }

    /** A JSON string literal. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
