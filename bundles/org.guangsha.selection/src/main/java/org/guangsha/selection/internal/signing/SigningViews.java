package org.guangsha.selection.internal.signing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.selection.internal.SelectionService;
import org.guangsha.selection.internal.signing.SigningProgress.FaceStatus;
import org.guangsha.selection.internal.signing.SigningProgress.Step;
import org.guangsha.selection.internal.signing.SigningProgress.StepState;
import org.guangsha.selection.internal.store.UnitEntity;

/**
 * The JSON shapes of the signing (S-12) and materials (S-13) paths, as the bundle README lists
 * them. Times carry the city's offset (+08:00).
 */
public final class SigningViews {

    /** The city's zone: dates on documents and times in answers. */
    public static final ZoneId CITY_ZONE = SelectionService.CITY_ZONE;

    private SigningViews() {}

    /** An instant in the city's zone, or null. */
    static OffsetDateTime cityTime(Instant instant) {
        return instant == null ? null : instant.atZone(CITY_ZONE).toOffsetDateTime();
    }

    /**
     * A family's signing as it stands.
     *
     * @param familyId the family
     * @param batch the batch it was selected in
     * @param step where it stands
     * @param steps the steps, each done or not
     * @param home the allocated unit
     * @param applicant the main applicant
     * @param bank the rent collection details (masked), or null before they were given
     * @param face the main applicant's face check
     * @param ceremony the signing ceremony, or null before it started
     * @param contract the signed lease, or null
     * @param deposit the deposit and its payment order
     * @param caseId the signing case, or null before submission
     * @param review the signing case, or null before submission
     * @param occupancyNotice the occupancy notice, or null before approval
     */
    public record SigningView(
            String familyId,
            BatchRef batch,
            Step step,
            List<StepState> steps,
            HomeView home,
            ApplicantView applicant,
            BankView bank,
            FaceView face,
            CeremonyView ceremony,
            DocumentRef contract,
            DepositView deposit,
            String caseId,
            ReviewView review,
            DocumentRef occupancyNotice) {}

    /** The batch a family was selected in. */
    public record BatchRef(String id, String code, String name, String regionCode) {}

    /**
     * The allocated unit.
     *
     * @param areaM2 the area in square metres (two decimals)
     * @param rentFen the monthly rent in fen
     */
    public record HomeView(
            String unitId,
            String code,
            String project,
            String building,
            String roomNumber,
            String unitType,
            String orientation,
            int floor,
            BigDecimal areaM2,
            long rentFen,
            String address) {

        static HomeView of(UnitEntity u) {
            return new HomeView(
                    u.id(),
                    u.code(),
                    u.project(),
                    u.building(),
                    u.roomNumber(),
                    u.unitType(),
                    u.orientation(),
                    u.floor(),
                    BigDecimal.valueOf(u.areaCentiM2(), 2),
                    u.rentFen(),
                    u.address());
        }
    }

    /**
     * The main applicant as the owner sees them: the name whole, ID number and mobile masked.
     *
     * @param mobileConfirmedAt when the mobile step was passed, or null
     */
    public record ApplicantView(
            String name, String idNumber, String mobile, OffsetDateTime mobileConfirmedAt) {}

    /**
     * Rent collection details (租金托收), the card number masked.
     *
     * @param cardNumber every digit but the last four hidden
     * @param cardLast4 the last four digits
     */
    public record BankView(
            String bankName,
            String accountName,
            String cardNumber,
            String cardLast4,
            String frontAttachmentId,
            String backAttachmentId,
            OffsetDateTime savedAt) {}

    /**
     * The main applicant's face check: the ceremony's own.
     *
     * @param status NOT_STARTED, PENDING or PASSED
     * @param purpose the purpose of the face session to create ({@code sign:<ceremony id>}), or
     *     null when no ceremony runs
     */
    public record FaceView(FaceStatus status, String purpose) {}

    /**
     * The core's signing ceremony, walked through {@code /api/signing/{id}}.
     *
     * @param step the ceremony's next step
     * @param expiresAt when it lapses unless done
     * @param documentId the signed contract once DONE
     */
    public record CeremonyView(
            String id, SigningStep step, OffsetDateTime expiresAt, String documentId) {}

    /**
     * A document of the core ({@code /api/documents/{documentId}/pdf}).
     *
     * @param at when it was signed or issued
     */
    public record DocumentRef(
            String documentId, String number, LocalDate issuedOn, OffsetDateTime at) {}

    /**
     * The deposit (租赁保证金).
     *
     * @param amountFen the amount in fen (months × rent)
     * @param months months of rent
     * @param purpose what the order says
     * @param orderId the current payment order, or null
     * @param status NONE (no order yet), CREATED, PAID, CLOSED (expired: ask again) or REFUNDED
     * @param qrPayload what the QR code carries, while CREATED
     * @param expiresAt until when the order can be paid
     * @param paidAt when the payment provider said it was paid
     * @param receiptDocumentId the receipt, once paid
     */
    public record DepositView(
            long amountFen,
            int months,
            String purpose,
            String orderId,
            String status,
            String qrPayload,
            OffsetDateTime expiresAt,
            OffsetDateTime paidAt,
            String receiptDocumentId) {}

    /** The signing case (网上签约审核). */
    public record ReviewView(
            String caseId,
            String number,
            CaseStatus status,
            int level,
            OffsetDateTime submittedAt,
            OffsetDateTime closedAt) {}

    /**
     * One of the family's materials (S-13).
     *
     * @param kind {@code lease-contract} or {@code occupancy-notice}
     * @param pdf the core's path to view or print it
     * @param download the same, as a download
     */
    public record Material(
            String kind,
            LocalizedText name,
            String documentId,
            String number,
            LocalDate issuedOn,
            LocalDate validUntil,
            String status,
            boolean signed,
            String pdf,
            String download) {}

    /**
     * The materials of a family.
     *
     * @param approved whether the signing was approved (the occupancy notice comes with it)
     */
    public record Materials(String familyId, boolean approved, List<Material> items) {}

    /** One field of the signing form, for the console's key/value list. */
    public record FormField(String name, LocalizedText label, String value) {}

    /**
     * A signing case's form as the console shows it.
     *
     * @param documents the signed contract, for the viewer
     */
    public record CaseForm(
            String caseId, String typeId, List<FormField> fields, List<DocumentRef> documents) {}
}
