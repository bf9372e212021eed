package org.guangsha.platform.internal.identity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.Response;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
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
 * Enforces {@link RequiresTrustLevel} on every resource of the application, whichever bundle it
 * comes from (DOMAIN.md I-4).
 */
@Component(service = DynamicFeature.class)
@JaxrsExtension
@JaxrsName("guangsha.trust-level")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
public class TrustLevelFeature implements DynamicFeature {

    private final VerificationService verifications;

    /** Built by DS. */
    @Activate
    public TrustLevelFeature(@Reference VerificationService verifications) {
        this.verifications = verifications;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RequiresTrustLevel required =
                resource.getResourceMethod().getAnnotation(RequiresTrustLevel.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresTrustLevel.class);
        }
        if (required != null) {
            context.register(
                    new Gate(required.value(), Arrays.asList(required.kinds()), verifications));
        }
    }

    /** The check for one resource method. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Gate implements ContainerRequestFilter {
        private final TrustLevel level;
        private final List<AccountKind> kinds;
        private final VerificationService verifications;

        Gate(TrustLevel level, List<AccountKind> kinds, VerificationService verifications) {
            this.level = level;
            this.kinds = kinds;
            this.verifications = verifications;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
                throw new ProblemException(
                        new Problem(
                                Problem.type("unauthenticated"),
                                "请先登录",
                                "Log in first",
                                401,
                                null,
                                null,
                                null));
            }
            if (!kinds.isEmpty() && !kinds.contains(caller.kind())) {
                throw new ProblemException(
                        new Problem(
                                Problem.type("wrong-account-kind"),
                                "此服务不适用于当前账号类型",
                                "This service is not for this kind of account",
                                403,
                                null,
                                null,
                                null));
            }
            if (!caller.trustLevel().satisfies(level)) {
                // The problem also lists the verification methods, so that the web can show the
                // identity-verification prompt (身份验证提示页) straight away.
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", Problem.type("trust-level-required"));
                body.put("title", "请先完成实名认证");
                body.put("titleEn", "Real-name verification (" + level + ") is required");
                body.put("status", 403);
                body.put("detail", "需要" + level + "及以上级别的实名认证用户（requires " + level + "）");
                body.put(
                        "instance",
                        GuangshaRest.APPLICATION_BASE + "/" + request.getUriInfo().getPath());
                body.put("errors", List.of());
                body.put("requiredTrustLevel", level);
                body.put(
                        "verificationMethods", VerificationResource.views(verifications.methods()));
                request.abortWith(
                        Response.status(403)
                                .type(GuangshaRest.PROBLEM_JSON + ";charset=UTF-8")
                                .entity(body)
                                .build());
            }
        }
    }
}
