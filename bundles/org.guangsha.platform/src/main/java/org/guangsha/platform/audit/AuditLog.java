package org.guangsha.platform.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records security-relevant actions. A call returns once the entry is stored in the database, in
 * its own transaction: an audit entry survives even when the audited work fails afterwards.
 */
@ProviderType
public interface AuditLog {

    /**
     * Records one action.
     *
     * @param action what happened, a stable dotted name such as {@code case.decision} or {@code
     *     payment.notify.forged}
     * @param actorId the account that acted, or null for the system or an anonymous caller
     * @param target what it was done to, e.g. {@code case:<id>}; may be null
     * @param sourceAddress the caller's network address, or null
     * @param detail a short description without personal data (ID numbers, phones are masked)
     */
    void record(String action, String actorId, String target, String sourceAddress, String detail);
}
