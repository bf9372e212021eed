package org.guangsha.platform.internal.platform;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
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
 */
public record ModuleView(
        String id,
        LocalizedText name,
        LocalizedText description,
        List<MenuEntry> menu,
        String ui,
        TrustLevel requiredTrustLevel) {

    static ModuleView of(BusinessModule module) {
        return new ModuleView(
                module.id(),
                module.name(),
                module.description(),
                List.copyOf(module.menu()),
                module.ui(),
                module.requiredTrustLevel());
    }
}
