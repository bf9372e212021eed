package org.guangsha.platform.internal.rest;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Answers a {@link ProblemException} with its problem. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("guangsha.problem-mapper")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException exception) {
        Response response = Problems.response(exception.problem(), uriInfo);
        if (exception.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        exception.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }
}
