package org.guangsha.platform.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesService;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class FeaturesResourceTest {

    private static final String PLATFORM = "mvn:org.guangsha/org.guangsha.platform/1.0";
    private static final String SELECTION = "mvn:org.guangsha/org.guangsha.selection/1.0";

    private final Feature platform = feature("guangsha-platform", "1.0", "核心", PLATFORM);
    private final Feature selection = feature("guangsha-selection", "1.0", "", SELECTION);
    private final Feature shenzhen = feature("guangsha-city-shenzhen", "1.0", null);
    private final Feature scr = feature("scr", "4.4.10", "Declarative Services");
    private final FeaturesService service =
            features(
                    List.of(selection, scr, shenzhen, platform),
                    Map.of(
                            platform, FeatureState.Started,
                            selection, FeatureState.Resolved));

    @Test
    void onlyGuangshaFeaturesByNameWithTheirStateAndModules() throws Exception {
        List<FeaturesResource.FeatureView> views =
                FeaturesResource.views(service, Map.of(SELECTION, List.of("selection")));
        assertEquals(
                List.of("guangsha-city-shenzhen", "guangsha-platform", "guangsha-selection"),
                views.stream().map(FeaturesResource.FeatureView::name).toList());
        FeaturesResource.FeatureView city = views.get(0);
        assertFalse(city.installed());
        assertFalse(city.started());
        assertNull(city.description());
        FeaturesResource.FeatureView core = views.get(1);
        assertTrue(core.installed());
        assertTrue(core.started());
        assertEquals("核心", core.description());
        assertEquals(List.of(), core.modules());
        FeaturesResource.FeatureView line = views.get(2);
        assertTrue(line.installed());
        assertFalse(line.started(), "installed, not all bundles started");
        assertNull(line.description());
        assertEquals(List.of("selection"), line.modules());
    }

    @Test
    void operatorsOnly() {
        FeaturesResource resource = new FeaturesResource(new ModuleRegistry(), service);
        Response r = resource.list(as("OPERATOR"));
        assertEquals(200, r.getStatus());
        assertTrue(r.getHeaderString("Cache-Control").contains("no-store"));
        assertEquals(3, ((List<?>) r.getEntity()).size());
        ProblemException refused =
                assertThrows(ProblemException.class, () -> resource.list(as("CASEWORKER")));
        assertEquals(403, refused.problem().status());
    }

    @Test
    void withoutAFeatureServiceTheAnswerIs503() {
        FeaturesResource resource = new FeaturesResource(new ModuleRegistry(), null);
        ProblemException e =
                assertThrows(ProblemException.class, () -> resource.list(as("OPERATOR")));
        assertEquals(503, e.problem().status());
        assertEquals("urn:guangsha:problem:service-unavailable", e.problem().type());
    }

    private static SecurityContext as(String role) {
        Caller caller = new Caller("staff-1", AccountKind.STAFF, TrustLevel.L3, Set.of(role), null);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String r) {
                return role.equals(r);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    private static FeaturesService features(
            List<Feature> all, Map<Feature, FeatureState> installed) {
        return proxy(
                FeaturesService.class,
                (method, args) ->
                        switch (method) {
                            case "listFeatures" -> all.toArray(new Feature[0]);
                            case "isInstalled" -> installed.containsKey(args[0]);
                            case "getState" -> installed.entrySet().stream()
                                    .filter(e -> e.getKey().getId().equals(args[0]))
                                    .map(Map.Entry::getValue)
                                    .findFirst()
                                    .orElse(null);
                            default -> throw new UnsupportedOperationException(method);
                        });
    }

    private static Feature feature(
            String name, String version, String description, String... locations) {
        List<BundleInfo> bundles =
                java.util.Arrays.stream(locations)
                        .map(
                                l ->
                                        proxy(
                                                BundleInfo.class,
                                                (method, args) -> {
                                                    if (method.equals("getLocation")) {
                                                        return l;
                                                    }
                                                    throw new UnsupportedOperationException(method);
                                                }))
                        .toList();
        return proxy(
                Feature.class,
                (method, args) ->
                        switch (method) {
                            case "getId" -> name + "/" + version;
                            case "getName" -> name;
                            case "getVersion" -> version;
                            case "getDescription" -> description;
                            case "getBundles" -> bundles;
                            default -> throw new UnsupportedOperationException(method);
                        });
    }

    /** A fake of {@code type} answering by method name; identity equality and hash. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T)
                Proxy.newProxyInstance(
                        FeaturesResourceTest.class.getClassLoader(),
                        new Class<?>[] {type},
                        (self, method, args) ->
                                switch (method.getName()) {
                                    case "equals" -> self == args[0];
                                    case "hashCode" -> System.identityHashCode(self);
                                    case "toString" -> type.getSimpleName();
                                    default -> answer.answer(method.getName(), args);
                                });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }
}
