package org.guangsha.shenzhen.rental.internal.payment;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.ClosedProblem;

/**
 * The answers of rent payment (SZ-4) that both the lease's bills ({@code LeaseResource}) and paying
 * ({@link BillPaymentResource}) give: who may pay and why payment is closed.
 */
public final class RentReplies {

    private RentReplies() {}

    /** 409 problem+json {@code payment-closed} with the rule and the opening time. */
    public static Response closed(PaymentClosedException e, UriInfo uri) {
        PaymentWindow.Closed c = e.closed();
        ClosedProblem body =
                new ClosedProblem(
                        Problem.type("payment-closed"),
                        "现在不能缴纳房租",
                        "Rent cannot be paid now",
                        409,
                        c.message(),
                        instance(uri),
                        java.util.List.of(),
                        c.rule(),
                        c.message(),
                        c.messageEn(),
                        c.opensAt() == null ? null : RentPayments.city(c.opensAt()),
                        e.payFirstBillId());
        return Response.status(409)
                .type(GuangshaRest.PROBLEM_JSON + ";charset=UTF-8")
                .cacheControl(GuangshaRest.noStore())
                .entity(body)
                .build();
    }

    /** The caller: an organization, or a citizen verified (L2) as the module requires. */
    public static Caller lessee(SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.kind() == AccountKind.CITIZEN
                && caller.trustLevel().compareTo(TrustLevel.L2) < 0) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("trust-level-required"),
                            "请先完成实名认证",
                            "Verify your identity first",
                            403,
                            null,
                            null,
                            null));
        }
        return caller;
    }

    private static String instance(UriInfo uri) {
        try {
            return uri == null
                    ? null
                    : GuangshaRest.APPLICATION_BASE
                            + "/"
                            + uri.getPath(true).replaceFirst("^/", "");
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }
}
