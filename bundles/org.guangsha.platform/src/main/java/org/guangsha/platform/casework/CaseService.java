package org.guangsha.platform.casework;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The cases of every line (C-1 … C-3). Illegal transitions are refused with 409 problem+json {@code
 * illegal-transition}; unknown cases with 404. Review decisions and withdrawal go through the REST
 * API ({@code /api/review/...}, {@code /api/cases/{id}/withdraw}), where the caller is known; lines
 * call the methods here.
 */
@ProviderType
public interface CaseService {

    /** Opens a DRAFT case. */
    CaseRecord create(NewCase newCase);

    /** The case with this id. */
    Optional<CaseRecord> find(String caseId);

    /** The applicant's cases, newest first. */
    List<CaseRecord> ofApplicant(String applicantId);

    /** Records 暂存 (DRAFT or RETURNED only). */
    CaseRecord save(String caseId, String actorId);

    /**
     * Submits a DRAFT or RETURNED case: checks the line's form ({@link CaseType#validate}, 400) and
     * the required attachments (400 naming the missing kinds), freezes the filed attachments
     * and puts the case in the first level's queue.
     */
    CaseRecord submit(String caseId, String actorId);

    /** The case's timeline, oldest first. */
    List<CaseEvent> timeline(String caseId);

    /** Adds a line's own event to the timeline (a payment, a document issued …). */
    CaseRecord note(String caseId, String type, String actorId, String remark);
}
