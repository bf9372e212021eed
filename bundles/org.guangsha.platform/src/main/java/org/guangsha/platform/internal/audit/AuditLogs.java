package org.guangsha.platform.internal.audit;

import org.guangsha.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the core's services record what they did: the audit log is an optional reference of theirs,
 * and an action that already happened is not undone because its audit row could not be written (the
 * failure is logged as an error for the operators instead).
 */
public final class AuditLogs {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogs.class);

    private AuditLogs() {}

    /** Records through {@code log} when one is installed; never throws. */
    public static void record(
            AuditLog log,
            String action,
            String actorId,
            String target,
            String sourceAddress,
            String detail) {
        if (log == null) {
            return;
        }
        try {
            log.record(action, actorId, target, sourceAddress, detail);
        } catch (RuntimeException e) {
            LOG.error(
                    "Could not write the audit entry {} by {} on {}; the action itself happened",
                    action,
                    actorId,
                    target,
                    e);
        }
    }
}
