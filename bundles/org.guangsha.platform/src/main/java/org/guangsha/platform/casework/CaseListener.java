package org.guangsha.platform.casework;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every timeline event after it is stored (a line starts signing on approval, for example).
 * A listener that throws does not undo the event.
 */
@ConsumerType
public interface CaseListener {

    /** {@code event} happened to {@code record}, which shows the case after it. */
    void changed(CaseRecord record, CaseEvent event);
}
