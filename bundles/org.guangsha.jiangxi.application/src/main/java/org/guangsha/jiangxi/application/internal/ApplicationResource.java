package org.guangsha.jiangxi.application.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.jiangxi.application.internal.Views.ApplicationView;
import org.guangsha.jiangxi.application.internal.Views.AssetsStep;
import org.guangsha.jiangxi.application.internal.Views.ConsentRequest;
import org.guangsha.jiangxi.application.internal.Views.ConsentView;
import org.guangsha.jiangxi.application.internal.Views.CounterApplication;
import org.guangsha.jiangxi.application.internal.Views.FaceRequest;
import org.guangsha.jiangxi.application.internal.Views.FamilyStep;
import org.guangsha.jiangxi.application.internal.Views.Guide;
import org.guangsha.jiangxi.application.internal.Views.NewApplication;
import org.guangsha.jiangxi.application.internal.Views.SubmitRequest;
import org.guangsha.jiangxi.application.internal.Views.Summary;
import org.guangsha.jiangxi.application.internal.Views.TypeStep;
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
 * {@code /api/jiangxi/…}: the guide, the consent, the applications and their steps, submission, and
 * the counter (JX-1 … JX-9). Materials and the commitment letter have resources of their own; the
 * README has the whole table.
 */
@Component(service = ApplicationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("jiangxi")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService applications;

    /** Built by DS. */
    @Activate
    public ApplicationResource(@Reference ApplicationService applications) {
        this.applications = applications;
    }

    /** The agreement, notice, flow and application types (anyone). */
    @GET
    @Path("guide")
    public Guide guide() {
        return applications.guide();
    }

    /** The applicant categories and their materials (anyone). */
    @GET
    @Path("categories")
    public List<Categories.Category> categories() {
        Categories c = applications.access().categories();
        return c.categories().stream()
                .map(
                        k ->
                                new Categories.Category(
                                        k.code(),
                                        k.name(),
                                        k.description(),
                                        k.applicationTypes(),
                                        c.materialsOf(k.code())))
                .toList();
    }

    /** My consent. */
    @GET
    @Path("consent")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    public Response consent(@Context SecurityContext security) {
        return ok(applications.consent(caller(security)));
    }

    /** 同意授权. */
    @POST
    @Path("consent")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response grant(ConsentRequest body, @Context SecurityContext security) {
        ConsentView v =
                applications.grant(
                        caller(security),
                        body == null ? null : body.version(),
                        body == null ? null : body.channel());
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    /** 取消授权. */
    @DELETE
    @Path("consent")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    public Response revoke(@Context SecurityContext security) {
        return ok(applications.revoke(caller(security)));
    }

    /** My applications, newest first. */
    @GET
    @Path("applications")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    public Response mine(@Context SecurityContext security) {
        return ok(applications.mine(caller(security)));
    }

    /** Opens an application (after consent, region confirmed twice). */
    @POST
    @Path("applications")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response open(NewApplication body, @Context SecurityContext security) {
        ApplicationView v = applications.open(caller(security), body);
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    /** One application. */
    @GET
    @Path("applications/{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response one(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        return ok(applications.view(applications.access().read(caller, id)));
    }

    /** The face check (JX-3). */
    @POST
    @Path("applications/{id}/face")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response face(
            @PathParam("id") String id, FaceRequest body, @Context SecurityContext security) {
        return ok(applications.face(caller(security), id, body == null ? null : body.sessionId()));
    }

    /** The type step. */
    @PUT
    @Path("applications/{id}/type")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response type(
            @PathParam("id") String id,
            @QueryParam("draft") boolean draft,
            TypeStep body,
            @Context SecurityContext security) {
        return ok(applications.saveType(caller(security), id, body, draft));
    }

    /** The family step. */
    @PUT
    @Path("applications/{id}/family")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response family(
            @PathParam("id") String id,
            @QueryParam("draft") boolean draft,
            FamilyStep body,
            @Context SecurityContext security) {
        return ok(applications.saveFamily(caller(security), id, body, draft));
    }

    /** The assets step. */
    @PUT
    @Path("applications/{id}/assets")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response assets(
            @PathParam("id") String id,
            @QueryParam("draft") boolean draft,
            AssetsStep body,
            @Context SecurityContext security) {
        return ok(applications.saveAssets(caller(security), id, body, draft));
    }

    /** Submits after the second confirmation (JX-9). */
    @POST
    @Path("applications/{id}/submit")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response submit(
            @PathParam("id") String id, SubmitRequest body, @Context SecurityContext security) {
        return ok(applications.submit(caller(security), id, body == null ? null : body.confirm()));
    }

    /** Opens an application at the counter (JX-1). */
    @POST
    @Path("counter/applications")
    @RequiresTrustLevel(value = TrustLevel.L3, kinds = AccountKind.STAFF)
    public Response counter(CounterApplication body, @Context SecurityContext security) {
        ApplicationView v = applications.openAtCounter(caller(security), body);
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    /** A citizen's applications in my region (counter). */
    @GET
    @Path("counter/applications")
    @RequiresTrustLevel(value = TrustLevel.L3, kinds = AccountKind.STAFF)
    public List<Summary> ofCitizen(
            @QueryParam("citizenId") String citizenId, @Context SecurityContext security) {
        return applications.ofCitizen(caller(security), citizenId);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** Personal data: never cached. */
    static Response ok(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.ok(entity).cacheControl(noStore).build();
    }
}
