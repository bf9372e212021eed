package org.guangsha.jiangxi.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.jiangxi.application.internal.Views.AssetsStep;
import org.guangsha.jiangxi.application.internal.Views.CaseForm;
import org.guangsha.jiangxi.application.internal.Views.FamilyStep;
import org.guangsha.jiangxi.application.internal.Views.Field;
import org.guangsha.jiangxi.application.internal.Views.Member;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/jiangxi/cases/{id}}: an application's form as the review console shows it (JX-9):
 * whole for its applicant, with names, ID numbers and mobiles masked for the caseworkers of its
 * region once submitted; 404 for anyone else and for an erased application.
 */
@Component(service = CaseFormResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("jiangxi/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseFormResource {

    private static final String[] YES_NO = {"是", "否"};

    private final ApplicationService applications;

    /** Built by DS. */
    @Activate
    public CaseFormResource(@Reference ApplicationService applications) {
        this.applications = applications;
    }

    /** The form: {@code {caseId, typeId, fields: [{name, label, value}]}}. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response form(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = ApplicationResource.caller(security);
        ApplicationAccess access = applications.access();
        ApplicationEntity a =
                id == null ? null : access.tx().read(em -> em.find(ApplicationEntity.class, id));
        CaseRecord r = a == null ? null : access.cases().find(id).orElse(null);
        if (a == null || r == null || a.erasedAt() != null) {
            throw ProblemException.notFound(null);
        }
        boolean own = caller.accountId().equals(a.accountId());
        boolean reviewer =
                !own
                        && r.status() != CaseStatus.DRAFT
                        && access.regions().mayAct(caller, a.regionCode());
        boolean counter = !own && access.isCounterStaff(caller, a);
        if (!own && !reviewer && !counter) {
            throw ProblemException.notFound(null);
        }
        boolean mask = !own;
        return ApplicationResource.ok(
                new CaseForm(id, ApplicationService.CASE_TYPE, fields(a, mask)));
    }

    private List<Field> fields(ApplicationEntity a, boolean mask) {
        UnaryOperator<String> name = mask ? Masking::name : UnaryOperator.identity();
        UnaryOperator<String> idNo = mask ? ResidentIdNumber::mask : UnaryOperator.identity();
        UnaryOperator<String> mobile = mask ? Masking::mobile : UnaryOperator.identity();
        ApplicationAccess access = applications.access();
        List<Field> f = new ArrayList<>();
        f.add(field("channel", "申请渠道", "Channel", channel(a.channel())));
        f.add(
                field(
                        "region",
                        "申请区域",
                        "Region",
                        access.regions()
                                .region(a.regionCode())
                                .map(r -> r.name().zh())
                                .orElse(a.regionCode())));
        f.add(
                field(
                        "identityCheck",
                        "身份验证",
                        "Identity check",
                        a.faceVerifiedAt() == null
                                ? null
                                : "IN_PERSON".equals(a.faceMethod()) ? "窗口现场核验" : "人脸识别通过"));
        f.add(
                field(
                        "applicationType",
                        "申请类别",
                        "Application type",
                        a.applicationType() == null
                                ? null
                                : Categories.IN_KIND.equals(a.applicationType())
                                        ? "实物配租"
                                        : "租赁补贴"));
        f.add(
                field(
                        "category",
                        "申请人类别",
                        "Applicant category",
                        a.categoryCode() == null
                                ? null
                                : access.categories()
                                        .category(a.categoryCode())
                                        .map(c -> c.name().zh())
                                        .orElse(a.categoryCode())));
        FamilyStep family = ApplicationService.family(access.members(a.caseId()));
        List<Member> all = new ArrayList<>();
        if (family.applicant() != null) {
            all.add(family.applicant());
        }
        all.addAll(family.members());
        for (int i = 0; i < all.size(); i++) {
            Member m = all.get(i);
            String p = i == 0 ? "family.applicant" : "family.members[" + (i - 1) + "]";
            String who = i == 0 ? "申请人" : "共同申请人" + i + "（" + relation(m.relation()) + "）";
            f.add(field(p + ".name", who + " 姓名", "Name", name.apply(m.name())));
            f.add(field(p + ".idNumber", who + " 身份证号", "ID number", idNo.apply(m.idNumber())));
            if (m.mobile() != null) {
                f.add(field(p + ".mobile", who + " 手机号码", "Mobile", mobile.apply(m.mobile())));
            }
            if (m.maritalStatus() != null) {
                f.add(
                        field(
                                p + ".maritalStatus",
                                who + " 婚姻状况",
                                "Marital status",
                                m.maritalStatus()));
            }
            if (m.employment() != null) {
                f.add(
                        field(
                                p + ".employment",
                                who + " 就业信息",
                                "Employment",
                                join(
                                        m.employment().status(),
                                        m.employment().employer(),
                                        m.employment().occupation(),
                                        m.employment().monthlyIncomeFen() == null
                                                ? null
                                                : "月收入 "
                                                        + yuan(
                                                                m.employment()
                                                                        .monthlyIncomeFen()))));
            }
            if (m.residence() != null) {
                f.add(
                        field(
                                p + ".residence",
                                who + " 居住信息",
                                "Residence",
                                join(
                                        m.residence().hukouType(),
                                        mask ? null : m.residence().hukouAddress(),
                                        m.residence().currentAddress(),
                                        m.residence().housingSituation(),
                                        m.residence().livingAreaM2() == null
                                                ? null
                                                : m.residence().livingAreaM2().toPlainString()
                                                        + "㎡")));
            }
        }
        AssetsStep s = applications.assets(a);
        f.add(
                field(
                        "assets.vehicles",
                        "车辆情况",
                        "Vehicles",
                        yesNo(
                                s.hasVehicle(),
                                s.vehicles().stream()
                                        .map(
                                                v ->
                                                        join(
                                                                name.apply(v.ownerName()),
                                                                v.plateNumber(),
                                                                v.model(),
                                                                v.valueFen() == null
                                                                        ? null
                                                                        : yuan(v.valueFen())))
                                        .toList())));
        f.add(
                field(
                        "assets.realEstates",
                        "不动产情况",
                        "Real estate",
                        yesNo(
                                s.hasRealEstate(),
                                s.realEstates().stream()
                                        .map(
                                                h ->
                                                        join(
                                                                name.apply(h.ownerName()),
                                                                h.address(),
                                                                h.areaM2() == null
                                                                        ? null
                                                                        : h.areaM2().toPlainString()
                                                                                + "㎡",
                                                                h.certificateNumber()))
                                        .toList())));
        f.add(
                field(
                        "assets.businesses",
                        "工商登记情况",
                        "Businesses",
                        yesNo(
                                s.hasBusiness(),
                                s.businesses().stream()
                                        .map(
                                                b ->
                                                        join(
                                                                name.apply(b.ownerName()),
                                                                b.name(),
                                                                b.creditCode()))
                                        .toList())));
        f.add(
                field(
                        "assets.depositsFen",
                        "银行存款",
                        "Deposits",
                        s.depositsFen() == null ? null : yuan(s.depositsFen())));
        f.add(
                field(
                        "assets.securitiesFen",
                        "有价证券",
                        "Securities",
                        s.securitiesFen() == null ? null : yuan(s.securitiesFen())));
        f.add(
                field(
                        "assets.commitment",
                        "授权承诺书",
                        "Commitment letter",
                        a.commitmentMode() == null
                                ? null
                                : "SIGNED_ON_SCREEN".equals(a.commitmentMode())
                                        ? "已手写签名"
                                        : "已上传签字件"));
        return f;
    }

    private static Object yesNo(Boolean answer, List<String> rows) {
        if (answer == null) {
            return null;
        }
        if (!answer) {
            return YES_NO[1];
        }
        List<String> out = new ArrayList<>();
        out.add(YES_NO[0]);
        out.addAll(rows);
        return out;
    }

    private static String channel(String c) {
        return switch (c) {
            case "COUNTER" -> "窗口代办";
            case "PC" -> "电脑端";
            default -> "移动端";
        };
    }

    private static String relation(String r) {
        return switch (r == null ? "" : r) {
            case "SPOUSE" -> "配偶";
            case "CHILD" -> "子女";
            case "PARENT" -> "父母";
            case "SIBLING" -> "兄弟姐妹";
            default -> "其他";
        };
    }

    static String yuan(long fen) {
        return String.format("%d.%02d 元", fen / 100, fen % 100);
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p);
            }
        }
        return String.join("，", kept);
    }

    private static Field field(String name, String zh, String en, Object value) {
        return new Field(name, LocalizedText.of(zh, en), value);
    }
}
