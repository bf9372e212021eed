package org.guangsha.platform.internal.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesService;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/platform/features}, for operators: the Guangsha Karaf features (names starting
 * {@code guangsha-}) known to this node, whether each is installed and started, and which business
 * modules came with it. Read from Karaf's {@link FeaturesService}; without one (another container,
 * or Karaf still starting) the answer is 503.
 */
@Component(service = FeaturesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("platform/features")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform")
public class FeaturesResource {

    static final String PREFIX = "guangsha-";

    private static final Logger LOG = LoggerFactory.getLogger(FeaturesResource.class);

    /**
     * A Guangsha feature as an operator sees it.
     *
     * @param name the feature's name, e.g. {@code guangsha-selection}
     * @param version its version
     * @param description its description, or null
     * @param installed whether it is installed on this node
     * @param started whether it is installed and all its bundles are started
     * @param modules ids of the business modules whose bundle the feature lists itself (not through
     *     a feature it depends on), sorted
     */
    public record FeatureView(
            String name,
            String version,
            String description,
            boolean installed,
            boolean started,
            List<String> modules) {}

    private final ModuleRegistry modules;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FeaturesService features;

    /** Built by DS. */
    @Activate
    public FeaturesResource(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    /** Built by tests. */
    FeaturesResource(ModuleRegistry modules, FeaturesService features) {
        this.modules = modules;
        this.features = features;
    }

    /** The Guangsha features, by name then version. */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "已安装的功能特性 / Guangsha Karaf features (operators)")
    public Response list(@Context SecurityContext security) {
        RestSupport.operator(
                security, "只有运维管理员可以查看功能特性", "Only operators see the installed features");
        FeaturesService service = features;
        if (service == null) {
            throw unavailable();
        }
        List<FeatureView> views;
        try {
            views = views(service, modulesByLocation());
        } catch (Exception e) {
            LOG.warn("The Karaf features could not be listed", e);
            throw unavailable();
        }
        return Response.ok(views).cacheControl(RestSupport.noStore()).build();
    }

    /** The installed business modules by the location of the bundle that registered them. */
    private Map<String, List<String>> modulesByLocation() {
        Map<String, List<String>> byLocation = new HashMap<>();
        for (BusinessModule m : modules.modules()) {
            Bundle bundle = FrameworkUtil.getBundle(m.getClass());
            if (bundle != null) {
                byLocation
                        .computeIfAbsent(bundle.getLocation(), l -> new ArrayList<>())
                        .add(m.id());
            }
        }
        return byLocation;
    }

    /**
     * The views of the {@code guangsha-} features; {@code modulesByLocation} gives the business
     * modules of each bundle location.
     */
    static List<FeatureView> views(
            FeaturesService service, Map<String, List<String>> modulesByLocation) throws Exception {
        List<FeatureView> views = new ArrayList<>();
        for (Feature f : service.listFeatures()) {
            if (f.getName() == null || !f.getName().startsWith(PREFIX)) {
                continue;
            }
            boolean installed = service.isInstalled(f);
            FeatureState state = installed ? service.getState(f.getId()) : null;
            TreeSet<String> ids = new TreeSet<>();
            for (BundleInfo b : f.getBundles()) {
                ids.addAll(modulesByLocation.getOrDefault(b.getLocation(), List.of()));
            }
            views.add(
                    new FeatureView(
                            f.getName(),
                            f.getVersion(),
                            f.getDescription() == null || f.getDescription().isBlank()
                                    ? null
                                    : f.getDescription(),
                            installed,
                            state == FeatureState.Started,
                            List.copyOf(ids)));
        }
        views.sort(
                Comparator.comparing(FeatureView::name)
                        .thenComparing(
                                FeatureView::version, Comparator.nullsFirst(String::compareTo)));
        return views;
    }

    private static ProblemException unavailable() {
        return new ProblemException(
                new Problem(
                        Problem.type("service-unavailable"),
                        "功能特性服务暂不可用",
                        "Karaf's feature service is not available",
                        503,
                        null,
                        null,
                        null));
    }
}
