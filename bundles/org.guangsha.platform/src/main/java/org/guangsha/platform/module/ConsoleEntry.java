package org.guangsha.platform.module;

import java.util.Objects;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * One entry of a business module in the staff console's menu (caseworkers and operators), next to
 * the console's own pages. The console opens it at {@code /console/#/m/<module-id>/<path>} with the
 * pages of the module's {@code console.js}.
 *
 * @param id stable id of the entry within its module
 * @param name the label staff see
 * @param path where the entry leads, relative to the module's console pages ({@code ""} is their
 *     start page)
 * @param operatorsOnly whether only operators see the entry; caseworkers see it too when false
 */
public record ConsoleEntry(String id, LocalizedText name, String path, boolean operatorsOnly) {

    /** Checks that no part is missing. */
    public ConsoleEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
