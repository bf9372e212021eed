package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
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
 * {@code /api/identity/organizations}: organizations (法人) register and log in by their unified
 * social credit code (I-3). Their accounts are of kind ORGANIZATION and reach only services meant
 * for organizations; citizen services refuse them.
 */
@Component(service = OrganizationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class OrganizationResource {

    /** Body of {@code POST /login}. */
    public record OrganizationLogin(
            String creditCode, String password, String captchaId, String captchaAnswer) {}

    private final AccountService accounts;

    /** Built by DS. */
    @Activate
    public OrganizationResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** Registers an organization with its legal representative. */
    @POST
    @Path("register")
    @RateLimited("identity")
    @Operation(summary = "法人注册 / Register an organization")
    public Response register(AccountService.OrganizationRegistration registration) {
        RestSupport.required(registration);
        AccountEntity a = accounts.registerOrganization(registration);
        return Response.status(201)
                .entity(IdentityResource.me(a))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Logs an organization in by credit code and password. */
    @POST
    @Path("login")
    @RateLimited("identity")
    @Operation(summary = "法人登录 / Organization login")
    public Response login(OrganizationLogin request, @Context HttpServletRequest http) {
        RestSupport.required(request);
        AccountService.Login login =
                accounts.loginOrganization(
                        request.creditCode(),
                        request.password(),
                        request.captchaId(),
                        request.captchaAnswer(),
                        http == null ? null : http.getRemoteAddr());
        return IdentityResource.loginResponse(login);
    }
}
