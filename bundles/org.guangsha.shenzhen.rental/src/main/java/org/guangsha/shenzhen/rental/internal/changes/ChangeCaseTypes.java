package org.guangsha.shenzhen.rental.internal.changes;

import java.util.List;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The two change case types, each reviewed once by the district of the home; withdrawing erases the
 * change's personal data (C-3). No attachment is required by the type: the page asks for what the
 * change needs.
 */
public abstract class ChangeCaseTypes implements CaseType {

    private final ChangesService changes;

    ChangeCaseTypes(ChangesService changes) {
        this.changes = changes;
    }

    @Override
    public List<ReviewLevel> levels() {
        return List.of(ReviewLevel.district());
    }

    @Override
    public List<String> requiredAttachments() {
        return List.of();
    }

    @Override
    public void erase(String caseId) {
        changes.erase(caseId);
    }

    /** SZ-3 个人租后信息变更: a citizen (L2) lessee's change. */
    @Component(service = CaseType.class)
    public static class Personal extends ChangeCaseTypes {

        /** Built by DS. */
        @Activate
        public Personal(@Reference ChangesService changes) {
            super(changes);
        }

        @Override
        public String id() {
            return ChangesService.PERSONAL_CASE;
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("个人租后信息变更", "Post-rental change");
        }

        @Override
        public TrustLevel requiredTrustLevel() {
            return TrustLevel.L2;
        }
    }

    /**
     * SZ-5 单位住房承租信息变更: an organization's change of occupants. Organization accounts are L1
     * (verified by their credit code at registration).
     */
    @Component(service = CaseType.class)
    public static class Employer extends ChangeCaseTypes {

        /** Built by DS. */
        @Activate
        public Employer(@Reference ChangesService changes) {
            super(changes);
        }

        @Override
        public String id() {
            return ChangesService.EMPLOYER_CASE;
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("单位住房承租信息变更", "Employer housing change");
        }

        @Override
        public TrustLevel requiredTrustLevel() {
            return TrustLevel.L1;
        }
    }
}
