package org.guangsha.platform.internal.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 contract of exactly the resources that joined the
 * application at this moment, read from the JAX-RS runtime, so an integrator sees the features this
 * city installed and nothing else.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@Path("openapi.json")
@Tag(name = "platform")
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;
    private final String version;

    /** Built by DS. */
    @Activate
    public OpenApiResource(BundleContext context, @Reference JaxrsServiceRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
        this.version = context.getBundle().getHeaders().get(PlatformConstants.VERSION_HEADER);
    }

    /** The contract as JSON. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenAPI 3 接口说明 / OpenAPI 3 description of the installed API")
    public Response openApi() throws JsonProcessingException {
        OpenAPI base =
                new OpenAPI()
                        .info(
                                new Info()
                                        .title("广厦 Guangsha API")
                                        .version(version)
                                        .description(
                                                "公共住房服务平台接口。错误一律以 application/problem+json 返回。"
                                                        + " Public-housing services API; every error"
                                                        + " is application/problem+json.")
                                        .license(new License().name("Apache-2.0")))
                        .servers(List.of(new Server().url(GuangshaRest.APPLICATION_BASE)));
        OpenAPI api =
                new Reader(new SwaggerConfiguration().openAPI(base).sortOutput(true))
                        .read(resourceClasses());
        return Response.ok(Json.mapper().writeValueAsString(api), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** Classes of the resources the runtime placed in the application. */
    private Set<Class<?>> resourceClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Arrays.stream(runtime.getRuntimeDTO().applicationDTOs)
                .filter(app -> GuangshaRest.APPLICATION_NAME.equals(app.name))
                .map((ApplicationDTO app) -> app.resourceDTOs)
                .flatMap(Arrays::stream)
                .sorted(Comparator.comparing((ResourceDTO r) -> r.name == null ? "" : r.name))
                .forEach(r -> addClassOf(r.serviceId, classes));
        return classes;
    }

    private void addClassOf(long serviceId, Set<Class<?>> classes) {
        try {
            ServiceReference<?>[] refs =
                    context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
            if (refs == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            ServiceObjects<Object> objects =
                    (ServiceObjects<Object>) context.getServiceObjects(refs[0]);
            Object service = objects == null ? null : objects.getService();
            if (service != null) {
                classes.add(service.getClass());
                objects.ungetService(service);
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            LOG.debug("Resource {} left out of the OpenAPI description", serviceId, e);
        }
    }
}
