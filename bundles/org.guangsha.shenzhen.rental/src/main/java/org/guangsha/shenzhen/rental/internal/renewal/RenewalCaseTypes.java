package org.guangsha.shenzhen.rental.internal.renewal;

import java.util.List;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;

/**
 * The two case types of lease renewal (SZ-2), each reviewed once by the district of the home (C-2):
 * the renewal application (with the ID card's two sides) and the signed renewal contract.
 */
abstract class RenewalCaseTypes implements CaseType {

    private final RenewalService renewals;

    RenewalCaseTypes(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public List<ReviewLevel> levels() {
        return List.of(ReviewLevel.district());
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L2;
    }

    @Override
    public void erase(String caseId) {
        renewals.erase(caseId);
    }

    /** The renewal application (个人租赁合同续签), SZ-2 b. */
    @org.osgi.service.component.annotations.Component(service = CaseType.class)
    public static class Application extends RenewalCaseTypes {

        /** Built by DS. */
        @org.osgi.service.component.annotations.Activate
        public Application(@org.osgi.service.component.annotations.Reference RenewalService r) {
            super(r);
        }

        @Override
        public String id() {
            return RenewalService.RENEWAL_CASE;
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("个人租赁合同续签", "Lease renewal");
        }

        @Override
        public List<String> requiredAttachments() {
            return List.of(AttachmentKinds.ID_CARD_FRONT, AttachmentKinds.ID_CARD_BACK);
        }
    }

    /** The signed renewal contract (个人租赁合同签订), approved by a caseworker, SZ-2 c. */
    @org.osgi.service.component.annotations.Component(service = CaseType.class)
    public static class Contract extends RenewalCaseTypes {

        /** Built by DS. */
        @org.osgi.service.component.annotations.Activate
        public Contract(@org.osgi.service.component.annotations.Reference RenewalService r) {
            super(r);
        }

        @Override
        public String id() {
            return RenewalService.CONTRACT_CASE;
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("个人租赁合同签订", "Lease renewal contract");
        }

        @Override
        public List<String> requiredAttachments() {
            return List.of();
        }
    }
}
