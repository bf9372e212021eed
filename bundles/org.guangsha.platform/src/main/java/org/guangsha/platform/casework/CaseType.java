package org.guangsha.platform.casework;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of application, registered as a service by the business line that owns its form data
 * (C-1). The core keeps the case; the line keeps what was filled in, keyed by the case id.
 */
@ConsumerType
public interface CaseType {

    /** Stable id, e.g. {@code jiangxi-public-rental}. */
    String id();

    /** The name citizens and caseworkers see. */
    LocalizedText name();

    /** The review levels in order; at least one. */
    List<ReviewLevel> levels();

    /** The trust level an applicant needs to file online (counter filing is staff-verified). */
    TrustLevel requiredTrustLevel();

    /** Attachment kinds that must be filed with the case before it can be submitted. */
    List<String> requiredAttachments();

    /**
     * Checks the line's form data before submission; each problem names its field. Empty when the
     * case may be submitted.
     */
    default List<FieldError> validate(String caseId) {
        return List.of();
    }

    /**
     * Erases or irreversibly anonymises the line's form data of a withdrawn case, the applicant's
     * and the co-applicants' (C-3). Called before the withdrawal is stored; throwing stops the
     * withdrawal, so nothing is half-erased and marked withdrawn.
     */
    void erase(String caseId);
}
