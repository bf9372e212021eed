package org.guangsha.selection.internal.broadcast;

/**
 * A change as the feed publishes it, rendered once for all clients.
 *
 * @param position the stream position a client resumes after ({@code id:} of the event, what {@code
 *     Last-Event-ID} and {@code ?since=} name): the change's number, except for a change committed
 *     so late that later ones had already gone out, which carries the position the feed had reached
 *     when it found it
 * @param late whether it is such a late change
 * @param change the row
 * @param json the event's data: {@code {"seq":…,"unitId":…,"code":…,"status":…}}
 */
public record FeedEvent(long position, boolean late, Change change, String json) {

    /** The event of {@code change} at {@code position}. */
    static FeedEvent of(Change change, long position, boolean late) {
        String json =
                "{\"seq\":"
                        + change.seq()
                        + ",\"unitId\":"
                        + quote(change.unitId())
                        + ",\"code\":"
                        + quote(change.unitCode())
                        + ",\"status\":"
                        + quote(change.status())
                        + "}";
        return new FeedEvent(position, late, change, json);
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
