package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.RateLimited;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/identity/mobile}: a logged-in citizen changes the mobile number of the account
 * (修改手机号码) with an SMS code sent to the new number. Any line may offer it (the selection line's
 * signing does).
 */
@Component(service = MobileResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity/mobile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class MobileResource {

    /** Body of {@code POST /mobile/code}. */
    public record CodeRequest(String mobile) {}

    /** Body of {@code POST /mobile}. */
    public record ChangeRequest(String mobile, String code) {}

    private final MobileService mobiles;

    /** Built by DS. */
    @Activate
    public MobileResource(@Reference MobileService mobiles) {
        this.mobiles = mobiles;
    }

    /** Sends a code to the new mobile number; one a minute per number. */
    @POST
    @Path("code")
    @RateLimited("sms")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    @Operation(summary = "发送修改手机号短信验证码 / Send a code to the new mobile number")
    public Response sendCode(CodeRequest request, @Context SecurityContext security) {
        RestSupport.required(request);
        mobiles.sendCode(RestSupport.caller(security).accountId(), request.mobile());
        return Response.status(202)
                .entity(
                        Map.of(
                                "mobile",
                                Masking.mobile(request.mobile()),
                                "message",
                                "验证码已发送至新手机号码（a code was sent to the new number）"))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Changes the caller's mobile number with the code; answers the account as {@code me}. */
    @POST
    @RateLimited("identity")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    @Operation(summary = "修改手机号码 / Change the mobile number with the SMS code")
    public Response change(
            ChangeRequest request,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        RestSupport.required(request);
        AccountEntity a =
                mobiles.change(
                        RestSupport.caller(security).accountId(),
                        request.mobile(),
                        request.code(),
                        http == null ? null : http.getRemoteAddr());
        return Response.ok(IdentityResource.me(a)).cacheControl(RestSupport.noStore()).build();
    }
}
