package org.guangsha.platform.internal.ratelimit;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.FeatureContext;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.RateLimited;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Applies {@link RateLimited} to resource methods of any bundle, before authentication. */
@Component(service = DynamicFeature.class)
@JaxrsExtension
@JaxrsName("guangsha.rate-limit")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
public class RateLimitFeature implements DynamicFeature {

    private final RateLimiter limiter;

    /** Built by DS. */
    @Activate
    public RateLimitFeature(@Reference RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited != null) {
            context.register(new Gate(limiter, limited.value()));
        }
    }

    /** Counts the request by its source address. */
    @Priority(Priorities.AUTHENTICATION - 100)
    static final class Gate implements ContainerRequestFilter {
        private final RateLimiter limiter;
        private final String bucket;

        @Context HttpServletRequest http;

        Gate(RateLimiter limiter, String bucket) {
            this.limiter = limiter;
            this.bucket = bucket;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            limiter.address(bucket, http == null ? null : http.getRemoteAddr());
        }
    }
}
