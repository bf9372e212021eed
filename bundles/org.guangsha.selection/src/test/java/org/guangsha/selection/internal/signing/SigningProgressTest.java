package org.guangsha.selection.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.signing.SigningProgress.Action;
import org.guangsha.selection.internal.signing.SigningProgress.FaceStatus;
import org.guangsha.selection.internal.signing.SigningProgress.Facts;
import org.guangsha.selection.internal.signing.SigningProgress.Step;
import org.guangsha.selection.internal.signing.SigningProgress.StepState;
import org.junit.jupiter.api.Test;

/**
 * S-12: the signing's steps go in the guide's order (mobile → rent collection → face check →
 * contract → deposit → submit → review), and each request out of turn is 409 naming what is missing
 * or that the step is over.
 */
class SigningProgressTest {

    private static final Facts NOTHING = new Facts(false, false, null, false, false, null);
    private static final Facts MOBILE = new Facts(true, false, null, false, false, null);
    private static final Facts BANK = new Facts(true, true, null, false, false, null);
    private static final Facts SIGNED = new Facts(true, true, null, true, false, null);
    private static final Facts PAID = new Facts(true, true, null, true, true, null);

    @Test
    void theStepsFollowTheGuide() {
        assertEquals(Step.MOBILE, SigningProgress.current(NOTHING));
        assertEquals(Step.BANK, SigningProgress.current(MOBILE));
        assertEquals(Step.FACE, SigningProgress.current(BANK));
        for (SigningStep before :
                List.of(
                        SigningStep.CONFIRM_DETAILS,
                        SigningStep.READ_COMMITMENT,
                        SigningStep.TYPE_COMMITMENT,
                        SigningStep.FACE_CHECK)) {
            Facts f = ceremony(before);
            assertEquals(Step.FACE, SigningProgress.current(f), before.name());
            assertEquals(FaceStatus.PENDING, SigningProgress.face(f));
        }
        for (SigningStep after : List.of(SigningStep.READ_CONTRACT, SigningStep.SIGN)) {
            Facts f = ceremony(after);
            assertEquals(Step.CONTRACT, SigningProgress.current(f), after.name());
            assertEquals(FaceStatus.PASSED, SigningProgress.face(f));
        }
        assertEquals(Step.DEPOSIT, SigningProgress.current(SIGNED));
        assertEquals(FaceStatus.PASSED, SigningProgress.face(SIGNED));
        assertEquals(Step.SUBMIT, SigningProgress.current(PAID));
        assertEquals(Step.REVIEW, SigningProgress.current(withCase(CaseStatus.SUBMITTED)));
        assertEquals(Step.REVIEW, SigningProgress.current(withCase(CaseStatus.UNDER_REVIEW)));
        assertEquals(Step.RETURNED, SigningProgress.current(withCase(CaseStatus.RETURNED)));
        assertEquals(Step.APPROVED, SigningProgress.current(withCase(CaseStatus.APPROVED)));
        assertEquals(Step.REJECTED, SigningProgress.current(withCase(CaseStatus.REJECTED)));
        // a case opened but not submitted yet waits for the submission
        assertEquals(Step.SUBMIT, SigningProgress.current(withCase(CaseStatus.DRAFT)));
    }

    @Test
    void eachRequestBeforeItsTurnNamesWhatIsMissing() {
        assertRefused(NOTHING, Action.SAVE_BANK, "mobile-not-confirmed");
        assertRefused(MOBILE, Action.START_CEREMONY, "bank-details-required");
        assertRefused(NOTHING, Action.START_CEREMONY, "mobile-not-confirmed");
        assertRefused(BANK, Action.PAY_DEPOSIT, "contract-not-signed");
        assertRefused(ceremony(SigningStep.SIGN), Action.PAY_DEPOSIT, "contract-not-signed");
        assertRefused(NOTHING, Action.SUBMIT, "mobile-not-confirmed");
        assertRefused(MOBILE, Action.SUBMIT, "bank-details-required");
        assertRefused(BANK, Action.SUBMIT, "contract-not-signed");
        assertRefused(SIGNED, Action.SUBMIT, "deposit-not-paid");

        // and each in its turn passes
        SigningProgress.require(NOTHING, Action.KEEP_MOBILE);
        SigningProgress.require(MOBILE, Action.SAVE_BANK);
        SigningProgress.require(BANK, Action.START_CEREMONY);
        SigningProgress.require(SIGNED, Action.PAY_DEPOSIT);
        SigningProgress.require(PAID, Action.SUBMIT);
    }

