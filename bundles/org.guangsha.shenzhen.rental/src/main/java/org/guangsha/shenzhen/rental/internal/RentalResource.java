package org.guangsha.shenzhen.rental.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
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
 * {@code /api/shenzhen/rental/me}: the personal page (SZ-1) of a verified citizen (L2, I-4) or of
 * an organization (法人, which logs in with its credit code). A citizen below L2 gets 403 {@code
 * trust-level-required}, so the page shows the verification prompt; staff 403.
 */
@Component(service = RentalResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental")
@Produces(MediaType.APPLICATION_JSON)
public class RentalResource {

    private final PersonalPage page;

    /** Built by DS. */
    @Activate
    public RentalResource(@Reference PersonalPage page) {
        this.page = page;
    }

    /** The caller's homes, ranks and services. */
    @GET
    @Path("me")
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response me(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.kind() == AccountKind.CITIZEN && !caller.trustLevel().satisfies(TrustLevel.L2)) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("trust-level-required"),
                            "请先完成实名认证",
                            "Real-name verification (L2) is required",
                            403,
                            "L2",
                            null,
                            null));
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(page.me(caller)).cacheControl(noStore).build();
    }
}
