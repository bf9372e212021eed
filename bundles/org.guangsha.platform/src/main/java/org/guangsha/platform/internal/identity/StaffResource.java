package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
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
 * {@code /api/identity/staff}: operators create caseworker and operator accounts, list them all and
 * disable or enable them; staff list the caseworkers of a region they may act in. Staff accounts
 * hold no mobile number, so the lists show none.
 */
@Component(service = StaffResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class StaffResource {

    /**
     * A staff account as other staff see it.
     *
     * @param role {@code CASEWORKER} or {@code OPERATOR}
     * @param regionCode a caseworker's region; null for operators
     * @param disabled whether an operator disabled it
     * @param disabledAt since when, or null
     */
    public record StaffView(
            String id,
            String username,
            String name,
            String role,
            String regionCode,
            boolean disabled,
            OffsetDateTime disabledAt) {}

    private final StaffService staff;
    private final Regions regions;

    /** Built by DS. */
    @Activate
    public StaffResource(@Reference StaffService staff, @Reference Regions regions) {
        this.staff = staff;
        this.regions = regions;
    }

    /** Creates a caseworker or operator account (operators only). */
    @POST
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "创建工作人员账号 / Create a caseworker or operator account")
    public Response create(
            StaffService.NewStaff request,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Caller caller =
                RestSupport.operator(
                        security, "只有运维管理员可以创建工作人员账号", "Only operators create staff accounts");
        RestSupport.required(request);
        StaffView created =
                view(
                        staff.create(
                                request,
                                caller.accountId(),
                                http == null ? null : http.getRemoteAddr()));
        return Response.status(201).entity(created).build();
    }

    /**
     * Staff accounts by user name. With {@code region}: the caseworkers of that region and below,
     * for staff who may act there. Without: every staff account (caseworkers of all regions and
     * operators) for operators, the caseworkers of their own region for caseworkers.
     */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "工作人员 / Staff accounts (of a region)")
    public Response inRegion(
            @QueryParam("region") String region, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        List<AccountEntity> found;
        if (region == null || region.isBlank()) {
            found =
                    caller.roles().contains("OPERATOR")
                            ? staff.all()
                            : caller.regionCode() == null
                                    ? List.of()
                                    : staff.inRegion(caller.regionCode());
        } else {
            String code = region.strip();
            if (regions.region(code).isEmpty()) {
                throw ProblemException.invalidField("region", "未知的区域代码", "Unknown region code");
            }
            regions.checkScope(caller, code);
            found = staff.inRegion(code);
        }
        return Response.ok(found.stream().map(StaffResource::view).toList())
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /**
     * Disables a staff account (operators only): it can no longer log in and its logins end at
     * once. 404 for an id that is no staff account; 409 {@code own-account} for oneself.
     */
    @POST
    @Path("{id}/disable")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "停用工作人员账号 / Disable a staff account (operators)")
    public StaffView disable(
            @PathParam("id") String id,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return setDisabled(id, true, security, http);
    }

    /** Enables a disabled staff account again (operators only); it logs in afresh. */
    @POST
    @Path("{id}/enable")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "启用工作人员账号 / Enable a staff account (operators)")
    public StaffView enable(
            @PathParam("id") String id,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return setDisabled(id, false, security, http);
    }

    private StaffView setDisabled(
            String id, boolean disable, SecurityContext security, HttpServletRequest http) {
        Caller caller =
                RestSupport.operator(
                        security,
                        "只有运维管理员可以停用或启用工作人员账号",
                        "Only operators disable or enable staff accounts");
        return view(
                staff.setDisabled(
                        id,
                        disable,
                        caller.accountId(),
                        http == null ? null : http.getRemoteAddr()));
    }

    static StaffView view(AccountEntity a) {
        return new StaffView(
                a.id(),
                a.username(),
                a.name(),
                String.join(",", a.roles()),
                a.regionCode(),
                a.disabled(),
                RestSupport.cityTime(a.disabledAt()));
    }
}
