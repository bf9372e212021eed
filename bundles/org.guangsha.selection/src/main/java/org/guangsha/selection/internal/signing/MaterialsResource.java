package org.guangsha.selection.internal.signing;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
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
 * {@code GET /api/selection/families/{fid}/materials} (材料管理, S-13): the signed lease and, once the
 * signing was approved, the occupancy notice, each viewed, downloaded and printed through the
 * core's {@code /api/documents/{id}/pdf}.
 */
@Component(service = MaterialsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection/families/{fid}/materials")
@Produces(MediaType.APPLICATION_JSON)
@RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
public class MaterialsResource {

    private final SelectionSigning signing;

    /** Built by DS. */
    @Activate
    public MaterialsResource(@Reference SelectionSigning signing) {
        this.signing = signing;
    }

    /** The family's materials. */
    @GET
    public Response materials(
            @PathParam("fid") String familyId, @Context SecurityContext security) {
        return SigningResource.ok(signing.materials(familyId, SigningResource.caller(security)));
    }
}
