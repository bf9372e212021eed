package org.guangsha.platform.internal.rest;

import java.util.Set;
import javax.ws.rs.core.Application;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The platform's one JAX-RS application, {@code guangsha} at {@code /api}. It is empty on purpose:
 * resources, the JSON provider and the error mappers of every bundle join it through the
 * whiteboard, so it grows and shrinks with the features installed.
 */
@Component(service = Application.class)
@JaxrsName(GuangshaRest.APPLICATION_NAME)
@JaxrsApplicationBase(GuangshaRest.APPLICATION_BASE)
public class RestApplication extends Application {

    @Override
    public Set<Object> getSingletons() {
        return Set.of();
    }
}
