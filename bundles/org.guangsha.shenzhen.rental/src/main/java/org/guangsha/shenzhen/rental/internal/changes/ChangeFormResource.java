package org.guangsha.shenzhen.rental.internal.changes;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.shenzhen.rental.internal.Replies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/shenzhen/rental/changes/cases/{caseId}}: the review form of a change (SZ-3, SZ-5).
 */
@Component(service = ChangeFormResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFormResource {

    private final ChangesService changes;

    /** Built by DS. */
    @Activate
    public ChangeFormResource(@Reference ChangesService changes) {
        this.changes = changes;
    }

    /** The review form of a change's case: the applicant and the region's caseworkers. */
    @GET
    @Path("cases/{caseId}")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response form(@PathParam("caseId") String caseId, @Context SecurityContext security) {
        return Replies.ok(changes.form(Replies.caller(security), caseId));
    }
}
