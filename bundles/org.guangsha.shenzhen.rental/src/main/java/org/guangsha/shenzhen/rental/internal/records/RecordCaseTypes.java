package org.guangsha.shenzhen.rental.internal.records;

import java.util.List;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;

/**
 * The case types of SZ-6 … SZ-8, reviewed once by the district of the home (C-2); their form data
 * are the line's rows keyed by case id and erased on withdrawal (C-3).
 */
abstract class RecordCaseTypes implements CaseType {

    private final RecordsService records;

    RecordCaseTypes(RecordsService records) {
        this.records = records;
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
        records.erase(caseId);
    }

    static LocalizedText name(String zh, String en) {
        return LocalizedText.of(zh, en);
    }
}
