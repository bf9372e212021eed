package org.guangsha.shenzhen.rental.internal.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.shenzhen.rental.internal.MaritalStatus;
import org.guangsha.shenzhen.rental.internal.Views.FormField;
import org.guangsha.shenzhen.rental.internal.Views.HomeView;
import org.guangsha.shenzhen.rental.internal.Views.ResidentView;

/** The JSON of lease renewal (SZ-2): what the lessee sees and sends. */
public final class RenewalViews {

    private RenewalViews() {}

    /**
     * {@code GET …/leases/{id}/renewal}: the lease as it would be renewed, the latest economic
     * check, the open (or latest) renewal and which policies the lessee may renew under now.
     *
     * @param options the tracks open now: {@code OLD} (按照原政策执行, old-policy leases only) and {@code
     *     NEW} (after a passed check)
     */
    public record Overview(
            String leaseId,
            String leaseNo,
            HomeView home,
            String lesseeName,
            String lesseeIdNumber,
            String maritalStatus,
            String policy,
            LocalDate startDate,
            LocalDate endDate,
            long rentFen,
            List<ResidentView> residents,
            LocalDate newEndDate,
            List<String> options,
            LocalizedText reason,
            CheckView check,
            RenewalView renewal,
            LocalizedText guide,
            String commitment) {

        /** The marriage status in the words the lessee confirms (an import stores SINGLE …). */
        public Overview {
            maritalStatus = MaritalStatus.word(maritalStatus);
        }
    }

    /** An economic-status report (经济状况核对报告). */
    public record CheckView(
            String id,
            String providerId,
            String reportNumber,
            boolean passed,
            List<Finding> findings,
            Instant checkedAt) {}

    /** One item of a report. */
    public record Finding(String item, String itemEn, String value, String limit, boolean passed) {}

    /**
     * A renewal.
     *
     * @param track the policy renewed under ({@code OLD} or {@code NEW})
     * @param status {@code DRAFT}, {@code DECLARED}, {@code CONFIRMED}, {@code DOCUMENTS}, {@code
     *     REVIEW}, {@code APPROVED}, {@code SIGNING}, {@code SIGNED}, {@code RENEWED}, {@code
     *     REJECTED}, {@code WITHDRAWN}
     * @param next the step the lessee takes next ({@code declaration}, {@code confirmation}, {@code
     *     documents}, {@code submit}, {@code signing}), null when it waits for others
     */
    public record RenewalView(
            String id,
            String leaseId,
            String track,
            String status,
            LocalizedText statusText,
            String next,
            String maritalStatus,
            String idFrontId,
            String idBackId,
            String caseId,
            String caseNumber,
            String signingId,
            String contractDocumentId,
            String contractCaseId,
            LocalDate oldEndDate,
            LocalDate newEndDate,
            String message,
            Instant createdAt,
            Instant submittedAt,
            Instant signedAt,
            Instant renewedAt) {

        /**
         * The marriage status in the words the lessee confirms (copied from the lease at start).
         */
        public RenewalView {
            maritalStatus = MaritalStatus.word(maritalStatus);
        }
    }

    /** {@code POST …/renewal}: the policy to renew under. */
    public record StartRequest(String track) {}

    /** {@code POST …/renewal/declaration}: 勾选声明 and 我已阅知. */
    public record DeclarationRequest(Boolean accepted) {}

    /** {@code POST …/renewal/confirmation}: 确认续约信息, the marriage status especially. */
    public record ConfirmationRequest(Boolean confirmed, String maritalStatus) {}

    /** {@code POST …/renewal/documents}: the core attachments of the ID card's two sides. */
    public record DocumentsRequest(String idFrontId, String idBackId) {}

    /**
     * {@code POST …/renewal/signing}: the ceremony started, walked at {@code /api/signing/{id}}.
     */
    public record SigningStarted(String renewalId, String signingId, String step) {}

