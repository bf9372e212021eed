package org.guangsha.selection.batch;

import java.util.List;
import java.util.Optional;
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

    /**
     * The family of a batch whose main applicant has this ID number: what a line that fed the batch
     * links its own applicant to.
     *
     * @param idNumber a resident ID number (normalized first: blanks, lower-case x)
     * @return the family's id, or empty when the batch has no such family (or does not exist)
     */
    Optional<String> familyId(String batchId, String idNumber);
}
