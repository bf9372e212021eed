package org.guangsha.jiangxi.application.internal;

import java.util.List;
import org.guangsha.platform.rest.FieldError;

/**
 * The materials' part of the checks before submission (JX-8): the required materials the category
 * and the family decide that are not filed yet, each named {@code materials.<code>} (or {@code
 * materials.<code>[<member id>]}).
 */
public interface MaterialsCheck {

    /** What is missing; empty when every required material is there. */
    List<FieldError> problems(String caseId);
}
