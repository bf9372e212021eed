package org.guangsha.shenzhen.rental.internal.changes;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
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
 * {@code /api/shenzhen/rental/leases/{id}/changes}: SZ-3 and SZ-5 for the lessee (others 404). Its
 * own root path: JAX-RS picks one root resource per request, the longest literal path first.
 */
@Component(service = ChangesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/leases/{id}/changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChangesResource {

    private final ChangesService changes;

    /** Built by DS. */
    @Activate
    public ChangesResource(@Reference ChangesService changes) {
        this.changes = changes;
    }

    /** The lease now and its changes. */
    @GET
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response overview(@PathParam("id") String leaseId, @Context SecurityContext security) {
        return ok(changes.overview(caller(security), leaseId));
    }

    /** Proposes a change: 201; 409 {@code change-open}; 400 naming the field. */
    @POST
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response propose(
            @PathParam("id") String leaseId,
            ChangeViews.ChangeRequest body,
            @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED)
                .entity(changes.propose(caller(security), leaseId, body))
                .cacheControl(noStore())
                .build();
    }

    /** SZ-5: prints the 入住通知书 of an occupant after an approved change: 201 the document. */
    @POST
    @Path("{changeId}/notice")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.ORGANIZATION)
    public Response notice(
            @PathParam("id") String leaseId,
            @PathParam("changeId") String changeId,
            @QueryParam("occupantId") String occupantId,
            @Context SecurityContext security) {
        IssuedDocument d = changes.printNotice(caller(security), leaseId, changeId, occupantId);
        String pdf = "/api/documents/" + d.id() + "/pdf";
        return Response.status(201)
                .entity(
                        new NoticeView(
                                d.id(),
                                d.number(),
                                d.typeId(),
                                d.issuedOn(),
                                pdf,
                                pdf + "?download=true"))
                .cacheControl(noStore())
                .build();
    }

    /** A printed notice. */
    public record NoticeView(
            String id,
            String number,
            String typeId,
            java.time.LocalDate issuedOn,
            String pdf,
            String download) {}

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }

    static Response ok(Object entity) {
        return Response.ok(entity).cacheControl(noStore()).build();
    }
}
