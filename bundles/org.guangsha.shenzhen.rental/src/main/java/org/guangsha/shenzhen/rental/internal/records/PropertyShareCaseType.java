package org.guangsha.shenzhen.rental.internal.records;

import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The case type of SZ-7 (安居房产权份额信息申请), reviewed by the district of the home. */
@Component(service = CaseType.class)
public class PropertyShareCaseType extends RecordCaseTypes {

    /** Built by DS. */
    @Activate
    public PropertyShareCaseType(@Reference RecordsService records) {
        super(records);
    }

    @Override
    public String id() {
        return RecordsService.SHARE_CASE;
    }

    @Override
    public LocalizedText name() {
        return name("安居房产权份额信息申请", "Property-share information");
    }
}
