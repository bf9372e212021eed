package org.guangsha.platform.internal.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
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
 * {@code /api/attachments}: upload (multipart, fields {@code kind} and {@code file}),
 * list mine by kind ("upload once"), read, download, replace and delete. Files of others answer
 * 404, never 403, so nobody learns that a file exists.
 */
@Component(service = AttachmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class AttachmentResource {

    /** Multipart overhead allowed beyond the file itself before the request is refused unread. */
    private static final long ENVELOPE = 64 * 1024;

    /** An attachment as its owner (or a caseworker of its case) sees it. */
    public record AttachmentView(
            String id,
            String kind,
            String fileName,
            String mediaType,
            long size,
            String source,
            String subjectName,
            OffsetDateTime createdAt,
            boolean frozen) {

        static AttachmentView of(org.guangsha.platform.attachment.Attachment a) {
            return new AttachmentView(
                    a.id(),
                    a.kind(),
                    a.fileName(),
                    a.mediaType(),
                    a.size(),
                    a.source(),
                    a.subjectName(),
                    RestSupport.cityTime(a.createdAt()),
                    a.frozen());
        }
    }

    private final AttachmentStore store;

    /** Built by DS. */
    @Activate
    public AttachmentResource(@Reference AttachmentStore store) {
        this.store = store;
    }

    /** Uploads a file: 201 when stored, 200 when the same file of that kind was there already. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "上传材料 / Upload a file (multipart: kind, file)")
    public Response upload(
            MultipartBody body,
            @HeaderParam("Content-Length") Long contentLength,
            @Context SecurityContext security) {
        refuseOversized(contentLength);
        String kind = text(body, "kind");
        Attachment file = body.getAttachment("file");
        if (file == null) {
            throw ProblemException.invalidField("file", "请选择要上传的文件", "The file is missing");
        }
        AttachmentStore.Stored stored =
                store.store(
                        RestSupport.caller(security).accountId(),
                        kind,
                        fileName(file),
                        read(file, store.maxBytes()));
        return Response.status(stored.created() ? 201 : 200)
                .entity(AttachmentView.of(stored.attachment()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** My attachments, newest first, optionally of one kind: pick one for a new case. */
    @GET
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "我的材料 / My files, newest first")
    public Response mine(@QueryParam("kind") String kind, @Context SecurityContext security) {
        List<AttachmentView> list =
                store.list(RestSupport.caller(security).accountId(), blankToNull(kind)).stream()
                        .map(AttachmentView::of)
                        .toList();
        return Response.ok(list).cacheControl(RestSupport.noStore()).build();
    }

    /** One attachment's description. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "材料信息 / A file's description")
    public Response one(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(
                        AttachmentView.of(
                                store.find(RestSupport.caller(security), id)
                                        .orElseThrow(() -> ProblemException.notFound(null))))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** The file itself, shown inline (or downloaded with {@code ?download=true}). */
    @GET
    @Path("{id}/content")
    @Produces({"image/jpeg", "image/png", "application/pdf", GuangshaRest.PROBLEM_JSON})
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "查看或下载材料 / The file's bytes")
    public Response content(
            @PathParam("id") String id,
            @QueryParam("download") boolean download,
            @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        org.guangsha.platform.attachment.Attachment a =
                store.find(caller, id).orElseThrow(() -> ProblemException.notFound(null));
        byte[] bytes = store.content(caller, id).orElseThrow(() -> ProblemException.notFound(null));
        return RestSupport.file(bytes, a.mediaType(), a.fileName(), download);
    }

    /** Replaces the content of a file no submitted case froze (409 once frozen). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "替换材料 / Replace a file's content (multipart: file)")
    public Response replace(
            @PathParam("id") String id,
            MultipartBody body,
            @HeaderParam("Content-Length") Long contentLength,
            @Context SecurityContext security) {
        refuseOversized(contentLength);
        Attachment file = body.getAttachment("file");
        if (file == null) {
            throw ProblemException.invalidField("file", "请选择要上传的文件", "The file is missing");
        }
        return Response.ok(
                        AttachmentView.of(
                                store.replace(
                                        RestSupport.caller(security).accountId(),
                                        id,
                                        fileName(file),
                                        read(file, store.maxBytes()))))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Deletes a file no submitted case froze (409 once frozen). */
    @DELETE
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "删除材料 / Delete a file")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        store.delete(RestSupport.caller(security).accountId(), id);
        return Response.noContent().build();
    }

    private void refuseOversized(Long contentLength) {
        long max = store.maxBytes();
        if (contentLength != null && contentLength > max + ENVELOPE) {
            throw tooLarge(max);
        }
    }

    static ProblemException tooLarge(long max) {
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
                                        "文件不能超过 " + size(max),
                                        "The file must not exceed " + size(max)))));
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : (bytes + 1023) / 1024 + " KB";
    }

    /** Reads at most {@code max + 1} bytes: enough to know the file is too large, no more. */
    static byte[] read(Attachment file, long max) {
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(MultipartBody body, String name) {
        Attachment part = body.getAttachment(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getDataHandler().getInputStream()) {
            return new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(Attachment file) {
        return file.getContentDisposition() == null
                ? null
                : GuangshaRest.uploadedFileName(file.getContentDisposition().getFilename());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
