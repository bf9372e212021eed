package org.guangsha.selection.internal.signing;

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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/selection/signing-cases/{id}}: the form of a signing case (网上签约审核) as the review
 * console shows it: whole for its applicant, masked for the caseworkers of its region, 404 for
 * anyone else.
 */
@Component(service = SigningCaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection/signing-cases")
@Produces(MediaType.APPLICATION_JSON)
public class SigningCaseResource {

    private final SelectionSigning signing;

    /** Built by DS. */
    @Activate
    public SigningCaseResource(@Reference SelectionSigning signing) {
        this.signing = signing;
    }

    /** The case's form: {@code {caseId, typeId, fields: [{name, label, value}], documents}}. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    public Response form(@PathParam("id") String caseId, @Context SecurityContext security) {
        return SigningResource.ok(signing.caseForm(caseId, SigningResource.caller(security)));
    }
}
