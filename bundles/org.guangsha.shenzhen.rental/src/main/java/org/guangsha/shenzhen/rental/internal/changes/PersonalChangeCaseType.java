package org.guangsha.shenzhen.rental.internal.changes;

import java.util.List;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** SZ-3 个人租后信息变更: a citizen (L2) lessee's change, reviewed once by the home's district. */
@Component(service = CaseType.class)
public class PersonalChangeCaseType implements CaseType {

    private final ChangesService changes;

    /** Built by DS. */
    @Activate
    public PersonalChangeCaseType(@Reference ChangesService changes) {
        this.changes = changes;
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
    public List<ReviewLevel> levels() {
        return List.of(ReviewLevel.district());
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L2;
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
