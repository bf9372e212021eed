package org.guangsha.selection.internal.signing;

import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.rest.ProblemException;

/**
 * Where a family's signing (网上签约, S-12) stands and which request it accepts now, decided from what
 * is stored and nothing else (no clock, no database), so the order of the steps is one pure rule
 * the tests pin down. The order is the guide's (seed 002 §3): 完善承租信息 (mobile, then rent collection)
 * → 人脸识别 → 签订合同 → 租赁保证金 → 提交 → 审核. A request before its turn is 409 naming what is missing; a
 * request for a step that can no longer change is 409 {@code signing-step-closed}.
 */
public final class SigningProgress {

    /** The steps as the family sees them; the last four are outcomes of the review. */
    public enum Step {
        /** 确认或修改手机号码. */
        MOBILE("确认手机号码", "Confirm the mobile number"),
        /** 租金托收: bank details and card photos. */
        BANK("租金托收信息", "Rent collection details"),
        /** 人脸识别 of the main applicant: the ceremony up to its face check. */
        FACE("人脸识别", "Face check"),
        /** 签订合同: read the contract and sign it by hand. */
        CONTRACT("签订合同", "Sign the contract"),
        /** 租赁保证金: pay the deposit from another device. */
        DEPOSIT("缴纳租赁保证金", "Pay the deposit"),
        /** 提交签约申请. */
        SUBMIT("提交签约申请", "Submit"),
        /** 审核中: a caseworker reviews it. */
        REVIEW("等待审核", "Under review"),
        /** 退回修改: the caseworker returned it; rent collection may be corrected and resubmitted. */
        RETURNED("退回修改", "Returned for correction"),
        /** 审核通过: the materials are ready (S-13). */
        APPROVED("审核通过", "Approved"),
        /** 审核不通过. */
        REJECTED("审核不通过", "Rejected");

        private final LocalizedText name;

        Step(String zh, String en) {
            this.name = LocalizedText.of(zh, en);
        }

        /** The step's name. */
        public LocalizedText displayName() {
            return name;
        }
    }

    /** The face check of the main applicant, which is the signing ceremony's own (P-3). */
    public enum FaceStatus {
        /** No ceremony running (none yet, or the last one lapsed). */
        NOT_STARTED,
        /** A ceremony runs and has not passed its face check yet. */
        PENDING,
        /** The ceremony passed its face check (or the contract is signed). */
        PASSED
    }

    /** What the family asks to do. */
    public enum Action {
        /** Keep (or, after changing it, confirm) the mobile number. */
        KEEP_MOBILE,
        /** Give or correct the rent collection details. */
        SAVE_BANK,
        /** Start the signing ceremony, or get the one running. */
        START_CEREMONY,
        /** Get a payment order for the deposit. */
        PAY_DEPOSIT,
        /** Submit the signing for review, or resubmit it once returned. */
        SUBMIT
    }

    /**
     * What is stored about a family's signing.
     *
     * @param mobileConfirmed the mobile step was passed
     * @param bankSaved rent collection details are on file
     * @param ceremonyStep the step of the family's running ceremony; null when none runs (never
     *     started, or lapsed before its end)
     * @param contractSigned the ceremony ended with a signed contract
     * @param depositPaid the deposit order was paid (told by the payment provider)
     * @param caseStatus the status of the family's signing case; null when there is none (or it was
     *     withdrawn)
     */
    public record Facts(
            boolean mobileConfirmed,
            boolean bankSaved,
            SigningStep ceremonyStep,
            boolean contractSigned,
            boolean depositPaid,
            CaseStatus caseStatus) {}

    /**
     * One step of the list the page shows.
     *
     * @param step the step
     * @param name its name
     * @param done whether it is done
     */
    public record StepState(Step step, LocalizedText name, boolean done) {}

    private SigningProgress() {}

    /** The step the family is at. */
    public static Step current(Facts f) {
        if (f.caseStatus() != null) {
            switch (f.caseStatus()) {
                case SUBMITTED, UNDER_REVIEW:
                    return Step.REVIEW;
                case RETURNED:
                    return Step.RETURNED;
                case APPROVED:
                    return Step.APPROVED;
                case REJECTED:
                    return Step.REJECTED;
                default:
                    // DRAFT: opened, not yet submitted; WITHDRAWN counts as no case
                    break;
            }
        }
        if (!f.mobileConfirmed()) {
            return Step.MOBILE;
        }
        if (!f.bankSaved()) {
            return Step.BANK;
        }
        if (!f.contractSigned()) {
            return face(f) == FaceStatus.PASSED ? Step.CONTRACT : Step.FACE;
        }
        if (!f.depositPaid()) {
            return Step.DEPOSIT;
        }
        return Step.SUBMIT;
    }

