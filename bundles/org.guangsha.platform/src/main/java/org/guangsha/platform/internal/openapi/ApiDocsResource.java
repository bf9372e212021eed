package org.guangsha.platform.internal.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/docs/}: the browsable API page (Swagger UI) over {@code /api/openapi.json}. The page
 * is the core's own; the Swagger UI scripts are read from the {@code org.webjars.swagger-ui} bundle
 * the platform feature installs, never unpacked into the core.
 */
@Component(service = ApiDocsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@Path("docs")
@Hidden
public class ApiDocsResource {

    static final String WEBJAR = "org.webjars.swagger-ui";

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Map<String, String> TYPES =
            Map.of(
                    "js", "application/javascript;charset=UTF-8",
                    "css", "text/css;charset=UTF-8",
                    "html", "text/html;charset=UTF-8",
                    "png", "image/png",
                    "map", "application/json");

    private final BundleContext context;

    /** Built by DS. */
    @Activate
    public ApiDocsResource(BundleContext context) {
        this.context = context;
    }

    /** The page; {@code /api/docs} is sent to {@code /api/docs/} so relative links work. */
    @GET
    public Response page(@Context UriInfo uriInfo) {
        if (!uriInfo.getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create("docs/"))
                    .build();
        }
        return asset(context.getBundle().getEntry("docs/index.html"), "html");
    }

    /** A Swagger UI file. */
    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        if (!FILE.matcher(file).matches()) {
            throw ProblemException.notFound(null);
        }
        Bundle webjar =
                Arrays.stream(context.getBundles())
                        .filter(b -> WEBJAR.equals(b.getSymbolicName()))
                        .max(Comparator.comparing(Bundle::getVersion))
                        .orElseThrow(
                                () -> ProblemException.notFound("Swagger UI is not installed"));
        String folder = "META-INF/resources/webjars/swagger-ui/" + webjar.getVersion() + "/";
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return asset(webjar.getEntry(folder + file), extension);
    }

    private static Response asset(URL url, String extension) {
        String type = TYPES.get(extension);
        if (url == null || type == null) {
            throw ProblemException.notFound(null);
        }
        try {
            InputStream in = url.openStream();
            return Response.ok(in, type)
                    .header("Cache-Control", "public, max-age=3600")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        } catch (IOException e) {
            throw ProblemException.notFound(null);
        }
    }
}
