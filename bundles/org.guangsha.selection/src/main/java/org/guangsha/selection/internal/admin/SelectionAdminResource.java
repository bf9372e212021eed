package org.guangsha.selection.internal.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
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
import javax.ws.rs.core.UriInfo;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.batch.BatchRejectedException;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.BatchSummary;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.internal.QueryParams;
import org.guangsha.selection.internal.SelectionService;
import org.guangsha.selection.internal.Views.RunView;
import org.guangsha.selection.internal.Views.SessionView;
import org.guangsha.selection.internal.admin.AdminViews.BatchDetail;
import org.guangsha.selection.internal.admin.AdminViews.FamilyPage;
import org.guangsha.selection.internal.admin.AdminViews.RejectedProblem;
import org.guangsha.selection.internal.admin.AdminViews.RowProblem;
import org.guangsha.selection.internal.admin.AdminViews.Supplementary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/selection/admin}: the operators' side of the selection line (S-1, S-6, S-9).
 * Operators create batches (JSON, or the batch as JSON plus three CSV files), close sessions early
 * and publish supplementary sessions; they and the caseworkers whose region covers a batch's region
 * read batches and their families (names and ID numbers masked). Caseworkers of other regions get
 * 404 for a batch, caseworkers 403 for what only operators do, citizens and organizations 403.
 *
 * <p>A refused batch answers 400 {@code urn:guangsha:problem:batch-rejected} listing every problem
 * ({@link RowProblem}): nothing of it was stored.
 */
