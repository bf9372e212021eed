package org.guangsha.shenzhen.rental.internal.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
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
            String commitment) {}

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
            Instant renewedAt) {}

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

    /** The review form of a renewal case for its caseworkers, names and numbers masked. */
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
            String contractDocumentId) {}
}
