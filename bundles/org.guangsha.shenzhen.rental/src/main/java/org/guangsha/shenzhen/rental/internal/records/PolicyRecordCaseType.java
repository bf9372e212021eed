package org.guangsha.shenzhen.rental.internal.records;

import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The case type of SZ-6 (政策性住房信息查询), reviewed by the district of the home. */
@Component(service = CaseType.class)
public class PolicyRecordCaseType extends RecordCaseTypes {

    /** Built by DS. */
    @Activate
    public PolicyRecordCaseType(@Reference RecordsService records) {
        super(records);
    }

    @Override
    public String id() {
        return RecordsService.RECORD_CASE;
    }

    @Override
    public LocalizedText name() {
        return name("政策性住房信息查询", "Policy-housing record");
    }
}
