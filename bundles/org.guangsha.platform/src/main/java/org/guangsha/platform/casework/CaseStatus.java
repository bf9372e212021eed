package org.guangsha.platform.casework;

/**
 * Where a case stands (C-1). DRAFT (暂存) → SUBMITTED → UNDER_REVIEW (per level) → APPROVED /
 * REJECTED / RETURNED (for correction) → resubmitted …; WITHDRAWN (C-3) from any open state.
 */
public enum CaseStatus {
    /** 暂存: being filled in. */
    DRAFT,
    /** 已提交: waiting for the first review level. */
    SUBMITTED,
    /** 审核中: a caseworker took it, or an earlier level approved it. */
    UNDER_REVIEW,
    /** 退回修改: back to the applicant with remarks per field. */
    RETURNED,
    /** 审核通过: every level approved. */
    APPROVED,
    /** 审核不通过: refused with a reason. */
    REJECTED,
    /** 已放弃: withdrawn by the applicant; its data are erased. */
    WITHDRAWN;

    /** Whether nothing can happen to the case any more. */
    public boolean closed() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }

    /** Whether the applicant may still change the case (save, file attachments, submit). */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
