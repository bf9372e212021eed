package org.guangsha.shenzhen.rental.internal.records;

import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseListener;
import org.guangsha.platform.casework.CaseRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues what an approval grants (SZ-6 the record certificate, SZ-7 the share information, SZ-8 the
 * power of attorney and the registration form) and closes applications that were rejected or
 * withdrawn. Each application changes from REVIEW once, so a certificate is issued exactly once.
 */
@Component(service = CaseListener.class)
public class RecordsCaseListener implements CaseListener {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsCaseListener.class);

    private final RecordsService records;

    /** Built by DS. */
    @Activate
    public RecordsCaseListener(@Reference RecordsService records) {
        this.records = records;
    }

    @Override
    public void changed(CaseRecord record, CaseEvent event) {
        String type = record.typeId();
        try {
            switch (event.type()) {
                case "approved" -> {
                    if (record.status() != org.guangsha.platform.casework.CaseStatus.APPROVED) {
                        return; // an earlier level of a longer review
                    }
                    switch (type) {
                        case RecordsService.RECORD_CASE -> records.recordApproved(record.id());
                        case RecordsService.SHARE_CASE -> records.shareApproved(record.id());
                        case RecordsService.POA_CASE -> records.poaApproved(record.id());
                        default -> {
                            // another line's case
                        }
                    }
                }
                case "rejected" -> closed(record, "REJECTED");
                case "withdrawn" -> closed(record, "WITHDRAWN");
                default -> {
                    // submitted, claimed, returned …: the application stays under review
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Case {} ({}): {} not handled", record.id(), type, event.type(), e);
        }
    }

    private void closed(CaseRecord record, String status) {
        if (RecordsService.RECORD_CASE.equals(record.typeId())
                || RecordsService.SHARE_CASE.equals(record.typeId())
                || RecordsService.POA_CASE.equals(record.typeId())) {
            records.closed(record.id(), status);
        }
    }
}
