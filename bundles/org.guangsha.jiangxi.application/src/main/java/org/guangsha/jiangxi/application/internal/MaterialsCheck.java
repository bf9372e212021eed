package org.guangsha.jiangxi.application.internal;

import java.util.List;
import java.util.Set;
import org.guangsha.platform.rest.FieldError;

/**
 * What the application needs of its materials part (JX-8): the check before submission, and
 * following the family when members are taken out.
 */
public interface MaterialsCheck {

    /**
     * The required materials the category and the family decide that are not filed yet, each named
     * {@code materials.<code>} (or {@code materials.<code>[<member id>]}); empty when every
     * required material is there.
     */
    List<FieldError> problems(String caseId);

    /**
     * Members were taken out of the family: their materials go too, and their files leave the case
     * (unless something else of the case still uses them), so reviewers never see them.
     */
    void membersRemoved(String caseId, String applicantId, Set<String> memberIds);
}
