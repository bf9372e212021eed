package org.guangsha.shenzhen.rental.internal.payment;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Paying a month's rent (微信扫码交租, SZ-4): {@code POST /api/shenzhen/rental/bills/{id}/payment} for
 * the lessee, 201 {@code {orderId, billId, qrPayload, expiresAt}} (the order still payable is
 * answered again); 409 {@code payment-closed} naming the rule ({@code arrears-first}, {@code
 * night}, {@code month-end}, {@code bank-collection}) and {@code opensAt}; 409 {@code bill-paid};
 * anyone else's bill 404.
 */
@Component(service = BillPaymentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/bills")
@Produces(MediaType.APPLICATION_JSON)
public class BillPaymentResource {

    private final RentPayments rent;

    /** Built by DS. */
    @Activate
    public BillPaymentResource(@Reference RentPayments rent) {
        this.rent = rent;
    }

    /** A payment order for the bill. */
    @POST
    @Path("{id}/payment")
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response pay(
            @PathParam("id") String billId,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        try {
            return Response.status(201)
                    .entity(rent.pay(billId, RentReplies.lessee(security)))
                    .cacheControl(GuangshaRest.noStore())
                    .build();
        } catch (PaymentClosedException e) {
            return RentReplies.closed(e, uri);
        }
    }
}
