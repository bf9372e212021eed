package org.guangsha.platform.module;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A business line installed on the platform, registered as an OSGi service by the line's bundle.
 * The platform follows these services as they come and go; nothing else has to be told.
 */
@ConsumerType
public interface BusinessModule {

    /**
     * The module id: lower-case letters, digits and dashes, unique on the platform, stable for ever
     * (it appears in URLs such as {@code /ui/<id>/} and in stored data).
     */
    String id();

    /** The name citizens see in the menu. */
    LocalizedText name();

    /** One sentence saying what the line offers, or {@code null}. */
    default LocalizedText description() {
        return null;
    }

    /** The entries of this line in the portal menu, in display order. */
    List<MenuEntry> menu();

    /** The lowest trust level an account needs to use this line (DOMAIN.md I-4). */
    TrustLevel requiredTrustLevel();

    /** Where the line's own web pages are served. */
    default String ui() {
        return "/ui/" + id() + "/";
    }

    /**
     * The entries of this line in the staff console's menu, in display order; none by default. A
     * line that lists entries serves its console pages at {@code /ui/<id>/console.js} (a module
     * default-exporting {@code {routes, messages}}, like {@code main.js} for the portal); a line
     * that lists none has no console pages and the console loads nothing of it.
     *
     * @since 1.1
     */
    default List<ConsoleEntry> consoleMenu() {
        return List.of();
    }

    /** Position in the portal menu; lower comes first, ties are ordered by id. */
    default int order() {
        return 100;
    }
}
