package org.guangsha.platform.module;

import java.util.Objects;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;

/**
 * One entry of a business module in the portal menu.
 *
 * @param id stable id of the entry within its module
 * @param name the label people see
 * @param path where the entry leads, relative to the module's UI ({@code ""} is its start page)
 * @param requiredTrustLevel the lowest trust level that may open it
 */
public record MenuEntry(String id, LocalizedText name, String path, TrustLevel requiredTrustLevel) {

    /** Checks that no part is missing. */
    public MenuEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requiredTrustLevel, "requiredTrustLevel");
    }
}
