package org.guangsha.selection.internal.broadcast;

import java.util.List;

/** Where the feed reads changes from: the database in production, a list in tests. */
public interface ChangeSource {

    /** The highest number in the feed, 0 when it is empty. */
    long maxSeq();

    /** At most {@code limit} changes numbered above {@code seq}, in order. */
    List<Change> after(long seq, int limit);

    /** The changes numbered from {@code from} to {@code to}, both included, in order. */
    List<Change> between(long from, long to);

    /** A batch's changes numbered above {@code after} and up to {@code upTo}, in order. */
    List<Change> ofBatch(String batchId, long after, long upTo);
}