    @Test
    void aStepThatIsOverCannotChange() {
        // the mobile is printed on the contract: fixed once the ceremony started
        assertRefused(
                ceremony(SigningStep.CONFIRM_DETAILS), Action.KEEP_MOBILE, "signing-step-closed");
        assertRefused(SIGNED, Action.KEEP_MOBILE, "signing-step-closed");
        assertRefused(SIGNED, Action.START_CEREMONY, "signing-step-closed");
        assertRefused(PAID, Action.PAY_DEPOSIT, "signing-step-closed");
        Facts review = withCase(CaseStatus.UNDER_REVIEW);
        assertRefused(review, Action.SAVE_BANK, "signing-step-closed");
        assertRefused(review, Action.SUBMIT, "signing-already-submitted");
        assertRefused(withCase(CaseStatus.APPROVED), Action.SUBMIT, "signing-already-submitted");
        assertRefused(withCase(CaseStatus.REJECTED), Action.SAVE_BANK, "signing-step-closed");
        // the rent collection details stay editable until submission (they are not on the lease)
        SigningProgress.require(SIGNED, Action.SAVE_BANK);
        SigningProgress.require(PAID, Action.SAVE_BANK);
        // a running ceremony is answered again, not refused
        SigningProgress.require(ceremony(SigningStep.READ_CONTRACT), Action.START_CEREMONY);
    }

    @Test
    void aReturnedCaseTakesCorrectedBankDetailsAndIsSubmittedAgain() {
        Facts returned = withCase(CaseStatus.RETURNED);
        SigningProgress.require(returned, Action.SAVE_BANK);
        SigningProgress.require(returned, Action.SUBMIT);
        assertRefused(returned, Action.KEEP_MOBILE, "signing-step-closed");
        assertRefused(returned, Action.PAY_DEPOSIT, "signing-step-closed");
    }

    @Test
    void aWithdrawnCaseLeavesTheFamilyToGiveItsBankDetailsAgain() {
        // erase() cleared the bank details; the case counts as none
        Facts withdrawn = new Facts(true, false, null, true, true, null);
        assertEquals(Step.BANK, SigningProgress.current(withdrawn));
        assertRefused(withdrawn, Action.SUBMIT, "bank-details-required");
    }

    @Test
    void theListSaysWhatIsDone() {
        List<StepState> steps = SigningProgress.steps(SIGNED);
        assertEquals(
                List.of(
                        Step.MOBILE,
                        Step.BANK,
                        Step.FACE,
                        Step.CONTRACT,
                        Step.DEPOSIT,
                        Step.SUBMIT,
                        Step.REVIEW),
                steps.stream().map(StepState::step).toList());
        assertEquals(
                List.of(true, true, true, true, false, false, false),
                steps.stream().map(StepState::done).toList());
        assertEquals("租金托收信息", steps.get(1).name().zh());
        assertEquals(
                List.of(true, true, true, true, true, true, true),
                SigningProgress.steps(withCase(CaseStatus.APPROVED)).stream()
                        .map(StepState::done)
                        .toList());
        assertEquals(false, SigningProgress.steps(withCase(CaseStatus.RETURNED)).get(5).done());
    }

    private static Facts ceremony(SigningStep step) {
        return new Facts(true, true, step, false, false, null);
    }

    private static Facts withCase(CaseStatus status) {
        return new Facts(true, true, null, true, true, status);
    }

    private static void assertRefused(Facts f, Action a, String slug) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> SigningProgress.require(f, a));
        assertEquals(409, e.problem().status());
        assertEquals("urn:guangsha:problem:" + slug, e.problem().type(), a + " at " + f);
    }
}
