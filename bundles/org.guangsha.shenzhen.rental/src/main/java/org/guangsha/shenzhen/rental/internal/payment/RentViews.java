package org.guangsha.shenzhen.rental.internal.payment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON of rent payment (SZ-4), as the line's README lists it. */
public final class RentViews {

    private RentViews() {}

    /**
     * A month's bill.
     *
     * @param id the bill id
     * @param period {@code yyyy-MM}
     * @param amountFen the rent in fen
     * @param dueDate the day it is due
     * @param status {@code UNPAID} or {@code PAID}
     * @param overdue unpaid after its due date (arrears, 欠缴)
     * @param paidAt when the provider confirmed the payment, or null
     * @param receiptDocumentId the receipt (缴费凭证, a core document), or null
     */
    public record BillView(
            String id,
            String period,
            long amountFen,
            LocalDate dueDate,
            String status,
            boolean overdue,
            OffsetDateTime paidAt,
            String receiptDocumentId) {}

    /**
     * Why paying is closed, or null when open.
     *
     * @param rule {@code night}, {@code month-end}, {@code bank-collection} ({@code arrears-first}
     *     only in a refusal of a later bill)
     * @param message Chinese, with the opening time
     * @param messageEn English
     * @param opensAt when paying opens again
     */
    public record Reason(String rule, String message, String messageEn, OffsetDateTime opensAt) {}

    /** Whether paying is open now, and if not why. */
    public record Payable(boolean open, Reason reason) {}

    /** The bill to pay next: always the oldest unpaid (SZ-4 a). */
    public record Next(String billId, String period, long amountFen) {}

    /**
     * A lease's bills.
     *
     * @param leaseId the lease
     * @param home {@code 项目 栋 房号}
     * @param bills every bill from the lease's first month to the current one, oldest first
     * @param payable whether paying is open now
     * @param next the oldest unpaid bill, or null when all are paid
     * @param now the city's time the answer was made at (the city's clock)
     */
    public record Bills(
            String leaseId,
            String home,
            List<BillView> bills,
            Payable payable,
            Next next,
            OffsetDateTime now) {}

    /** A payment order for a bill: the QR code's text and until when it can be paid. */
    public record OrderView(
            String orderId, String billId, String qrPayload, OffsetDateTime expiresAt) {}

    /**
     * The 409 answer {@code payment-closed}: problem+json with the rule and the opening time.
     *
     * @param opensAt null for {@code arrears-first}
     */
    public record ClosedProblem(
            String type,
            String title,
            String titleEn,
            int status,
            String detail,
            String instance,
            List<Object> errors,
            String rule,
            String message,
            String messageEn,
            OffsetDateTime opensAt,
            String payFirstBillId) {}

    /** A bank collection run (SZ-4 d). */
    public record RunView(
            String id,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String description,
            boolean running,
            OffsetDateTime createdAt) {}
}
