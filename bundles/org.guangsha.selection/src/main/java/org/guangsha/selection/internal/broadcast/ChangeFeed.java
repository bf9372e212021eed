package org.guangsha.selection.internal.broadcast;

/**
 * The node's availability feed (S-10), as the selection itself sees it: after a commit that took
 * units, {@link #poke()} makes this node publish at once instead of at its next poll. Other nodes
 * see the change at their next poll of {@code SEL_CHANGE}.
 */
@FunctionalInterface
public interface ChangeFeed {

    /** Reads the feed now; never blocks and never fails. */
    void poke();
}
