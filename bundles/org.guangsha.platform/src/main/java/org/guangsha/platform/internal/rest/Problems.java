package org.guangsha.platform.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;

/** Turns a {@link Problem} into a response; shared by the exception mappers. */
final class Problems {

    private Problems() {}

    static Response response(Problem problem, UriInfo uriInfo) {
        Problem body = problem.instance() == null ? problem.withInstance(path(uriInfo)) : problem;
        return Response.status(body.status())
                .type(GuangshaRest.PROBLEM_JSON + ";charset=UTF-8")
                .header("Cache-Control", "no-store")
                .entity(body)
                .build();
    }

    /** The request path, or null outside a request (the mapper may be called in odd places). */
    private static String path(UriInfo uriInfo) {
        if (uriInfo == null) {
            return null;
        }
        try {
            return GuangshaRest.APPLICATION_BASE
                    + "/"
                    + uriInfo.getPath(true).replaceFirst("^/", "");
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }
}
