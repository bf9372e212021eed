package org.guangsha.jiangxi.application.internal;

import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseListener;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The case type {@code jiangxi-public-rental} (江西省公租房申请): reviewed by the county (or district) and
 * then the city (JX-9, C-2, levels from {@code review.levels}); checked whole before submission and
 * erased on withdrawal (JX-10). As a case listener it frees the citizen's one open place when an
 * application is rejected.
 */
@Component(service = {CaseType.class, CaseListener.class})
public class JiangxiCaseType implements CaseType, CaseListener {

    private final ApplicationService applications;

    /** Built by DS. */
    @Activate
    public JiangxiCaseType(@Reference ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public String id() {
        return ApplicationService.CASE_TYPE;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("江西省公租房申请", "Jiangxi public rental application");
    }

    @Override
    public List<ReviewLevel> levels() {
        return levels(applications.access().config().review_levels());
    }

    /** {@code county,city} → county (区县) then city review. */
    static List<ReviewLevel> levels(String text) {
        List<ReviewLevel> out = new ArrayList<>();
        for (String id : text.split(",")) {
            switch (id.strip()) {
                case "county", "district" -> out.add(
                        new ReviewLevel(
                                "county",
                                LocalizedText.of("县（区）级审核", "County review"),
                                "DISTRICT"));
                case "city" -> out.add(ReviewLevel.city());
                case "province" -> out.add(
                        new ReviewLevel(
                                "province",
                                LocalizedText.of("省级审核", "Province review"),
                                "PROVINCE"));
                case "" -> {
                    // a trailing comma
                }
                default -> throw new IllegalArgumentException("Unknown review level " + id);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No review level in " + text);
        }
        return out;
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L2;
    }

    /** The materials depend on the category and the family: {@link #validate} checks them. */
    @Override
    public List<String> requiredAttachments() {
        return List.of();
    }

    @Override
    public List<FieldError> validate(String caseId) {
        return applications.problems(caseId);
    }

    @Override
    public void erase(String caseId) {
        applications.erase(caseId);
    }

    @Override
    public void changed(CaseRecord record, CaseEvent event) {
        if (ApplicationService.CASE_TYPE.equals(record.typeId())
                && "rejected".equals(event.type())) {
            applications.closed(record.id());
        }
    }
}
