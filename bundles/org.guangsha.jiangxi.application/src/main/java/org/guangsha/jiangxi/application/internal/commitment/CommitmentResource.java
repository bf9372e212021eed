package org.guangsha.jiangxi.application.internal.commitment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.jiangxi.application.internal.ApplicationService;
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
 * {@code /api/jiangxi/applications/{id}/commitment} (JX-7): the letter to print (PC), signing it on
 * screen (mobile), or the photo of the signed paper; the changes answer the whole {@code
 * Application}. The applicant and counter staff of the region (JX-1) may; anyone else gets 404.
 */
@Component(service = CommitmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("jiangxi/applications/{id}/commitment")
@Produces(MediaType.APPLICATION_JSON)
@RequiresTrustLevel(TrustLevel.L2)
public class CommitmentResource {

    /** The PDF's file name. */
    static final String FILE_NAME = "授权承诺书.pdf";

    /**
     * Body of a signature.
     *
     * @param image {@code data:image/png;base64,…} from the signature pad
     */
    public record SignatureRequest(String image) {}

    /**
     * Body of an upload.
     *
     * @param attachmentId the applicant's {@code signed-letter} attachment
     */
    public record UploadRequest(String attachmentId) {}

    private final CommitmentService commitment;
    private final ApplicationService applications;

    /** Built by DS. */
    @Activate
    public CommitmentResource(
            @Reference CommitmentService commitment, @Reference ApplicationService applications) {
        this.commitment = commitment;
        this.applications = applications;
    }

    /** The letter filled with the family, unsigned, inline or as a download. */
    @GET
    @Path("pdf")
    @Produces({"application/pdf", GuangshaRest.PROBLEM_JSON})
    public Response pdf(
            @PathParam("id") String id,
            @QueryParam("download") boolean download,
            @Context SecurityContext security) {
        byte[] pdf = commitment.unsignedPdf(caller(security), id);
        String encoded = URLEncoder.encode(FILE_NAME, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        (download ? "attachment" : "inline")
                                + "; filename=\"commitment-letter.pdf\"; filename*=UTF-8''"
                                + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(GuangshaRest.noStore())
                .build();
    }

    /** Signs on screen: the core issues the letter with the signature. */
    @POST
    @Path("signature")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(
            @PathParam("id") String id, SignatureRequest body, @Context SecurityContext security) {
        if (body == null) {
            throw ProblemException.invalidField("image", "请先手写签名", "Sign on the pad first");
        }
        Caller caller = caller(security);
        commitment.sign(caller, id, body.image());
        return application(caller, id);
    }

    /** The photo or scan of the letter signed on paper. */
    @POST
    @Path("upload")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upload(
            @PathParam("id") String id, UploadRequest body, @Context SecurityContext security) {
        if (body == null) {
            throw ProblemException.invalidField(
                    "attachmentId", "请上传签字后的授权承诺书照片", "Upload the photo of the signed letter");
        }
        Caller caller = caller(security);
        commitment.upload(caller, id, body.attachmentId());
        return application(caller, id);
    }

    /**
     * The scan of the letter signed on paper, uploaded in one go (multipart {@code file}): stored
     * as the applicant's {@code signed-letter} even when counter staff upload it (JX-1, JX-7).
     */
    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadFile(
            @PathParam("id") String id,
            MultipartBody body,
            @HeaderParam("Content-Length") Long contentLength,
            @Context SecurityContext security) {
        Uploads.Upload file = Uploads.file(body, contentLength);
        Caller caller = caller(security);
        commitment.uploadFile(caller, id, file.fileName(), file.content());
        return application(caller, id);
    }

    /** The whole Application as it is now (the README's {@code Application}). */
    private Response application(Caller caller, String id) {
        return Response.ok(applications.view(applications.access().read(caller, id)))
                .cacheControl(GuangshaRest.noStore())
                .build();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
