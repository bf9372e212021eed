package org.guangsha.jiangxi.application.internal.materials;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.jiangxi.application.internal.Uploads;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/jiangxi/applications/{id}/materials} (JX-8): the checklist, filing the applicant's
 * attachments (earlier uploads, electronic licences), uploading and filing in one go, and taking a
 * file off. The applicant and counter staff of the region (JX-1) may; anyone else gets 404.
 */
@Component(service = MaterialsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("jiangxi/applications/{id}/materials")
@Produces(MediaType.APPLICATION_JSON)
@RequiresTrustLevel(TrustLevel.L2)
public class MaterialsResource {

    /**
     * Body of a filing.
     *
     * @param attachmentId the applicant's attachment
     * @param memberId the member, for a per-member material
     */
    public record FileRequest(String attachmentId, String memberId) {}

    private final MaterialsService materials;

    /** Built by DS. */
    @Activate
    public MaterialsResource(@Reference MaterialsService materials) {
        this.materials = materials;
    }

    /** The checklist now: {@code {items: [MaterialItem]}}. */
    @GET
    public Response checklist(@PathParam("id") String id, @Context SecurityContext security) {
        return ok(materials.checklist(caller(security), id));
    }

    /** Files an attachment of the applicant (an earlier upload, a fetched licence). */
    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(
            @PathParam("id") String id,
            @PathParam("code") String code,
            FileRequest body,
            @Context SecurityContext security) {
        if (body == null) {
            throw ProblemException.invalidField(null, "请求体不能为空", "A body is required");
        }
        return ok(materials.file(caller(security), id, code, body.attachmentId(), body.memberId()));
    }

    /** Uploads a file (multipart {@code file}, {@code memberId?}, {@code kind?}) and files it. */
    @POST
    @Path("{code}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @PathParam("id") String id,
            @PathParam("code") String code,
            MultipartBody body,
            @HeaderParam("Content-Length") Long contentLength,
            @Context SecurityContext security) {
        Uploads.Upload file = Uploads.file(body, contentLength);
        return ok(
                materials.upload(
                        caller(security),
                        id,
                        code,
                        Uploads.text(body, "memberId"),
                        Uploads.text(body, "kind"),
                        file.fileName(),
                        file.content()));
    }

    /** Takes a file off the material (it stays the applicant's, reusable). */
    @DELETE
    @Path("{code}/{attachmentId}")
    public Response remove(
            @PathParam("id") String id,
            @PathParam("code") String code,
            @PathParam("attachmentId") String attachmentId,
            @Context SecurityContext security) {
        return ok(materials.remove(caller(security), id, code, attachmentId));
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static Response ok(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(entity).cacheControl(noStore).build();
    }
}