    /** Where the main applicant's face check stands. */
    public static FaceStatus face(Facts f) {
        if (f.contractSigned()) {
            return FaceStatus.PASSED;
        }
        SigningStep s = f.ceremonyStep();
        if (s == null) {
            return FaceStatus.NOT_STARTED;
        }
        return s.compareTo(SigningStep.FACE_CHECK) > 0 ? FaceStatus.PASSED : FaceStatus.PENDING;
    }

    /** The steps the page lists, each done or not. */
    public static List<StepState> steps(Facts f) {
        Step now = current(f);
        boolean submitted = now.ordinal() >= Step.REVIEW.ordinal();
        boolean decided = now == Step.APPROVED || now == Step.REJECTED;
        List<StepState> list = new ArrayList<>();
        list.add(state(Step.MOBILE, f.mobileConfirmed()));
        list.add(state(Step.BANK, f.bankSaved()));
        list.add(state(Step.FACE, face(f) == FaceStatus.PASSED));
        list.add(state(Step.CONTRACT, f.contractSigned()));
        list.add(state(Step.DEPOSIT, f.depositPaid()));
        list.add(state(Step.SUBMIT, submitted && now != Step.RETURNED));
        list.add(state(Step.REVIEW, decided));
        return list;
    }

    /** Refuses {@code action} with 409 unless it is its turn. */
    public static void require(Facts f, Action action) {
        Step now = current(f);
        boolean submitted = now == Step.REVIEW || now == Step.APPROVED || now == Step.REJECTED;
        switch (action) {
            case KEEP_MOBILE:
                // the mobile is printed on the contract: fixed once the ceremony started
                if (submitted
                        || now == Step.RETURNED
                        || f.contractSigned()
                        || f.ceremonyStep() != null) {
                    throw closed(now);
                }
                return;
            case SAVE_BANK:
                if (submitted) {
                    throw closed(now);
                }
                needMobile(f, now);
                return;
            case START_CEREMONY:
                if (submitted || now == Step.RETURNED || f.contractSigned()) {
                    throw closed(now);
                }
                needMobile(f, now);
                needBank(f, now);
                return;
            case PAY_DEPOSIT:
                if (submitted || now == Step.RETURNED || f.depositPaid()) {
                    throw closed(now);
                }
                needMobile(f, now);
                needBank(f, now);
                needContract(f, now);
                return;
            case SUBMIT:
                if (submitted) {
                    throw ProblemException.conflict(
                            "signing-already-submitted",
                            "签约申请已提交，请等待审核结果",
                            "The signing was submitted; wait for the review",
                            detail(now));
                }
                needMobile(f, now);
                needBank(f, now);
                needContract(f, now);
                if (!f.depositPaid()) {
                    throw ProblemException.conflict(
                            "deposit-not-paid", "请先缴纳租赁保证金", "Pay the deposit first", detail(now));
                }
                return;
            default:
                throw new IllegalArgumentException(action.name());
        }
    }

    private static void needMobile(Facts f, Step now) {
        if (!f.mobileConfirmed()) {
            throw ProblemException.conflict(
                    "mobile-not-confirmed",
                    "请先确认或修改手机号码",
                    "Confirm or change the mobile number first",
                    detail(now));
        }
    }

    private static void needBank(Facts f, Step now) {
        if (!f.bankSaved()) {
            throw ProblemException.conflict(
                    "bank-details-required",
                    "请先完成租金托收银行信息",
                    "Give the rent collection details first",
                    detail(now));
        }
    }

    private static void needContract(Facts f, Step now) {
        if (!f.contractSigned()) {
            throw ProblemException.conflict(
                    "contract-not-signed",
                    "请先完成人脸识别并签订合同",
                    "Pass the face check and sign the contract first",
                    detail(now));
        }
    }

    private static ProblemException closed(Step now) {
        return ProblemException.conflict(
                "signing-step-closed",
                "该步骤已完成，不能再修改",
                "This step is over and can no longer change",
                detail(now));
    }

    private static String detail(Step now) {
        return "当前步骤 current step: " + now.name();
    }

    private static StepState state(Step step, boolean done) {
        return new StepState(step, step.displayName(), done);
    }
}
