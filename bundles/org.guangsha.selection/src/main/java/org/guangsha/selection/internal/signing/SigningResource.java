package org.guangsha.selection.internal.signing;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/selection/families/{fid}/signing}: the main applicant of a family with a unit walks
 * the signing (网上签约, S-12) step by step; the bundle README lists the paths, bodies and the 409
 * types of steps out of order. Anyone else, the family's other members included, gets 404.
 */
@Component(service = SigningResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection/families/{fid}/signing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
public class SigningResource {

    private final SelectionSigning signing;

    /** Built by DS. */
    @Activate
    public SigningResource(@Reference SelectionSigning signing) {
        this.signing = signing;
    }

    /** Where the signing stands: home, applicant, step, what is done, ceremony, deposit, case. */
    @GET
    public Response state(@PathParam("fid") String familyId, @Context SecurityContext security) {
        return ok(signing.state(familyId, caller(security)));
    }

    /** 确认手机号码: keeps the mobile now on the account (after changing it, if wished). */
    @POST
    @Path("mobile/keep")
    public Response keepMobile(
            @PathParam("fid") String familyId, @Context SecurityContext security) {
        return ok(signing.keepMobile(familyId, caller(security)));
    }

    /** 租金托收: bank, account holder, card number and photos of both sides of the card. */
    @POST
    @Path("bank")
    public Response bank(
            @PathParam("fid") String familyId,
            BankDetails body,
            @Context SecurityContext security) {
        return ok(signing.saveBank(familyId, caller(security), body));
    }

    /** 人脸识别 and 签订合同: starts the core's signing ceremony, or answers the one running. */
    @POST
    @Path("ceremony")
    public Response ceremony(@PathParam("fid") String familyId, @Context SecurityContext security) {
        return ok(signing.startCeremony(familyId, caller(security)));
    }

    /** 租赁保证金: the payment order to scan with another device. */
    @POST
    @Path("deposit")
    public Response deposit(@PathParam("fid") String familyId, @Context SecurityContext security) {
        return ok(signing.deposit(familyId, caller(security)));
    }

    /** 提交: opens and submits the signing case (网上签约审核), or resubmits a returned one. */
    @POST
    @Path("submit")
    public Response submit(@PathParam("fid") String familyId, @Context SecurityContext security) {
        return ok(signing.submit(familyId, caller(security)));
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    static Response ok(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.ok(entity).cacheControl(noStore).build();
    }
}
