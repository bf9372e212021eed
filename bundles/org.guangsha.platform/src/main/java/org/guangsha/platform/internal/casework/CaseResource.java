package org.guangsha.platform.internal.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/cases}: a citizen's own cases (我的申请) with their timeline, live progress (实时审核进度) by
 * long polling, submission and the two-step withdrawal (放弃申请, C-3). Others' cases answer 404.
 */
@Component(service = CaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {

    /** Longest a progress request waits for a change. */
    static final int MAX_WAIT_SECONDS = 30;

    /** Body of the withdrawal's second step. */
    public record ConfirmRequest(String confirmationToken) {}

    private final CaseStore cases;
    private final Regions regions;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "guangsha-case-progress");
                        t.setDaemon(true);
                        return t;
                    });

    /** Built by DS. */
    @Activate
    public CaseResource(@Reference CaseStore cases, @Reference Regions regions) {
        this.cases = cases;
        this.regions = regions;
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    /** My cases, newest first (no timeline). */
    @GET
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "我的申请 / My applications")
    public Response mine(@Context SecurityContext security) {
        List<CaseViews.CaseView> list =
                cases.ofApplicant(RestSupport.caller(security).accountId()).stream()
                        .map(c -> CaseViews.of(c, null, cases, regions, false))
                        .toList();
        return Response.ok(list).cacheControl(RestSupport.noStore()).build();
    }

    /** One of my cases with its timeline (审核状态). */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "申请详情与审核进度 / A case and its timeline")
    public Response one(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(view(mine(id, RestSupport.caller(security))))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /**
     * 实时审核进度 by long polling: answers at once when the case's version is above {@code since},
     * otherwise when it changes, or after {@code wait} seconds (at most 30) with the case as it is.
     * The page calls it again with the version it got.
     */
    @GET
    @Path("{id}/progress")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "实时审核进度（长轮询） / Live progress (long polling)")
    public void progress(
            @PathParam("id") String id,
            @QueryParam("since") long since,
            @QueryParam("wait") Integer wait,
            @Context SecurityContext security,
            @Suspended AsyncResponse response) {
        Caller caller = RestSupport.caller(security);
        CaseRecord now = mine(id, caller);
        if (now.version() > since) {
            response.resume(Response.ok(view(now)).cacheControl(RestSupport.noStore()).build());
            return;
        }
        int seconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, wait == null ? 25 : wait));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        response.setTimeout(seconds + 5L, TimeUnit.SECONDS);
        poll(id, caller, since, deadline, response);
    }

    private void poll(
            String id, Caller caller, long since, Instant deadline, AsyncResponse response) {
        poller.schedule(
                () -> {
                    if (response.isDone()) {
                        return;
                    }
                    try {
                        CaseRecord c = mine(id, caller);
                        if (c.version() > since || Instant.now().isAfter(deadline)) {
                            response.resume(
                                    Response.ok(view(c))
                                            .cacheControl(RestSupport.noStore())
                                            .build());
                        } else {
                            poll(id, caller, since, deadline, response);
                        }
                    } catch (RuntimeException e) {
                        response.resume(e);
                    }
                },
                // every node polls the database, so a change on another node is seen too
                500,
                TimeUnit.MILLISECONDS);
    }

    /** Submits my DRAFT or RETURNED case. */
    @POST
    @Path("{id}/submit")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "提交申请 / Submit")
    public Response submit(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        mine(id, caller);
        return Response.ok(view(cases.submit(id, caller.accountId()))).build();
    }

    /** 放弃申请, step one: what withdrawing erases, and the token step two needs (valid 5 minutes). */
    @POST
    @Path("{id}/withdraw")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "放弃申请（第一步） / Withdraw, step one")
    public Response withdraw(@PathParam("id") String id, @Context SecurityContext security) {
        CaseStore.WithdrawalNotice n =
                cases.requestWithdrawal(id, RestSupport.caller(security).accountId());
        return Response.ok(
                        java.util.Map.of(
                                "confirmationToken",
                                n.confirmationToken(),
                                "expiresAt",
                                RestSupport.cityTime(n.expiresAt()),
                                "consequences",
                                n.consequences()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** 放弃申请, step two: with the token, the case is void and its data erased. */
    @POST
    @Path("{id}/withdraw/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "确认放弃申请（第二步） / Withdraw, step two")
    public Response confirm(
            @PathParam("id") String id, ConfirmRequest body, @Context SecurityContext security) {
        String token = body == null ? null : body.confirmationToken();
        return Response.ok(
                        view(
                                cases.confirmWithdrawal(
                                        id, RestSupport.caller(security).accountId(), token)))
                .build();
    }

    private CaseRecord mine(String id, Caller caller) {
        return cases.find(id)
                .filter(c -> c.applicantId().equals(caller.accountId()))
                .orElseThrow(() -> ProblemException.notFound(null));
    }

    private CaseViews.CaseView view(CaseRecord c) {
        return CaseViews.of(c, cases.timeline(c.id()), cases, regions, false);
    }
}
