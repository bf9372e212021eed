package org.guangsha.platform.internal.identity;

import java.util.Arrays;
import java.util.List;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Component;
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

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RequiresTrustLevel required =
                resource.getResourceMethod().getAnnotation(RequiresTrustLevel.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresTrustLevel.class);
        }
        if (required != null) {
            context.register(new Gate(required.value(), Arrays.asList(required.kinds())));
        }
    }

    /** The check for one resource method. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Gate implements ContainerRequestFilter {
        private final TrustLevel level;
        private final List<AccountKind> kinds;

        Gate(TrustLevel level, List<AccountKind> kinds) {
            this.level = level;
            this.kinds = kinds;
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
                throw new ProblemException(
                        new Problem(
                                Problem.type("trust-level-required"),
                                "请先完成实名认证",
                                "Real-name verification (" + level + ") is required",
                                403,
                                "需要" + level + "及以上级别的实名认证用户（requires " + level + "）",
                                null,
                                null));
            }
        }
    }
}
