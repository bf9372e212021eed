package org.guangsha.shenzhen.rental.internal.records;

import java.util.LinkedHashMap;
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
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.RecordRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/shenzhen/rental/records}: SZ-6, the policy-housing record (政策性住房信息查询): the
 * applications, applying (once per city month), and the masked form of a case of SZ-6 … SZ-8 for
 * its reviewing caseworkers ({@code …/records/cases/{caseId}}).
 */
@Component(service = RecordsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecordsResource {

    private final RecordsService records;

    /** Built by DS. */
    @Activate
    public RecordsResource(@Reference RecordsService records) {
        this.records = records;
    }

    /** My applications with status and certificate, and whether I may apply this month. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response mine(@Context SecurityContext security) {
        return ok(records.records(caller(security)));
    }

    /**
     * Applies (SZ-6): 201 with the application; 409 {@code record-once-a-month} with {@code
     * nextPossibleAt}.
     */
    @POST
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response apply(RecordRequest body, @Context SecurityContext security) {
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(records.applyForRecord(caller(security), body))
                    .cacheControl(GuangshaRest.noStore())
                    .build();
        } catch (OnceAMonthException e) {
            Problem p = e.problem();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", p.type());
            out.put("title", p.title());
            out.put("titleEn", p.titleEn());
            out.put("status", p.status());
            out.put("detail", p.detail());
            out.put("instance", "/api/shenzhen/rental/records");
            out.put("errors", p.errors());
            out.put("nextPossibleAt", e.nextPossibleAt().toString());
            return Response.status(409).type(GuangshaRest.PROBLEM_JSON).entity(out).build();
        }
    }

    /** The form of a case of SZ-6 … SZ-8: its applicant and its region's caseworkers. */
    @GET
    @Path("cases/{caseId}")
    @RequiresTrustLevel(TrustLevel.L2)
    public Response caseForm(
            @PathParam("caseId") String caseId, @Context SecurityContext security) {
        return ok(records.caseForm(caller(security), caseId));
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    static Response ok(Object entity) {
        return Response.ok(entity).cacheControl(GuangshaRest.noStore()).build();
    }
}
