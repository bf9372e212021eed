package org.guangsha.shenzhen.rental.internal.renewal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
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
 * {@code /api/shenzhen/rental/leases/{id}/renewal}: lease renewal (SZ-2) for the lessee: the
 * overview, the economic check, the steps in order, the signing ceremony; and {@code
 * /api/shenzhen/rental/renewal-cases/{caseId}}, the masked form for the case's caseworkers.
 */
@Component(service = RenewalResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RenewalResource {

    private final RenewalService renewals;

    /** Built by DS. */
    @Activate
    public RenewalResource(@Reference RenewalService renewals) {
        this.renewals = renewals;
    }

    /** The lease as it would be renewed, the latest report, the renewal, the open tracks. */
    @GET
    @Path("leases/{id}/renewal")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response overview(@PathParam("id") String id, @Context SecurityContext s) {
        return ok(renewals.overview(caller(s), id));
    }

    /** SZ-2 a: runs the economic-status check → 201 the report. */
    @POST
    @Path("leases/{id}/renewal/economic-check")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response check(@PathParam("id") String id, @Context SecurityContext s) {
        return created(renewals.check(caller(s), id));
    }

    /** SZ-2 a: starts a renewal under {@code track} → 201. */
    @POST
    @Path("leases/{id}/renewal")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response start(
            @PathParam("id") String id, StartRequest body, @Context SecurityContext s) {
        return created(renewals.start(caller(s), id, body));
    }

    /** SZ-2 b: the declaration. */
    @POST
    @Path("leases/{id}/renewal/declaration")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response declare(
            @PathParam("id") String id, DeclarationRequest body, @Context SecurityContext s) {
        return ok(renewals.declare(caller(s), id, body));
    }

    /** SZ-2 b: the details confirmed. */
    @POST
    @Path("leases/{id}/renewal/confirmation")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response confirm(
            @PathParam("id") String id, ConfirmationRequest body, @Context SecurityContext s) {
        return ok(renewals.confirm(caller(s), id, body));
    }

    /** SZ-2 b: the ID card's two sides. */
    @POST
    @Path("leases/{id}/renewal/documents")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response documents(
            @PathParam("id") String id, DocumentsRequest body, @Context SecurityContext s) {
        return ok(renewals.documents(caller(s), id, body));
    }

    /** SZ-2 b: submits for review. */
    @POST
    @Path("leases/{id}/renewal/submit")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response submit(@PathParam("id") String id, @Context SecurityContext s) {
        return ok(renewals.submit(caller(s), id));
    }

    /** SZ-2 c: starts or resumes the signing ceremony. */
    @POST
    @Path("leases/{id}/renewal/signing")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response signing(@PathParam("id") String id, @Context SecurityContext s) {
        return ok(renewals.startSigning(caller(s), id));
    }

    /** The masked form of a renewal or contract case: its applicant and its caseworkers. */
    @GET
    @Path("renewal-cases/{caseId}")
    @RequiresTrustLevel(TrustLevel.L2)
    public Response caseForm(@PathParam("caseId") String caseId, @Context SecurityContext s) {
        return ok(renewals.caseForm(caller(s), caseId));
    }

    private static Caller caller(SecurityContext s) {
        return (Caller) s.getUserPrincipal();
    }

    private static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }

    private static Response ok(Object entity) {
        return Response.ok(entity).cacheControl(noStore()).build();
    }

    private static Response created(Object entity) {
        return Response.status(Response.Status.CREATED)
                .entity(entity)
                .cacheControl(noStore())
                .build();
    }
}
