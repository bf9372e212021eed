package org.guangsha.shenzhen.rental.internal.records;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.PoaRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/shenzhen/rental/powers-of-attorney}: SZ-8, 授权委托书打印: the applications and the valid
 * power of attorney with its 深圳市不动产登记申请表, and applying when there is none.
 */
@Component(service = PowersOfAttorneyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/powers-of-attorney")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PowersOfAttorneyResource {

    private final RecordsService records;

    /** Built by DS. */
    @Activate
    public PowersOfAttorneyResource(@Reference RecordsService records) {
        this.records = records;
    }

    /** My applications, the valid one, and whether to apply. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response mine(@Context SecurityContext security) {
        return RecordsResource.ok(records.powersOfAttorney(RecordsResource.caller(security)));
    }

    /** Applies: 201; 409 {@code power-of-attorney-exists} / {@code application-open}. */
    @POST
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response apply(PoaRequest body, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED)
                .entity(records.applyForPoa(RecordsResource.caller(security), body))
                .cacheControl(GuangshaRest.noStore())
                .build();
    }
}
