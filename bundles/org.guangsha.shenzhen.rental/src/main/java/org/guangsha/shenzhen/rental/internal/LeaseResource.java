package org.guangsha.shenzhen.rental.internal;

import static org.guangsha.shenzhen.rental.internal.Replies.caller;
import static org.guangsha.shenzhen.rental.internal.Replies.created;
import static org.guangsha.shenzhen.rental.internal.Replies.ok;

import java.time.LocalDate;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews;
import org.guangsha.shenzhen.rental.internal.changes.ChangesService;
import org.guangsha.shenzhen.rental.internal.payment.RentPayments;
import org.guangsha.shenzhen.rental.internal.payment.RentReplies;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalService;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.ConfirmationRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.DeclarationRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.DocumentsRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.StartRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/shenzhen/rental/leases/{id}/…}: what the lessee does with one lease — its rent bills
 * (SZ-4), its renewal and contract signing (SZ-2), its changes (SZ-3, SZ-5). Every path under a
 * lease is in this one root resource on purpose: JAX-RS picks one root class per request (the
 * longest literal path), so a second root under {@code leases} would hide the others' paths. Anyone
 * else's lease answers 404 (the services check the lessee).
 */
@Component(service = LeaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/leases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaseResource {

    private final RentPayments rent;
    private final RenewalService renewals;
    private final ChangesService changes;

    /** Built by DS. */
    @Activate
    public LeaseResource(
            @Reference RentPayments rent,
            @Reference RenewalService renewals,
            @Reference ChangesService changes) {
        this.rent = rent;
        this.renewals = renewals;
        this.changes = changes;
    }

    // ---- SZ-4 rent (paying a bill is BillPaymentResource) ----

    /** The lease's bills (created up to this month), the next to pay, whether paying is open. */
    @GET
    @Path("bills")
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response bills(@PathParam("id") String leaseId, @Context SecurityContext security) {
        return ok(rent.bills(leaseId, RentReplies.lessee(security)));
    }

    // ---- SZ-2 renewal and signing ----

    /** The lease as it would be renewed, the latest report, the renewal, the open tracks. */
    @GET
    @Path("renewal")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response renewal(@PathParam("id") String id, @Context SecurityContext s) {
        return ok(renewals.overview(caller(s), id));
    }

    /** SZ-2 a: runs the economic-status check → 201 the report. */
    @POST
    @Path("renewal/economic-check")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response economicCheck(@PathParam("id") String id, @Context SecurityContext s) {
        return created(renewals.check(caller(s), id));
    }

    /** SZ-2 a: starts a renewal under {@code track} → 201. */
    @POST
    @Path("renewal")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response startRenewal(
            @PathParam("id") String id, StartRequest body, @Context SecurityContext s) {
        return created(renewals.start(caller(s), id, body));
    }

    /** SZ-2 b: the declaration. */
    @POST
    @Path("renewal/declaration")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response declare(
            @PathParam("id") String id, DeclarationRequest body, @Context SecurityContext s) {
        return ok(renewals.declare(caller(s), id, body));
    }

    /** SZ-2 b: the details confirmed. */
    @POST
    @Path("renewal/confirmation")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response confirm(
            @PathParam("id") String id, ConfirmationRequest body, @Context SecurityContext s) {
        return ok(renewals.confirm(caller(s), id, body));
    }

    /** SZ-2 b: the ID card's two sides. */
    @POST
    @Path("renewal/documents")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response documents(
            @PathParam("id") String id, DocumentsRequest body, @Context SecurityContext s) {
        return ok(renewals.documents(caller(s), id, body));
    }

    /** SZ-2 b: submits for review. */
    @POST
    @Path("renewal/submit")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response submitRenewal(@PathParam("id") String id, @Context SecurityContext s) {
        return ok(renewals.submit(caller(s), id));
    }

    /** SZ-2 c: starts or resumes the signing ceremony. */
    @POST
    @Path("renewal/signing")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response signing(@PathParam("id") String id, @Context SecurityContext s) {
        return ok(renewals.startSigning(caller(s), id));
    }

    // ---- SZ-3 and SZ-5 changes ----

    /** The lease now and its changes. */
    @GET
    @Path("changes")
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response changes(@PathParam("id") String leaseId, @Context SecurityContext security) {
        return ok(changes.overview(caller(security), leaseId));
    }

    /** Proposes a change: 201; 409 {@code change-open}; 400 naming the field. */
    @POST
    @Path("changes")
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response propose(
            @PathParam("id") String leaseId,
            ChangeViews.ChangeRequest body,
            @Context SecurityContext security) {
        return created(changes.propose(caller(security), leaseId, body));
    }

    /** SZ-5: prints the 入住通知书 of an occupant after an approved change: 201 the document. */
    @POST
    @Path("changes/{changeId}/notice")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.ORGANIZATION)
    public Response notice(
            @PathParam("id") String leaseId,
            @PathParam("changeId") String changeId,
            @QueryParam("occupantId") String occupantId,
            @Context SecurityContext security) {
        IssuedDocument d = changes.printNotice(caller(security), leaseId, changeId, occupantId);
        String pdf = "/api/documents/" + d.id() + "/pdf";
        return created(
                new NoticeView(
                        d.id(), d.number(), d.typeId(), d.issuedOn(), pdf, pdf + "?download=true"));
    }

    /** A printed notice. */
    public record NoticeView(
            String id,
            String number,
            String typeId,
            LocalDate issuedOn,
            String pdf,
            String download) {}
}
