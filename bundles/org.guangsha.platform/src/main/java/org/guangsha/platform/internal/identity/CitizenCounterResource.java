package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/identity/citizens}: what counter staff do with a citizen in front of them: find the
 * account by the ID card, and record the in-person check that makes it L3 (I-2).
 */
@Component(service = CitizenCounterResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity/citizens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class CitizenCounterResource {

    /** A citizen as staff see it: masked, like every list. */
    public record CitizenView(
            String id, String name, String idNumber, String mobile, TrustLevel trustLevel) {}

    private final AccountService accounts;

    /** Built by DS. */
    @Activate
    public CitizenCounterResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** The citizen account with this ID number. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L3, kinds = AccountKind.STAFF)
    @Operation(summary = "按身份证号查找居民账号（柜台）/ Find a citizen by ID number (counter)")
    public CitizenView find(@QueryParam("idNumber") String idNumber) {
        AccountEntity a =
                accounts.citizenByIdNumber(idNumber)
                        .orElseThrow(() -> ProblemException.notFound("未找到该身份证号的账号"));
        return new CitizenView(
                a.id(),
                Masking.name(a.name()),
                ResidentIdNumber.mask(a.idNumber()),
                Masking.mobile(a.mobile()),
                a.trustLevel());
    }

    /** Records that a caseworker checked the citizen's ID card in person: L3. */
    @POST
    @Path("{id}/in-person-verification")
    @RequiresTrustLevel(value = TrustLevel.L3, kinds = AccountKind.STAFF)
    @Operation(summary = "现场核验（柜台）/ In-person verification at the counter")
    public Map<String, Object> verifyInPerson(
            @PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        return Map.of("id", id, "trustLevel", accounts.verifyInPerson(id, caller.accountId()));
    }
}
