package org.guangsha.platform.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.module.ConsoleEntry;
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

    @Test
    void aModuleWithoutConsolePagesNeedsNothingNew() {
        BusinessModule plain = module("jiangxi", 5);
        assertTrue(plain.consoleMenu().isEmpty());
        assertEquals(List.of(), ModuleView.of(plain, staff("CASEWORKER")).consoleMenu());
    }

    @Test
    void consoleEntriesAreForStaffAndOperatorsOnlyEntriesForOperators() {
        ConsoleEntry batches =
                new ConsoleEntry("batches", LocalizedText.of("选房批次", "Batches"), "", false);
        ConsoleEntry imports =
                new ConsoleEntry("import", LocalizedText.of("导入批次", "Import"), "import", true);
        BusinessModule line = withConsole(module("selection", 30), List.of(batches, imports));

        assertNull(ModuleView.of(line, null).consoleMenu(), "anonymous");
        assertNull(
                ModuleView.of(
                                line,
                                new Caller(
                                        "c1",
                                        AccountKind.CITIZEN,
                                        TrustLevel.L3,
                                        Set.of("CITIZEN"),
                                        null))
                        .consoleMenu(),
                "a citizen");
        assertEquals(List.of(batches), ModuleView.of(line, staff("CASEWORKER")).consoleMenu());
        assertEquals(
                List.of(batches, imports), ModuleView.of(line, staff("OPERATOR")).consoleMenu());
        // the portal's part is the same for everyone
        assertEquals(
                ModuleView.of(line, null).menu(), ModuleView.of(line, staff("OPERATOR")).menu());
    }

    private static Caller staff(String role) {
        return new Caller("s1", AccountKind.STAFF, TrustLevel.L2, Set.of(role), "440304");
    }

    private static BusinessModule withConsole(BusinessModule base, List<ConsoleEntry> entries) {
        return new BusinessModule() {
            @Override
            public String id() {
                return base.id();
            }

            @Override
            public LocalizedText name() {
                return base.name();
            }

            @Override
            public List<MenuEntry> menu() {
                return base.menu();
            }

            @Override
            public TrustLevel requiredTrustLevel() {
                return base.requiredTrustLevel();
            }

            @Override
            public List<ConsoleEntry> consoleMenu() {
                return entries;
            }
        };
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
