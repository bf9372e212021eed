package org.guangsha.shenzhen.rental.internal.changes;

import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseListener;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an approved change (SZ-3, SZ-5) to the lease's residents, once, and closes rejected or
 * withdrawn ones.
 */
@Component(service = CaseListener.class)
public class ChangesCaseListener implements CaseListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChangesCaseListener.class);

    private final ChangesService changes;

    /** Built by DS. */
    @Activate
    public ChangesCaseListener(@Reference ChangesService changes) {
        this.changes = changes;
    }

    @Override
    public void changed(CaseRecord record, CaseEvent event) {
        if (!ChangesService.PERSONAL_CASE.equals(record.typeId())
                && !ChangesService.EMPLOYER_CASE.equals(record.typeId())) {
            return;
        }
        try {
            switch (event.type()) {
                case "approved" -> {
                    if (record.status() == CaseStatus.APPROVED) {
                        changes.approved(record.id());
                    }
                }
                case "rejected" -> changes.closed(record.id(), "REJECTED");
                case "withdrawn" -> changes.closed(record.id(), "WITHDRAWN");
                default -> {
                    // submitted, claimed, returned …: still under review
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Case {}: {} not handled", record.id(), event.type(), e);
        }
    }
}
