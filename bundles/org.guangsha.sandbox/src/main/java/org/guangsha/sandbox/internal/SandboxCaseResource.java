package org.guangsha.sandbox.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.attachment.CaseFileAccess;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.sandbox.internal.SandboxCaseForms.DemoForm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/sandbox/cases}: a logged-in citizen opens and submits a demo case of the type {@code
 * sandbox-demo} (沙箱演示申请, district then city review) with a short form, so the review console, the
 * citizen's progress page and the notifications can be tried end to end; {@code GET
 * /api/sandbox/cases/{id}} shows the form to the applicant and to the caseworkers who may review
 * the case, the applicant's name and ID number masked for them.
 */
@Component(service = SandboxCaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox/cases")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxCaseResource {

    /**
     * Body of a demo case; every member may be left out.
     *
     * @param applicantName the name on the form (沙箱演示申请人 when left out)
     * @param idNumber the applicant's ID number (GB 11643), or null
     * @param householdSize 1 … 20 (3 when left out)
     * @param reason at most 500 characters (a sample reason when left out)
     * @param regionCode the district or county of the case; when left out, the one the ID number
     *     names if the installation knows it, else 440304 (Futian, where the demo citizens live)
     * @param attachmentIds the caller's own files to file with the case
     */
    public record DemoCaseRequest(
            String applicantName,
            String idNumber,
            Integer householdSize,
            String reason,
            String regionCode,
            List<String> attachmentIds) {}

    /** The case as opened and submitted. */
    public record Created(
            String id,
            String number,
            String typeId,
            CaseStatus status,
            int level,
            String regionCode,
            long version,
            boolean sandbox) {}

    /** One field of the form, for a key/value list. */
    public record FormField(String name, LocalizedText label, String value) {}

    /** The form of a demo case. */
    public record FormView(String caseId, String typeId, List<FormField> fields, boolean sandbox) {}

    /** A checked form and the region its case goes to. */
    record Checked(DemoForm form, String regionCode) {}

    static final String DEFAULT_REGION = "440304";
    static final String DEFAULT_NAME = "沙箱演示申请人";
    static final String DEFAULT_REASON = "（沙箱演示）家庭在本市无自有住房，申请公共租赁住房。";
    static final int MAX_REASON = 500;
    static final int MAX_HOUSEHOLD = 20;

    private final CaseService cases;
    private final Regions regions;
    private final AttachmentService attachments;
    private final CaseFileAccess access;
    private final SandboxDemoCaseType type;

    /** Built by DS. */
    @Activate
    public SandboxCaseResource(
            @Reference CaseService cases,
            @Reference Regions regions,
            @Reference AttachmentService attachments,
            @Reference CaseFileAccess access,
            @Reference SandboxDemoCaseType type) {
        this.cases = cases;
        this.regions = regions;
        this.attachments = attachments;
        this.access = access;
        this.type = type;
    }

    /** Opens a demo case for the caller, files the named files with it and submits it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    public Response create(DemoCaseRequest body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        DemoCaseRequest request =
                body == null ? new DemoCaseRequest(null, null, null, null, null, null) : body;
        Checked checked = check(request, regions);
        List<String> files = request.attachmentIds() == null ? List.of() : request.attachmentIds();
        for (String id : files) {
            boolean own =
                    id != null
                            && attachments
                                    .find(caller, id)
                                    .filter(a -> a.ownerId().equals(caller.accountId()))
                                    .isPresent();
            if (!own) {
                throw ProblemException.invalidField(
                        "attachmentIds", "只能提交本人上传的材料", "Only your own files can be filed");
            }
        }
        CaseRecord draft =
                cases.create(
                        new NewCase(
                                SandboxDemoCaseType.ID,
                                caller.accountId(),
                                checked.regionCode(),
                                Channel.MOBILE,
                                null));
        type.forms().save(draft.id(), checked.form());
        if (!files.isEmpty()) {
            attachments.fileWithCase(draft.id(), caller.accountId(), files);
        }
        CaseRecord c = cases.submit(draft.id(), caller.accountId());
        return Response.status(201)
                // relative to the application's base, /api/
                .location(URI.create("cases/" + c.id()))
                .entity(
                        new Created(
                                c.id(),
                                c.number(),
                                c.typeId(),
                                c.status(),
                                c.level(),
                                c.regionCode(),
                                c.version(),
                                true))
                .build();
    }

    /** The form of a demo case: its applicant sees it whole, its caseworkers masked. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    public FormView form(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Optional<CaseRecord> found =
                cases.find(id).filter(c -> SandboxDemoCaseType.ID.equals(c.typeId()));
        boolean applicant =
                found.map(c -> c.applicantId().equals(caller.accountId())).orElse(false);
        if (found.isEmpty() || !(applicant || access.mayRead(caller, id))) {
            throw ProblemException.notFound(null);
        }
        DemoForm form = type.forms().find(id).orElseThrow(() -> ProblemException.notFound(null));
        return new FormView(id, SandboxDemoCaseType.ID, fields(form, applicant), true);
    }

    /** Checks a request (400 naming every wrong field) and fills in what was left out. */
    static Checked check(DemoCaseRequest r, Regions regions) {
        List<FieldError> errors = new ArrayList<>();
        String name = r.applicantName() == null ? DEFAULT_NAME : r.applicantName().strip();
        if (name.isEmpty() || name.length() > 50) {
            errors.add(
                    new FieldError("applicantName", "请填写申请人姓名（50字以内）", "Name, 1 to 50 characters"));
        }
        String idNumber = null;
        boolean idValid = false;
        if (r.idNumber() != null && !r.idNumber().isBlank()) {
            idNumber = ResidentIdNumber.normalize(r.idNumber());
            idValid = ResidentIdNumber.defect(idNumber).isEmpty();
            if (!idValid) {
                errors.add(
                        new FieldError("idNumber", "身份证号码不正确", "Not a valid resident ID number"));
            }
        }
        int household = r.householdSize() == null ? 3 : r.householdSize();
        if (household < 1 || household > MAX_HOUSEHOLD) {
            errors.add(new FieldError("householdSize", "家庭人数应为1至20人", "Household size is 1 to 20"));
        }
        String reason = r.reason() == null ? DEFAULT_REASON : r.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            errors.add(
                    new FieldError(
                            "reason", "请填写申请理由（500字以内）", "Give a reason, at most 500 characters"));
        }
        String region = r.regionCode();
        if (region == null || region.isBlank()) {
            region =
                    Optional.ofNullable(idValid ? idNumber : null)
                            .map(id -> id.substring(0, 6))
                            .filter(code -> reviewable(regions, code))
                            .orElse(DEFAULT_REGION);
        }
        if (!reviewable(regions, region)) {
            errors.add(
                    new FieldError(
                            "regionCode",
                            "请选择本系统已开通的区县",
                            "A district or county this installation serves"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Checked(new DemoForm(name, idNumber, household, reason), region);
    }

    /** A district or county: where the first review level's caseworkers sit. */
    private static boolean reviewable(Regions regions, String code) {
        return regions.region(code)
                .map(Region::level)
                .filter(l -> l.equals("DISTRICT") || l.equals("COUNTY"))
                .isPresent();
    }

    /** The form as a list; name and ID number masked unless the applicant reads it. */
    static List<FormField> fields(DemoForm f, boolean applicant) {
        List<FormField> fields = new ArrayList<>();
        fields.add(
                new FormField(
                        "applicantName",
                        LocalizedText.of("申请人姓名", "Applicant's name"),
                        applicant ? f.applicantName() : Masking.name(f.applicantName())));
        if (f.idNumber() != null) {
            fields.add(
                    new FormField(
                            "idNumber",
                            LocalizedText.of("身份证号码", "ID number"),
                            ResidentIdNumber.mask(f.idNumber())));
        }
        fields.add(
                new FormField(
                        "householdSize",
                        LocalizedText.of("家庭人数", "Household size"),
                        String.valueOf(f.householdSize())));
        fields.add(new FormField("reason", LocalizedText.of("申请理由", "Reason"), f.reason()));
        return fields;
    }
}
