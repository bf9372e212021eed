package org.guangsha.shenzhen.rental.internal.records;

import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The case type of SZ-8 (授权委托书申请), reviewed by the district of the home. */
@Component(service = CaseType.class)
public class PowerOfAttorneyCaseType extends RecordCaseTypes {

    /** Built by DS. */
    @Activate
    public PowerOfAttorneyCaseType(@Reference RecordsService records) {
        super(records);
    }

    @Override
    public String id() {
        return RecordsService.POA_CASE;
    }

    @Override
    public LocalizedText name() {
        return name("授权委托书申请", "Power of attorney");
    }
}
