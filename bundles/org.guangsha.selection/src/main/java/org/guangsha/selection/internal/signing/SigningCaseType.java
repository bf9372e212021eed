package org.guangsha.selection.internal.signing;

import java.util.List;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The case type {@code selection-signing} (网上签约审核, S-12): a family's signing after selection,
 * opened and submitted by {@code POST /api/selection/families/{fid}/signing/submit} in the batch's
 * region, with the bank card photos filed. Reviewed by the levels the city configures ({@code
 * signing.review.levels}, district by default); its approval issues the occupancy notice.
 */
@Component(service = {CaseType.class, SigningCaseType.class})
public class SigningCaseType implements CaseType {

    /** The type's id. */
    public static final String ID = "selection-signing";

    private final SelectionSigning signing;

    /** Built by DS. */
    @Activate
    public SigningCaseType(@Reference SelectionSigning signing) {
        this.signing = signing;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("网上签约审核", "Online signing review");
    }

    @Override
    public List<ReviewLevel> levels() {
        return signing.settings().reviewLevels();
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L2;
    }

    @Override
    public List<String> requiredAttachments() {
        return List.of(AttachmentKinds.BANK_CARD_FRONT, AttachmentKinds.BANK_CARD_BACK);
    }

    @Override
    public List<FieldError> validate(String caseId) {
        return signing.validateCase(caseId);
    }

    @Override
    public void erase(String caseId) {
        signing.eraseCase(caseId);
    }
}
