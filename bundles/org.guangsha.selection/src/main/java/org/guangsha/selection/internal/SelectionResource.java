package org.guangsha.selection.internal;

import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.SelectionService.AllocationView;
import org.guangsha.selection.internal.SelectionService.CartView;
import org.guangsha.selection.internal.SelectionService.Facets;
import org.guangsha.selection.internal.SelectionService.FamilyView;
import org.guangsha.selection.internal.SelectionService.ResultView;
import org.guangsha.selection.internal.SelectionService.Stage;
import org.guangsha.selection.internal.SelectionService.UnitPage;
import org.guangsha.selection.internal.SelectionService.UnitQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/selection}: a family's pre-selection, formal selection, confirmation, result, giving
 * up and supplementary application (S-2 … S-9), for its main applicant (an L2 citizen whose ID
 * number the batch names); and the units of a batch for its families and staff. Every rule is
 * checked by {@link SelectionService}; a family of someone else answers 404.
 */
@Component(service = SelectionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection")
@Produces(MediaType.APPLICATION_JSON)
public class SelectionResource {

    /** Body of a move. */
    public record MoveRequest(String to) {}

    /** Body naming a unit. */
    public record UnitRequest(String unitId) {}

    /** Body of a confirm: the unit and the request's idempotency key. */
    public record ConfirmRequest(String unitId, String idempotencyKey) {}

    /** Body of giving up: the word typed to confirm. */
    public record GiveUpRequest(String confirm) {}

    static final int MAX_PAGE_SIZE = 100;

    private final SelectionService selection;

    /** Built by DS. */
    @Activate
    public SelectionResource(@Reference SelectionService selection) {
        this.selection = selection;
    }

    /** The caller's families. */
    @GET
    @Path("me")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public List<FamilyView> me(@Context SecurityContext security) {
        return selection.mine(caller(security));
    }

    /** One of the caller's families. */
    @GET
    @Path("families/{fid}")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public FamilyView family(@PathParam("fid") String fid, @Context SecurityContext security) {
        return selection.family(caller(security), fid);
    }

    /** Units of a batch, for its families and staff. */
    @GET
    @Path("batches/{bid}/units")
    @RequiresTrustLevel(TrustLevel.L2)
    public UnitPage units(
            @PathParam("bid") String bid,
            @QueryParam("building") String building,
            @QueryParam("unitType") String unitType,
            @QueryParam("orientation") String orientation,
            @QueryParam("roomNumber") String roomNumber,
            @QueryParam("floor") String floor,
            @QueryParam("free") String free,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context SecurityContext security) {
        mayRead(caller(security), bid);
        return selection.units(
                bid,
                new UnitQuery(
                        building,
                        unitType,
                        orientation,
                        roomNumber,
                        QueryParams.intOrNull("floor", floor, -10, 300),
                        QueryParams.bool("free", free),
                        QueryParams.intOr("page", page, 1, 1, 100_000),
                        QueryParams.intOr("size", size, 20, 1, MAX_PAGE_SIZE)));
    }

    /** The values of a batch's search form. */
    @GET
    @Path("batches/{bid}/facets")
    @RequiresTrustLevel(TrustLevel.L2)
    public Facets facets(@PathParam("bid") String bid, @Context SecurityContext security) {
        mayRead(caller(security), bid);
        return selection.facets(bid);
    }

    /** 我已阅读并同意声明, pre-selection (S-2). */
    @POST
    @Path("families/{fid}/preselection/declaration")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public FamilyView declarePreselection(
            @PathParam("fid") String fid, @Context SecurityContext security) {
        return selection.declarePreselection(caller(security), fid);
    }

    /** A cart (S-2 … S-4). */
    @GET
    @Path("families/{fid}/cart/{stage}")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public CartView cart(
            @PathParam("fid") String fid,
            @PathParam("stage") String stage,
            @Context SecurityContext security) {
        return selection.cart(caller(security), fid, stage(stage));
    }

    /** Adds a unit to a cart. */
    @POST
    @Path("families/{fid}/cart/{stage}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public CartView add(
            @PathParam("fid") String fid,
            @PathParam("stage") String stage,
            UnitRequest body,
            @Context SecurityContext security) {
        String unitId = body == null ? null : body.unitId();
        if (unitId == null || unitId.isBlank()) {
            throw ProblemException.invalidField("unitId", "请选择房源", "Choose a unit");
        }
        return selection.addToCart(caller(security), fid, stage(stage), unitId);
    }

    /** Removes a unit from a cart. */
    @DELETE
    @Path("families/{fid}/cart/{stage}/items/{unitId}")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public CartView remove(
            @PathParam("fid") String fid,
            @PathParam("stage") String stage,
            @PathParam("unitId") String unitId,
            @Context SecurityContext security) {
        return selection.removeFromCart(caller(security), fid, stage(stage), unitId);
    }

    /** Moves a unit up, down or to the top. */
    @POST
    @Path("families/{fid}/cart/{stage}/items/{unitId}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public CartView move(
            @PathParam("fid") String fid,
            @PathParam("stage") String stage,
            @PathParam("unitId") String unitId,
            MoveRequest body,
            @Context SecurityContext security) {
        return selection.move(
                caller(security), fid, stage(stage), unitId, body == null ? null : body.to());
    }

    /** 我已阅读并同意声明, formal selection: starts the window (S-4). */
    @POST
    @Path("families/{fid}/formal/declaration")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public FamilyView declareFormal(
            @PathParam("fid") String fid, @Context SecurityContext security) {
        return selection.declareFormal(caller(security), fid);
    }

    /** 确认同步 (S-4). */
    @POST
    @Path("families/{fid}/formal/sync")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public CartView sync(@PathParam("fid") String fid, @Context SecurityContext security) {
        return selection.sync(caller(security), fid);
    }

    /** 确认正选 (S-5), idempotent by key. */
    @POST
    @Path("families/{fid}/formal/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public AllocationView confirm(
            @PathParam("fid") String fid, ConfirmRequest body, @Context SecurityContext security) {
        ConfirmRequest b = body == null ? new ConfirmRequest(null, null) : body;
        return selection.confirm(caller(security), fid, b.unitId(), b.idempotencyKey());
    }

    /** 我的结果 (S-8). */
    @GET
    @Path("families/{fid}/result")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public ResultView result(@PathParam("fid") String fid, @Context SecurityContext security) {
        return selection.result(caller(security), fid);
    }

    /** 主动放弃选房. */
    @POST
    @Path("families/{fid}/give-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public FamilyView giveUp(
            @PathParam("fid") String fid, GiveUpRequest body, @Context SecurityContext security) {
        return selection.giveUp(caller(security), fid, body == null ? null : body.confirm());
    }

    /** 补选申请 (S-9). */
    @POST
    @Path("families/{fid}/supplement")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public FamilyView supplement(@PathParam("fid") String fid, @Context SecurityContext security) {
        return selection.applySupplement(caller(security), fid);
    }

    private void mayRead(Caller caller, String batchId) {
        boolean staff =
                caller.roles().contains("CASEWORKER") || caller.roles().contains("OPERATOR");
        if (!staff
                && !(caller.kind() == AccountKind.CITIZEN
                        && selection.isFamilyOf(caller, batchId))) {
            throw ProblemException.notFound(null);
        }
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    static Stage stage(String stage) {
        try {
            return Stage.valueOf(stage.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(null);
        }
    }
}
