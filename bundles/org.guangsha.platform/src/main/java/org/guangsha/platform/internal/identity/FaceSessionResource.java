package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Face checks by phone, {@code /api/identity/face-sessions} (I-5): the desktop creates a session
 * and shows its QR code, the phone completes it, the desktop polls the status.
 */
@Component(service = FaceSessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity/face-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class FaceSessionResource {

    /**
     * Body of {@code POST /face-sessions}: {@code verify}, {@code sign:<signing id>} or {@code
     * apply:<application id>}.
     */
    public record FaceRequest(String purpose) {}

    /** A face session as the desktop sees it; {@code qr} only when just created. */
    public record FaceView(
            String id, String purpose, String status, String qr, OffsetDateTime expiresAt) {}

    private final FaceSessionService faces;

    /** Built by DS. */
    @Activate
    public FaceSessionResource(@Reference FaceSessionService faces) {
        this.faces = faces;
    }

    /** Starts a face check on the phone; the answer's {@code qr} is what the QR code carries. */
    @POST
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(
            summary = "发起手机人脸识别 / Start a face check on the phone",
            description =
                    "用途 purpose：verify（实名认证）、sign:<签署编号>（签署合同）、apply:<申请编号>"
                            + "（业务线申请填表前核验，如江西公租房）。The purpose binds the session:"
                            + " only the flow of that purpose consumes it, once.")
    public Response createFaceSession(FaceRequest request, @Context SecurityContext security) {
        FaceSessionService.Created c =
                faces.create(
                        RestSupport.caller(security).accountId(),
                        request == null ? null : request.purpose());
        FaceSessionEntity s = c.session();
        return Response.status(201)
                .entity(
                        new FaceView(
                                s.id(),
                                s.purpose(),
                                s.statusAt(faces.now()).name(),
                                c.phoneUrl(),
                                RestSupport.cityTime(s.expiresAt())))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Where a face check stands: PENDING, PASSED, FAILED or EXPIRED. Poll it. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "人脸识别进度 / Status of a face check")
    public Response faceSession(@PathParam("id") String id, @Context SecurityContext security) {
        FaceSessionEntity s =
                faces.find(id, RestSupport.caller(security).accountId())
                        .orElseThrow(() -> ProblemException.notFound(null));
        return Response.ok(
                        new FaceView(
                                s.id(),
                                s.purpose(),
                                s.statusAt(faces.now()).name(),
                                null,
                                RestSupport.cityTime(s.expiresAt())))
                .cacheControl(RestSupport.noStore())
                .build();
    }
}