    /**
     * The review form of a renewal case for its caseworkers, names and numbers masked.
     *
     * @param fields the same as labelled values in reading order, as the review console shows a
     *     line's form ({@code [{name, label: {zh, en}, value}]})
     */
    public record CaseForm(
            String caseId,
            String typeId,
            String leaseNo,
            String lesseeName,
            String lesseeIdNumber,
            String track,
            String policy,
            String maritalStatus,
            HomeView home,
            List<ResidentView> residents,
            LocalDate oldEndDate,
            LocalDate newEndDate,
            CheckView check,
            String contractDocumentId,
            List<FormField> fields) {

        /** Without {@code fields} (null), they are made from the rest. */
        public CaseForm {
            if (fields == null) {
                fields =
                        formFields(
                                typeId,
                                leaseNo,
                                lesseeName,
                                lesseeIdNumber,
                                track,
                                policy,
                                maritalStatus,
                                home,
                                residents,
                                oldEndDate,
                                newEndDate,
                                check,
                                contractDocumentId);
            }
        }
    }

    private static List<FormField> formFields(
            String typeId,
            String leaseNo,
            String lesseeName,
            String lesseeIdNumber,
            String track,
            String policy,
            String maritalStatus,
            HomeView home,
            List<ResidentView> residents,
            LocalDate oldEndDate,
            LocalDate newEndDate,
            CheckView check,
            String contractDocumentId) {
        List<FormField> out = new ArrayList<>();
        out.add(field("leaseNo", "合同编号", "Lease no.", leaseNo));
        if (home != null) {
            out.add(
                    field(
                            "home",
                            "住房",
                            "Home",
                            String.join(
                                    " ",
                                    nonNull(home.project()),
                                    nonNull(home.building()),
                                    nonNull(home.room()))));
            out.add(field("address", "地址", "Address", home.address()));
        }
        out.add(field("lesseeName", "承租人", "Lessee", lesseeName));
        out.add(field("lesseeIdNumber", "承租人身份证号码", "Lessee's ID number", lesseeIdNumber));
        out.add(
                field(
                        "maritalStatus",
                        "婚姻状况（已确认）",
                        "Marriage status (confirmed)",
                        MaritalStatus.word(maritalStatus)));
        List<String> people = new ArrayList<>();
        for (ResidentView r : residents == null ? List.<ResidentView>of() : residents) {
            people.add(
                    r.name()
                            + (r.relation() == null ? "" : "（" + r.relation() + "）")
                            + (r.idNumber() == null ? "" : " " + r.idNumber()));
        }
        out.add(
                field(
                        "residents",
                        "其他入住人",
                        "Other residents",
                        people.isEmpty() ? "无" : String.join("；", people)));
        out.add(field("policy", "现行政策", "Current policy", policyName(policy)));
        out.add(field("track", "续约政策", "Renew under", policyName(track)));
        out.add(field("oldEndDate", "原租期至", "Current term ends", text(oldEndDate)));
        out.add(field("newEndDate", "续约后租期至", "Renewed term ends", text(newEndDate)));
        out.add(
                field(
                        "check",
                        "经济状况核对报告",
                        "Income-and-asset report",
                        check == null
                                ? "无（按原政策续约）"
                                : check.reportNumber() + (check.passed() ? " 符合要求" : " 不符合要求")));
        if (RenewalService.CONTRACT_CASE.equals(typeId)) {
            out.add(
                    field(
                            "contractDocumentId",
                            "续约合同",
                            "Renewal contract",
                            contractDocumentId == null
                                    ? "未签订"
                                    : "已由承租人签订（文书 " + contractDocumentId + "）"));
        }
        return List.copyOf(out);
    }

    private static FormField field(String name, String zh, String en, String value) {
        return new FormField(name, LocalizedText.of(zh, en), value);
    }

    private static String policyName(String policy) {
        if ("OLD".equals(policy)) {
            return "原政策";
        }
        return "NEW".equals(policy) ? "新政策" : policy;
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
