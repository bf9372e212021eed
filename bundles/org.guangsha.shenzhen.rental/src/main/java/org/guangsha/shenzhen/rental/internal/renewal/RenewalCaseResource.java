package org.guangsha.shenzhen.rental.internal.renewal;

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
 * {@code /api/shenzhen/rental/renewal-cases/{caseId}}: the masked form of a renewal or contract
 * case (SZ-2) for its applicant and its caseworkers. The lessee's renewal paths are in {@code
 * LeaseResource}.
 */
@Component(service = RenewalCaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/renewal-cases")
@Produces(MediaType.APPLICATION_JSON)
public class RenewalCaseResource {

    private final RenewalService renewals;

    /** Built by DS. */
    @Activate
    public RenewalCaseResource(@Reference RenewalService renewals) {
        this.renewals = renewals;
    }

    /** The masked form of a renewal or contract case: its applicant and its caseworkers. */
    @GET
    @Path("{caseId}")
    @RequiresTrustLevel(TrustLevel.L2)
    public Response caseForm(@PathParam("caseId") String caseId, @Context SecurityContext s) {
        return Replies.ok(renewals.caseForm(Replies.caller(s), caseId));
    }
}
