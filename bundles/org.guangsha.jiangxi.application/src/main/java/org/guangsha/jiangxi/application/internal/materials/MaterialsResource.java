package org.guangsha.jiangxi.application.internal.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
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
     * The most read of an uploaded file: above the core's attachment limit, so that the core
     * decides and words the refusal (it reads the exact limit from its configuration).
     */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    /** Multipart overhead allowed beyond the file before the request is refused unread. */
    private static final long ENVELOPE = 64 * 1024;

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
        if (contentLength != null && contentLength > MAX_FILE_BYTES + ENVELOPE) {
            throw tooLarge();
        }
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw ProblemException.invalidField("file", "请选择要上传的文件", "The file is missing");
        }
        byte[] content = read(file, MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return ok(
                materials.upload(
                        caller(security),
                        id,
                        code,
                        text(body, "memberId"),
                        text(body, "kind"),
                        fileName(file),
                        content));
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

    private static ProblemException tooLarge() {
        return new ProblemException(
                new Problem(
                        Problem.type("upload-refused"),
                        "上传的文件不符合要求",
                        "The uploaded file was refused",
                        413,
                        "too-large",
                        null,
                        List.of(
                                new FieldError(
                                        "file",
                                        "文件不能超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB",
                                        "The file must not exceed "
                                                + MAX_FILE_BYTES / (1024 * 1024)
                                                + " MB"))));
    }

    private static byte[] read(Attachment part, int max) {
        try (InputStream in = part.getDataHandler().getInputStream()) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short text part (an id, a kind), or null when absent or blank. */
    private static String text(MultipartBody body, String name) {
        Attachment part = body.getAttachment(name);
        if (part == null) {
            return null;
        }
        String s = new String(read(part, 200), StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? null : s;
    }

    private static String fileName(Attachment file) {
        return file.getContentDisposition() == null
                ? null
                : utf8(file.getContentDisposition().getFilename());
    }

    /**
     * Browsers send a file name such as 低保证.jpg as raw UTF-8 bytes, which the multipart parser
     * reads as ISO-8859-1: read them again as UTF-8 when they form valid UTF-8.
     */
    static String utf8(String name) {
        if (name == null || name.chars().anyMatch(c -> c > 0xff)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return name;
        }
    }
}
