package org.guangsha.shenzhen.rental.internal.changes;

import java.time.Instant;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.shenzhen.rental.internal.Views.FormField;

/** The JSON of changes (SZ-3, SZ-5): requests and answers; personal data masked in answers. */
public final class ChangeViews {

    private ChangeViews() {}

    /**
     * A resident as proposed: {@code id} the lease's resident kept or edited (null: added); {@code
     * idNumber} / {@code mobile} null or masked keep the stored value of that resident; {@code ref}
     * names the row inside the request, {@code occupantRef} the occupant a co-resident of an
     * organization's lease lives with (an occupant's {@code ref}, or its {@code id}).
     */
    public record ResidentInput(
            String id,
            String ref,
            String role,
            String occupantRef,
            String name,
            String idNumber,
            String relation,
            String mobile) {}

    /**
     * A change: the whole list of residents after it; {@code mobile}, {@code maritalStatus} the
     * citizen lessee's basics (null: unchanged); {@code attachmentIds} the caller's files
     * filed with the case.
     */
    public record ChangeRequest(
            String mobile,
            String maritalStatus,
            String reason,
            List<ResidentInput> residents,
            List<String> attachmentIds,
            String channel) {}

    /** A resident in an answer (masked). */
    public record ResidentView(
            String id,
            String ref,
            String role,
            String occupantRef,
            String name,
            String idNumber,
            String relation,
            String mobile,
            String action) {}

    /** A change in an answer. */
    public record ChangeView(
            String id,
            String leaseId,
            String kind,
            String status,
            LocalizedText statusText,
            String caseId,
            String caseNumber,
            String mobile,
            String maritalStatus,
            String reason,
            List<ResidentView> residents,
            List<ResidentView> removed,
            String noticeDocumentId,
            Instant createdAt) {}

    /** {@code GET …/leases/{id}/changes}: the lease now, its changes (newest first). */
    public record ChangesOverview(
            String leaseId,
            String leaseNo,
            String kind,
            String homeCode,
            String project,
            String building,
            String room,
            String address,
            String districtCode,
            String lesseeName,
            String mobile,
            String maritalStatus,
            List<ResidentView> residents,
            List<ChangeView> changes,
            boolean canApply,
            LocalizedText reason) {}

    /**
     * The review form of a change's case (masked); {@code fields} the same as label and value rows,
     * as the review console shows a case's form.
     */
    public record ChangeForm(
            String caseId,
            String typeId,
            String leaseNo,
            String address,
            String lesseeName,
            String mobile,
            String maritalStatus,
            String reason,
            List<ResidentView> residents,
            List<ResidentView> removed,
            List<FormField> fields) {}
}
