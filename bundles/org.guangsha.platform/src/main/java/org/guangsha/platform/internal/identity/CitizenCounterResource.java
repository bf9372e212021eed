package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifications;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.platform.rest.RateLimited;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/identity/citizens}: what counter staff do with a citizen in front of them (JX-1):
 * find the account by the ID card, open one when there is none, and record the in-person check that
 * makes it L3 (I-2).
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

    private static final Logger LOG = LoggerFactory.getLogger(CitizenCounterResource.class);

    private final AccountService accounts;

    /** The inbox and SMS; without it the account is opened all the same (the caseworker tells). */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    /** Built by DS. */
    @Activate
    public CitizenCounterResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** Built by tests. */
    CitizenCounterResource(AccountService accounts, Notifications notifications) {
        this.accounts = accounts;
        this.notifications = notifications;
    }

    /**
     * Opens an account for the citizen at the counter (JX-1): L3 (ID card seen in person), a random
     * password nobody knows; the citizen is told by message (inbox and SMS) how to set one with the
     * SMS reset. 409 naming {@code idNumber} or {@code mobile} when taken.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L3, kinds = AccountKind.STAFF)
    @RateLimited("counter")
    @Operation(summary = "柜台为居民开通账号 / Open a citizen account at the counter")
    public Response register(
            AccountService.CounterRegistration registration,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        RestSupport.required(registration);
        Caller caller = RestSupport.caller(security);
        AccountEntity a =
                accounts.registerAtCounter(
                        registration,
                        caller.accountId(),
                        http == null ? null : http.getRemoteAddr());
        tellTheCitizen(a);
        return Response.status(201).entity(view(a)).cacheControl(RestSupport.noStore()).build();
    }

    /** The message that the account exists and how to get a password; never fails the request. */
    private void tellTheCitizen(AccountEntity a) {
        Notifications n = notifications;
        if (n == null) {
            LOG.warn("No notification service: account {} was not told it was opened", a.id());
            return;
        }
        try {
            n.send(
                    new Notification(
                            a.id(),
                            "account.counter-registered",
                            LocalizedText.of("账号已开通", "Account opened"),
                            LocalizedText.of(
                                    "您已在服务大厅柜台开通广厦账号（手机号"
                                            + Masking.mobile(a.mobile())
                                            + "）。首次登录前，请在登录页点击“忘记密码”，"
                                            + "用本手机号接收短信验证码设置密码。",
                                    "An account was opened for you at the service-hall counter"
                                            + " (mobile "
                                            + Masking.mobile(a.mobile())
                                            + "). Before you first log in, choose \"Forgot the"
                                            + " password\" on the login page and set a password"
                                            + " with the SMS code sent to this number."),
                            "/password-reset"));
        } catch (RuntimeException e) {
            LOG.warn("Could not tell account {} that it was opened at the counter", a.id(), e);
        }
    }

    /** The citizen account with this ID number. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L3, kinds = AccountKind.STAFF)
    @Operation(summary = "按身份证号查找居民账号（柜台）/ Find a citizen by ID number (counter)")
    public CitizenView find(@QueryParam("idNumber") String idNumber) {
        AccountEntity a =
                accounts.citizenByIdNumber(idNumber)
                        .orElseThrow(() -> ProblemException.notFound("未找到该身份证号的账号"));
        return view(a);
    }

    private static CitizenView view(AccountEntity a) {
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
