package org.guangsha.platform.internal.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.attachment.AttachmentStore;
import org.guangsha.platform.internal.rest.Paging;
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
 * {@code /api/review} (C-2): the caseworker's queue, scoped to their region and level, paged and
 * sortable; a case with its timeline and files; taking a case; decisions (approve, reject with a
 * reason, return with remarks per field), each naming the version it was made on.
 */
@Component(service = ReviewResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class ReviewResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** Body of a decision. */
    public record DecisionRequest(
            CaseStore.Decision decision,
            String reason,
            Map<String, String> remarks,
            Long version) {}

    /** Body of taking a case. */
    public record ClaimRequest(Long version) {}

    /** One page of the queue; {@code page} counts from 1. */
    public record QueueView(List<CaseViews.CaseView> items, int page, int size, long total) {}

    /** A case as its caseworker sees it, with the files filed with it. */
    public record ReviewView(CaseViews.CaseView record, List<Attachment> attachments) {}

    private final CaseStore cases;
    private final Regions regions;
    private final AttachmentStore attachments;

    /** Built by DS. */
    @Activate
    public ReviewResource(
            @Reference CaseStore cases,
            @Reference Regions regions,
            @Reference AttachmentStore attachments) {
        this.cases = cases;
        this.regions = regions;
        this.attachments = attachments;
    }

    /**
     * My queue: open cases of my region at my level, oldest submission first ({@code
     * sort=submittedAt,desc} for newest); {@code page} from 1 like every list of the API, {@code
     * size} 1 to 100 (default 20); a page or size out of range is a 400 naming it.
     */
    @GET
    @Path("queue")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "待审核队列 / My review queue")
    public QueueView queue(
            @QueryParam("type") String type,
            @QueryParam("level") Integer level,
            @QueryParam("status") String statusName,
            @QueryParam("region") String region,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") @DefaultValue("submittedAt,asc") String sort,
            @Context SecurityContext security) {
        // read as text: an unknown name is a 400 naming the field, not JAX-RS's 404
        CaseStatus status =
                statusName == null || statusName.isBlank()
                        ? null
                        : "SUBMITTED".equals(statusName)
                                ? CaseStatus.SUBMITTED
                                : "UNDER_REVIEW".equals(statusName)
                                        ? CaseStatus.UNDER_REVIEW
                                        : null;
        if (statusName != null && !statusName.isBlank() && status == null) {
            throw ProblemException.invalidField(
                    "status", "队列只含待审核的申请", "The queue holds SUBMITTED and UNDER_REVIEW");
        }
        Paging paging = Paging.of(page, size, DEFAULT_SIZE, MAX_SIZE);
        if (!sort.equals("submittedAt,asc") && !sort.equals("submittedAt,desc")) {
            throw ProblemException.invalidField(
                    "sort", "排序方式为 submittedAt,asc 或 submittedAt,desc", "Unknown sort");
        }
        CaseStore.Page p =
                cases.queue(
                        RestSupport.caller(security),
                        type,
                        level,
                        status,
                        region,
                        paging,
                        sort.endsWith("desc"));
        return new QueueView(
                p.items().stream().map(c -> CaseViews.of(c, null, cases, regions, false)).toList(),
                p.page(),
                p.size(),
                p.total());
    }

    /** A case of my region with its timeline and files. */
    @GET
    @Path("cases/{id}")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "审核详情 / A case to review")
    public Response one(@PathParam("id") String id, @Context SecurityContext security) {
        CaseRecord c = visible(id, RestSupport.caller(security));
        return Response.ok(
                        new ReviewView(
                                CaseViews.of(c, cases.timeline(id), cases, regions, true),
                                attachments.ofCase(id)))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Takes a case of my level (SUBMITTED → UNDER_REVIEW, assigned to me). */
    @POST
    @Path("cases/{id}/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "领取审核 / Take a case")
    public Response claim(
            @PathParam("id") String id, ClaimRequest body, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        visible(id, caller);
        CaseRecord c = cases.claim(id, caller, version(body == null ? null : body.version()));
        return Response.ok(CaseViews.of(c, cases.timeline(id), cases, regions, true)).build();
    }

    /** Decides at the case's current level; 409 when the case changed since {@code version}. */
    @POST
    @Path("cases/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "审核决定 / Decide")
    public Response decide(
            @PathParam("id") String id, DecisionRequest body, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        DecisionRequest d = RestSupport.required(body);
        visible(id, caller);
        CaseRecord c =
                cases.decide(
                        id, caller, version(d.version()), d.decision(), d.reason(), d.remarks());
        return Response.ok(CaseViews.of(c, cases.timeline(id), cases, regions, true)).build();
    }

    private CaseRecord visible(String id, Caller caller) {
        return cases.find(id)
                .filter(c -> cases.mayReview(caller, c))
                .orElseThrow(() -> ProblemException.notFound(null));
    }

    private static long version(Long version) {
        if (version == null) {
            throw ProblemException.invalidField(
                    "version", "请提供所审核申请的版本号", "Name the version of the case you decide on");
        }
        return version;
    }
}
