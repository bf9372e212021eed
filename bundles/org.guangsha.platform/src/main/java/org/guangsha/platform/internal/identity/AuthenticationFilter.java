package org.guangsha.platform.internal.identity;

import java.security.Principal;
import java.util.Optional;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Finds out who is asking, for every request of the application: a bearer token is checked against
 * the database and, when valid, its {@link Caller} becomes the request's principal. A request
 * without a token goes on anonymously (the resource decides); a request with an invalid, expired or
 * revoked token is refused with 401, never silently treated as anonymous.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("guangsha.authentication")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private final AccountService accounts;

    /** Built by DS. */
    @Activate
    public AuthenticationFilter(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        String token = bearer(header);
        Optional<Caller> caller = token == null ? Optional.empty() : accounts.authenticate(token);
        if (caller.isEmpty()) {
            if (request.getUriInfo().getPath().endsWith("identity/logout")) {
                return; // logging out with a dead token is fine
            }
            throw new ProblemException(
                    new Problem(
                            Problem.type("invalid-token"),
                            "登录已失效，请重新登录",
                            "The login expired or was revoked; log in again",
                            401,
                            null,
                            null,
                            null));
        }
        boolean secure = request.getSecurityContext().isSecure();
        Caller who = caller.get();
        request.setSecurityContext(
                new SecurityContext() {
                    @Override
                    public Principal getUserPrincipal() {
                        return who;
                    }

                    @Override
                    public boolean isUserInRole(String role) {
                        return who.roles().contains(role);
                    }

                    @Override
                    public boolean isSecure() {
                        return secure;
                    }

                    @Override
                    public String getAuthenticationScheme() {
                        return "Bearer";
                    }
                });
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
