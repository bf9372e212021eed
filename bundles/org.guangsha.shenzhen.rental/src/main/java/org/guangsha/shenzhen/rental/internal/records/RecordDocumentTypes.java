package org.guangsha.shenzhen.rental.internal.records;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers the line's printable documents (P-1, P-2): 政策性住房信息 (no validity), 安居房产权份额 (valid one
 * month) and 深圳市不动产登记申请表 (valid three months, as the power of attorney it goes with; the 授权委托书
 * itself is the core's generic {@code power-of-attorney}).
 */
@Component(immediate = true)
public class RecordDocumentTypes {

    private final List<ServiceRegistration<DocumentType>> registrations = new ArrayList<>();

    /** Registers the types. */
    @Activate
    public RecordDocumentTypes(BundleContext context) {
        for (DocumentType t : types()) {
            registrations.add(context.registerService(DocumentType.class, t, null));
        }
    }

    /** The three types with their templates. */
    static List<DocumentType> types() {
        return List.of(
                DocumentType.of(
                        RecordsService.RECORD_DOCUMENT,
                        LocalizedText.of("政策性住房信息", "Policy-housing record"),
                        null,
                        RecordsService.template(RecordsService.RECORD_DOCUMENT)),
                DocumentType.of(
                        RecordsService.SHARE_DOCUMENT,
                        LocalizedText.of("安居房产权份额", "Affordable-housing property share"),
                        Period.ofMonths(1),
                        RecordsService.template(RecordsService.SHARE_DOCUMENT)),
                DocumentType.of(
                        RecordsService.FORM_DOCUMENT,
                        LocalizedText.of(
                                "深圳市不动产登记申请表", "Shenzhen real-estate registration application"),
                        Period.ofMonths(3),
                        RecordsService.template(RecordsService.FORM_DOCUMENT)));
    }

    /** Takes them away. */
    @Deactivate
    void deactivate() {
        for (ServiceRegistration<DocumentType> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
