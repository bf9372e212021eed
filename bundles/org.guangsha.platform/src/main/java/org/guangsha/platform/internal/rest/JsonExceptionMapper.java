package org.guangsha.platform.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Answers a malformed or mistyped JSON body with 400 problem+json naming the field. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("guangsha.json-error-mapper")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return Problems.response(JsonProblems.of(exception), uriInfo);
    }
}
