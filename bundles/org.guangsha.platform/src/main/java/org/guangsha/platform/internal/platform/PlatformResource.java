package org.guangsha.platform.internal.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Public platform information: health and the business modules installed. Both are open to anyone
 * (load balancers and the portal's menu need them before login) and reveal nothing personal.
 */
@Component(service = PlatformResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform", description = "平台状态与业务模块 / Platform status and business modules")
public class PlatformResource {

    private final HealthService health;
    private final ModuleRegistry modules;
    private final Regions regions;

    /** Built by DS, or by tests with fakes. */
    @Activate
    public PlatformResource(
            @Reference HealthService health,
            @Reference ModuleRegistry modules,
            @Reference Regions regions) {
        this.health = health;
        this.modules = modules;
        this.regions = regions;
    }

    /** The region tree of this installation (public: codes and names of regions). */
    @GET
    @Path("regions")
    @Operation(summary = "区域 / The region tree (province, city, district/county)")
    public List<Region> regions() {
        return regions.tree();
    }

    /** 200 when the platform and its database work, 503 otherwise. */
    @GET
    @Path("health")
    @Operation(
            summary = "健康检查 / Health",
            description = "200 when the platform and its database work, 503 when not.")
    public Response health() {
        Health now = health.check();
        CacheControl noCache = new CacheControl();
        noCache.setNoStore(true);
        return Response.status(now.up() ? 200 : 503).cacheControl(noCache).entity(now).build();
    }

    /**
     * The business modules installed now, in menu order; staff also get each module's console menu
     * entries their role may see.
     */
    @GET
    @Path("modules")
    @Operation(
            summary = "已安装的业务模块 / Installed business modules",
            description =
                    "The portal builds its menu from this list; for staff, consoleMenu lists"
                            + " the entries of each module in the console.")
    public List<ModuleView> modules(@Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        return modules.modules().stream().map(m -> ModuleView.of(m, caller)).toList();
    }
}
