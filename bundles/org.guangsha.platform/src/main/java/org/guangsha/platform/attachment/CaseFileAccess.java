package org.guangsha.platform.attachment;

import org.guangsha.platform.identity.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells the attachment store who, besides the owner, may read the files filed with a case: the case
 * service answers for the caseworkers of the case's region. Without such a service only
 * owners read their files.
 */
@ConsumerType
public interface CaseFileAccess {

    /** Whether {@code caller} may read the files filed with {@code caseId}. */
    boolean mayRead(Caller caller, String caseId);
}
