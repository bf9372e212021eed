package org.guangsha.shenzhen.rental.internal.records;

import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.guangsha.shenzhen.rental.internal.records.RecordViews.DocumentView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.ShareRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/shenzhen/rental/property-shares}: SZ-7, 安居房产权份额打印: the share information held,
 * applying when there is none, and printing the certificate (valid one month).
 */
@Component(service = PropertySharesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/property-shares")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PropertySharesResource {

    private final RecordsService records;

    /** Built by DS. */
    @Activate
    public PropertySharesResource(@Reference RecordsService records) {
        this.records = records;
    }

    /** My share information, applications, 安居房 purchases, and whether to apply. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response mine(@Context SecurityContext security) {
        return RecordsResource.ok(records.shares(RecordsResource.caller(security)));
    }

    /**
     * Applies for share information (none held): 201; 409 {@code property-share-exists} / {@code
     * application-open}.
     */
    @POST
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response apply(ShareRequest body, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED)
                .entity(records.applyForShare(RecordsResource.caller(security), body))
                .cacheControl(GuangshaRest.noStore())
                .build();
    }

    /** Prints: 201 with a new certificate, 200 with the one still valid. */
    @POST
    @Path("{id}/certificate")
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response print(@PathParam("id") String id, @Context SecurityContext security) {
        Map.Entry<DocumentView, Boolean> d =
                records.printShare(RecordsResource.caller(security), id);
        return Response.status(d.getValue() ? 201 : 200)
                .entity(d.getKey())
                .cacheControl(GuangshaRest.noStore())
                .build();
    }
}
