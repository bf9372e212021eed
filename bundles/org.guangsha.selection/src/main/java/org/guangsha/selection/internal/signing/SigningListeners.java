package org.guangsha.selection.internal.signing;

import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseListener;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningListener;
import org.guangsha.platform.payment.PaymentListener;
import org.guangsha.platform.payment.PaymentOrder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the core tells the selection line about a family's signing: the lease was signed in the
 * ceremony, the deposit was paid (only ever from the payment provider's notification), the signing
 * case was approved. Each is also looked up again when the family reads its signing, so a failure
 * here is caught up with.
 */
@Component(service = {SigningListener.class, PaymentListener.class, CaseListener.class})
public class SigningListeners implements SigningListener, PaymentListener, CaseListener {

    private final SelectionSigning signing;

    /** Built by DS. */
    @Activate
    public SigningListeners(@Reference SelectionSigning signing) {
        this.signing = signing;
    }

    @Override
    public void signed(SigningFlow flow, IssuedDocument document) {
        signing.contractSigned(flow, document);
    }

    @Override
    public void changed(PaymentOrder order) {
        signing.orderChanged(order);
    }

    @Override
    public void changed(CaseRecord record, CaseEvent event) {
        if ("approved".equals(event.type())) {
            signing.caseApproved(record);
        }
    }
}
