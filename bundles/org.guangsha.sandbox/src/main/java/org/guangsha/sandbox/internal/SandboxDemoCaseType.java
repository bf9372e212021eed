package org.guangsha.sandbox.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The case type {@code sandbox-demo} (沙箱演示申请): a made-up application with a short form, reviewed by
 * the district and then the city (C-2), so the review console and the citizen's progress page can
 * be tried before a business line registers real case types. Cases of this type are opened only by
 * {@code POST /api/sandbox/cases}.
 */
@Component(service = {CaseType.class, SandboxDemoCaseType.class})
public class SandboxDemoCaseType implements CaseType {

    /** The type's id. */
    static final String ID = "sandbox-demo";

    private final SandboxCaseForms forms;

    /** Built by DS: the forms live in the bundle's data area. */
    @Activate
    public SandboxDemoCaseType(BundleContext context) {
        this(new SandboxCaseForms(directory(context)));
    }

    SandboxDemoCaseType(SandboxCaseForms forms) {
        this.forms = forms;
    }

    private static Path directory(BundleContext context) {
        File data = context.getDataFile("demo-cases");
        return data != null
                ? data.toPath()
                : Path.of(System.getProperty("java.io.tmpdir"), "guangsha-sandbox-demo-cases");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of(
                "沙箱演示申请（公共租赁住房）", "Sandbox demo application (public rental housing)");
    }

    @Override
    public List<ReviewLevel> levels() {
        return List.of(ReviewLevel.district(), ReviewLevel.city());
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
    public List<FieldError> validate(String caseId) {
        return forms.find(caseId).isPresent()
                ? List.of()
                : List.of(new FieldError("form", "请先填写演示申请表", "Fill in the demo form first"));
    }

    @Override
    public void erase(String caseId) {
        forms.delete(caseId);
    }

    /** Where the demo forms are kept. */
    SandboxCaseForms forms() {
        return forms;
    }
}
