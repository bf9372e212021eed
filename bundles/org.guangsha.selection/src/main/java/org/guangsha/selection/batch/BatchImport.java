package org.guangsha.selection.batch;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates selection batches (S-1). Registered by the selection line; another line references it to
 * hand over its ranked lists.
 */
@ProviderType
public interface BatchImport {

    /**
     * Checks the whole batch (every row, every field) and stores it in one transaction.
     *
     * @throws BatchRejectedException naming every wrong row and field; nothing is stored then
     */
    BatchSummary create(NewBatch batch);

    /** The batches, newest first. */
    List<BatchSummary> batches();
}
