package org.guangsha.platform.internal.rest;

import java.util.UUID;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: any other failure is logged with an incident number and answered with 500
 * problem+json carrying that number, never with a stack trace.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("guangsha.unexpected-error-mapper")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: unexpected failure", incident, exception);
        Problem problem =
                new Problem(
                        Problem.type("server-error"),
                        "服务器内部错误，请稍后再试",
                        "Internal server error",
                        500,
                        "事件编号（incident）" + incident,
                        null,
                        null);
        return Problems.response(problem, uriInfo);
    }
}