@Component(service = SelectionAdminResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection/admin")
@Produces(MediaType.APPLICATION_JSON)
public class SelectionAdminResource {

    /** Each CSV file: far beyond 100,000 rows of a few dozen characters. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    /** The batch's own members as JSON. */
    static final int MAX_BATCH_JSON_BYTES = 64 * 1024;

    /** A whole import request: three files and the multipart envelope. */
    static final long MAX_REQUEST_BYTES = 3L * MAX_FILE_BYTES + 1024 * 1024;

    static final int MAX_PAGE_SIZE = 200;

    static final Set<String> STATUSES =
            Set.of("WAITING", "CONFIRMED", "AUTO_ASSIGNED", "NO_UNIT", "ABSENT", "GAVE_UP");

    /**
     * Body of a supplementary session (S-9).
     *
     * @param startsAt ISO-8601 with an offset, or the city's wall clock {@code 2026-11-23 15:00}
     * @param endsAt likewise
     */
    public record SupplementaryRequest(String name, String startsAt, String endsAt) {}

    private final BatchImportService batches;
    private final Regions regions;
    private final SelectionService selection;

    /** Built by DS. */
    @Activate
    public SelectionAdminResource(
            @Reference BatchImportService batches,
            @Reference Regions regions,
            @Reference SelectionService selection) {
        this.batches = batches;
        this.regions = regions;
        this.selection = selection;
    }

    /** Creates a batch from one JSON {@link NewBatch} (operators). */
    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response create(
            NewBatch body,
            @Context SecurityContext security,
            @Context HttpServletRequest http,
            @Context UriInfo uri) {
        Caller caller = operator(security, "只有运维人员可以创建选房批次", "Only operators create batches");
        if (body == null) {
            throw ProblemException.invalidField(null, "请求体不能为空", "A body is required");
        }
        NewBatch batch =
                new NewBatch(
                        body.code(),
                        body.name(),
                        body.regionCode(),
                        body.preselectStartsAt(),
                        body.cartSize(),
                        body.windowSeconds(),
                        body.source() == null || body.source().isBlank() ? "api" : body.source(),
                        caller.accountId(),
                        body.units(),
                        body.sessions(),
                        body.families());
        try {
            return created(batches.create(batch, address(http)));
        } catch (BatchRejectedException e) {
            return rejected(e, uri);
        }
    }

    /**
     * Creates a batch from an operator's files (multipart): {@code batch} (JSON: code, name,
     * regionCode, preselectStartsAt, cartSize, windowSeconds) and the CSV files {@code units},
     * {@code families}, {@code sessions}.
     */
    @POST
    @Path("batches/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response importCsv(
            MultipartBody body,
            @HeaderParam("Content-Length") Long contentLength,
            @Context SecurityContext security,
            @Context HttpServletRequest http,
            @Context UriInfo uri) {
        Caller caller = operator(security, "只有运维人员可以导入选房批次", "Only operators import batches");
        if (contentLength != null && contentLength > MAX_REQUEST_BYTES) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("upload-refused"),
                            "上传的文件过大",
                            "The upload is too large",
                            413,
                            "每个CSV文件不超过20 MB / each CSV file at most 20 MB",
                            null,
                            null));
        }
        List<RowError> tooLarge = new ArrayList<>();
        byte[] json = part(body, "batch", BatchValidator.BATCH, MAX_BATCH_JSON_BYTES, tooLarge);
        byte[] units = part(body, "units", BatchValidator.UNITS, MAX_FILE_BYTES, tooLarge);
        byte[] families = part(body, "families", BatchValidator.FAMILIES, MAX_FILE_BYTES, tooLarge);
        byte[] sessions = part(body, "sessions", BatchValidator.SESSIONS, MAX_FILE_BYTES, tooLarge);
        try {
            if (!tooLarge.isEmpty()) {
                throw new BatchRejectedException(tooLarge);
            }
            return created(
                    batches.importCsv(
                            json == null ? null : new String(json, StandardCharsets.UTF_8),
                            stream(units),
                            stream(families),
                            stream(sessions),
                            caller.accountId(),
                            address(http)));
        } catch (BatchRejectedException e) {
            return rejected(e, uri);
        }
    }

    /** The batches staff may see, newest first. */
    @GET
    @Path("batches")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response list(@Context SecurityContext security) {
        Caller caller = caller(security);
        List<BatchSummary> visible =
                batches.batches().stream()
                        .filter(b -> regions.mayAct(caller, b.regionCode()))
                        .toList();
        return Response.ok(visible).cacheControl(GuangshaRest.noStore()).build();
    }

    /** One batch with its sessions and the statuses of their families. */
    @GET
    @Path("batches/{bid}")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response one(@PathParam("bid") String bid, @Context SecurityContext security) {
        Caller caller = caller(security);
        BatchDetail detail =
                batches.detail(bid)
                        .filter(d -> regions.mayAct(caller, d.batch().regionCode()))
                        .orElseThrow(() -> ProblemException.notFound(null));
        return Response.ok(detail).cacheControl(GuangshaRest.noStore()).build();
    }

    /** A batch's families by rank, a page at a time, names and ID numbers masked. */
    @GET
    @Path("batches/{bid}/families")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response families(
            @PathParam("bid") String bid,
            @QueryParam("status") String status,
            @QueryParam("session") String session,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        visibleBatch(caller, bid);
        String s = blankToNull(status);
        if (s != null && !STATUSES.contains(s)) {
            throw ProblemException.invalidField(
                    "status",
                    "状态应为 " + String.join("、", STATUSES.stream().sorted().toList()),
                    "The status is one of "
                            + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        int p = QueryParams.intOr("page", page, 1, 1, 1_000_000);
        int n = QueryParams.intOr("size", size, 50, 1, MAX_PAGE_SIZE);
        FamilyPage result =
                batches.families(bid, s, blankToNull(session), p, n)
                        .orElseThrow(() -> ProblemException.notFound(null));
        return Response.ok(result).cacheControl(GuangshaRest.noStore()).build();
    }

    /** Closes a session now and runs its auto-assignment (S-6); a closed one answers its run. */
    @POST
    @Path("sessions/{sid}/close")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public RunView close(@PathParam("sid") String sid, @Context SecurityContext security) {
        Caller caller = operator(security, "只有运维人员可以结束场次", "Only operators close sessions");
        return selection.closeSession(sid, caller.accountId());
    }

    /**
     * Publishes a supplementary session (S-9) with the families that applied, by rank: 201 {@code
     * {session, families}}.
     */
    @POST
    @Path("batches/{bid}/supplementary-sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response supplementary(
            @PathParam("bid") String bid,
            SupplementaryRequest body,
            @Context SecurityContext security) {
        Caller caller =
                operator(
                        security,
                        "只有运维人员可以发布补选场次",
                        "Only operators publish supplementary sessions");
        if (body == null) {
            throw ProblemException.invalidField(null, "请求体不能为空", "A body is required");
        }
        if (batches.summary(bid).isEmpty()) {
            throw ProblemException.notFound(null);
        }
        List<FieldError> errors = new ArrayList<>();
        Instant starts = time("startsAt", body.startsAt(), errors);
        Instant ends = time("endsAt", body.endsAt(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        SessionView s =
                selection.publishSupplementary(bid, body.name(), starts, ends, caller.accountId());
        Supplementary view =
                new Supplementary(
                        batches.session(s.id()).orElseThrow(() -> ProblemException.notFound(null)),
                        batches.familiesOfSession(s.id()));
        return Response.status(201)
                .location(URI.create("selection/admin/batches/" + bid))
                .entity(view)
                .cacheControl(GuangshaRest.noStore())
                .build();
    }

    private static Instant time(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "请填写时间", "The time is missing"));
            return null;
        }
        try {
            return CityTimes.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(
                    new FieldError(
                            field,
                            "时间格式应为“2026-11-23 15:00”或“2026-11-23T15:00:00+08:00”",
                            "Times look like 2026-11-23 15:00 or 2026-11-23T15:00:00+08:00"));
            return null;
        }
    }

    private void visibleBatch(Caller caller, String bid) {
        batches.summary(bid)
                .filter(b -> regions.mayAct(caller, b.regionCode()))
                .orElseThrow(() -> ProblemException.notFound(null));
    }

    private static Response created(BatchSummary summary) {
        return Response.status(201)
                // relative to the application's base, /api/
                .location(URI.create("selection/admin/batches/" + summary.id()))
                .entity(summary)
                .build();
    }

    /** 400 problem+json {@code batch-rejected} listing every problem. */
    static Response rejected(BatchRejectedException e, UriInfo uri) {
        List<RowProblem> errors = e.errors().stream().map(RowProblem::of).toList();
        RejectedProblem body =
                new RejectedProblem(
                        Problem.type("batch-rejected"),
                        "选房批次有误，未保存任何数据，请按提示全部改正后重新提交",
                        "The batch has errors and nothing was stored; correct them all and resubmit",
                        400,
                        "共" + errors.size() + "处问题 / " + errors.size() + " problem(s)",
                        instance(uri),
                        errors);
        return Response.status(400)
                .type(GuangshaRest.PROBLEM_JSON + ";charset=UTF-8")
                .cacheControl(GuangshaRest.noStore())
                .entity(body)
                .build();
    }

    private static String instance(UriInfo uri) {
        try {
            return uri == null
                    ? null
                    : GuangshaRest.APPLICATION_BASE
                            + "/"
                            + uri.getPath(true).replaceFirst("^/", "");
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    /**
     * A part's bytes, at most {@code max}; null when absent; a problem of the section if larger.
     */
    private static byte[] part(
            MultipartBody body, String name, String section, int max, List<RowError> tooLarge) {
        Attachment part = body == null ? null : body.getAttachment(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getDataHandler().getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                tooLarge.add(
                        new RowError(
                                section,
                                0,
                                null,
                                name + " 超过 " + max / 1024 + " KB",
                                name + " exceeds " + max / 1024 + " KB"));
                return new byte[0];
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(byte[] bytes) {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** The caller when an operator; anyone else 403 {@code forbidden}. */
    static Caller operator(SecurityContext security, String title, String titleEn) {
        Caller caller = security.getUserPrincipal() instanceof Caller c ? c : null;
        if (caller == null || !caller.roles().contains("OPERATOR")) {
            throw ProblemException.forbidden(title, titleEn);
        }
        return caller;
    }

    private static String address(HttpServletRequest http) {
        return http == null ? null : http.getRemoteAddr();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
