package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/identity/staff}: operators create caseworker and operator accounts; staff list the
 * caseworkers of a region they may act in.
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

    /** A staff account as other staff see it. */
    public record StaffView(
            String id, String username, String name, String role, String regionCode) {}

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
        Caller caller = RestSupport.caller(security);
        if (!caller.roles().contains("OPERATOR")) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("forbidden"),
                            "只有运维管理员可以创建工作人员账号",
                            "Only operators create staff accounts",
                            403,
                            null,
                            null,
                            null));
        }
        RestSupport.required(request);
        StaffView created =
                view(
                        staff.create(
                                request,
                                caller.accountId(),
                                http == null ? null : http.getRemoteAddr()));
        return Response.status(201).entity(created).build();
    }

    /** Caseworkers of a region (and below); only for staff who may act there. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "区域内的工作人员 / Caseworkers of a region")
    public List<StaffView> inRegion(
            @QueryParam("region") String region, @Context SecurityContext security) {
        if (regions.region(region).isEmpty()) {
            throw ProblemException.invalidField("region", "未知的区域代码", "Unknown region code");
        }
        regions.checkScope(RestSupport.caller(security), region);
        return staff.inRegion(region).stream().map(StaffResource::view).toList();
    }

    static StaffView view(AccountEntity a) {
        return new StaffView(
                a.id(), a.username(), a.name(), String.join(",", a.roles()), a.regionCode());
    }
}
