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
 * SZ-5 单位住房承租信息变更: an organization's change of occupants, reviewed once by the home's district.
 * Organization accounts are L1 (verified by their credit code at registration).
 */
@Component(service = CaseType.class)
public class EmployerChangeCaseType implements CaseType {

    private final ChangesService changes;

    /** Built by DS. */
    @Activate
    public EmployerChangeCaseType(@Reference ChangesService changes) {
        this.changes = changes;
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
    public List<ReviewLevel> levels() {
        return List.of(ReviewLevel.district());
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L1;
    }

    @Override
    public List<String> requiredAttachments() {
        return List.of();
    }

    @Override
    public void erase(String caseId) {
        changes.erase(caseId);
    }
}
