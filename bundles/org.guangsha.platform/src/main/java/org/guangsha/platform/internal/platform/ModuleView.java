package org.guangsha.platform.internal.platform;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.module.ConsoleEntry;
import org.guangsha.platform.module.MenuEntry;

/**
 * A business module as {@code GET /api/platform/modules} shows it.
 *
 * @param id the module id
 * @param name zh/en name
 * @param description zh/en description, or absent
 * @param menu the module's menu entries
 * @param ui where its pages are served
 * @param requiredTrustLevel the lowest trust level it needs
 * @param consoleMenu for staff only: the module's console menu entries the caller's role may see
 *     (empty when the module has no console pages); absent for everyone else
 */
public record ModuleView(
        String id,
        LocalizedText name,
        LocalizedText description,
        List<MenuEntry> menu,
        String ui,
        TrustLevel requiredTrustLevel,
        List<ConsoleEntry> consoleMenu) {

    static ModuleView of(BusinessModule module) {
        return of(module, null);
    }

    /** The module as {@code caller} (null when anonymous) may see it. */
    static ModuleView of(BusinessModule module, Caller caller) {
        return new ModuleView(
                module.id(),
                module.name(),
                module.description(),
                List.copyOf(module.menu()),
                module.ui(),
                module.requiredTrustLevel(),
                consoleMenu(module, caller));
    }

    private static List<ConsoleEntry> consoleMenu(BusinessModule module, Caller caller) {
        if (caller == null || caller.kind() != AccountKind.STAFF) {
            return null;
        }
        boolean operator = caller.roles().contains("OPERATOR");
        return module.consoleMenu().stream().filter(e -> operator || !e.operatorsOnly()).toList();
    }
}
