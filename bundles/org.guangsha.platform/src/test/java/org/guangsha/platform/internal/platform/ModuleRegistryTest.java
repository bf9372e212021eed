package org.guangsha.platform.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.module.MenuEntry;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class ModuleRegistryTest {

    private final ModuleRegistry registry = new ModuleRegistry();

    @Test
    void modulesFollowServicesAsTheyComeAndGo() {
        BusinessModule selection = module("selection", 30);
        registry.addModule(selection, props(1));
        assertEquals(List.of(selection), registry.modules());
        registry.removeModule(selection, props(1));
        assertTrue(registry.modules().isEmpty());
    }

    @Test
    void orderedByOrderThenId() {
        BusinessModule b = module("b-line", 10);
        BusinessModule a = module("a-line", 10);
        BusinessModule first = module("z-line", 1);
        registry.addModule(b, props(1));
        registry.addModule(a, props(2));
        registry.addModule(first, props(3));
        assertEquals(List.of(first, a, b), registry.modules());
    }

    @Test
    void theEarliestServiceKeepsADuplicateIdAndTheOtherTakesOverWhenItGoes() {
        BusinessModule original = module("selection", 30);
        BusinessModule copy = module("selection", 30);
        registry.addModule(original, props(5));
        registry.addModule(copy, props(9));
        assertEquals(1, registry.modules().size());
        assertSame(original, registry.modules().get(0));
        registry.removeModule(original, props(5));
        assertSame(copy, registry.modules().get(0));
    }

    @Test
    void invalidIdsAreIgnored() {
        registry.addModule(module("Bad Id", 1), props(1));
        registry.addModule(module("x", 1), props(2));
        assertTrue(registry.modules().isEmpty());
    }

    @Test
    void viewCarriesWhatThePortalNeeds() {
        ModuleView view = ModuleView.of(module("jiangxi", 5));
        assertEquals("/ui/jiangxi/", view.ui());
        assertEquals(TrustLevel.L2, view.requiredTrustLevel());
        assertEquals("申请", view.menu().get(0).name().zh());
    }

    private static Map<String, Object> props(long serviceId) {
        return Map.of(Constants.SERVICE_ID, serviceId);
    }

    private static BusinessModule module(String id, int order) {
        return new BusinessModule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public LocalizedText name() {
                return LocalizedText.of("模块" + id, "Module " + id);
            }

            @Override
            public List<MenuEntry> menu() {
                return List.of(
                        new MenuEntry("apply", LocalizedText.of("申请", "Apply"), "", TrustLevel.L2));
            }

            @Override
            public TrustLevel requiredTrustLevel() {
                return TrustLevel.L2;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String toString() {
                return id + "@" + System.identityHashCode(this);
            }
        };
    }
}
