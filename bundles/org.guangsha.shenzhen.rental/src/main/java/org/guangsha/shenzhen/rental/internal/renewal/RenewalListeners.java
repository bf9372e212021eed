package org.guangsha.shenzhen.rental.internal.renewal;

import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseListener;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the core tells lease renewal (SZ-2): the renewal case approved (the lessee may sign), the
 * contract signed in the ceremony (a contract case goes to review), the contract case approved (the
 * new term applies), and rejections and withdrawals (the renewal ends, the lease stays as it was).
 */
@Component(service = {CaseListener.class, SigningListener.class})
public class RenewalListeners implements CaseListener, SigningListener {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalListeners.class);

    private final RenewalService renewals;

    /** Built by DS. */
    @Activate
    public RenewalListeners(@Reference RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void changed(CaseRecord record, CaseEvent event) {
        String type = record.typeId();
        if (!RenewalService.RENEWAL_CASE.equals(type)
                && !RenewalService.CONTRACT_CASE.equals(type)) {
            return;
        }
        try {
            switch (event.type()) {
                case "approved" -> {
                    if (record.status() != CaseStatus.APPROVED) {
                        return;
                    }
                    if (RenewalService.RENEWAL_CASE.equals(type)) {
                        renewals.renewalApproved(record.id());
                    } else {
                        renewals.contractApproved(record.id());
                    }
                }
                case "rejected" -> renewals.closed(record.id(), "REJECTED");
                case "withdrawn" -> renewals.closed(record.id(), "WITHDRAWN");
                default -> {
                    // submitted, claimed, returned …: still under review
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Case {} ({}): {} not handled", record.id(), type, event.type(), e);
        }
    }

    @Override
    public void signed(SigningFlow flow, IssuedDocument document) {
        try {
            renewals.contractSigned(flow, document.id());
        } catch (RuntimeException e) {
            LOG.error("Signing {} not handled", flow.id(), e);
        }
    }
}
