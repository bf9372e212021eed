package org.guangsha.shenzhen.rental.internal.payment;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.ClosedProblem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A lease's rent bills for the lessee (微信扫码交租, SZ-4): {@code GET
 * /api/shenzhen/rental/leases/{id}/bills}. Citizens at L2 and organization accounts; anyone else's
 * lease answers 404. Paying is {@link BillPaymentResource}.
 */
@Component(service = RentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/leases")
@Produces(MediaType.APPLICATION_JSON)
public class RentResource {

    private final RentPayments rent;

    /** Built by DS. */
    @Activate
    public RentResource(@Reference RentPayments rent) {
        this.rent = rent;
    }

    /** The lease's bills (created up to this month), the next to pay, whether paying is open. */
    @GET
    @Path("{id}/bills")
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response bills(@PathParam("id") String leaseId, @Context SecurityContext security) {
        return Response.ok(rent.bills(leaseId, lessee(security))).cacheControl(noStore()).build();
    }

    /** 409 problem+json {@code payment-closed} with the rule and the opening time. */
    static Response closed(PaymentClosedException e, UriInfo uri) {
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
                .cacheControl(noStore())
                .entity(body)
                .build();
    }

    /** The caller: an organization, or a citizen verified (L2) as the module requires. */
    static Caller lessee(SecurityContext security) {
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

    static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        c.setPrivate(true);
        return c;
    }
}
