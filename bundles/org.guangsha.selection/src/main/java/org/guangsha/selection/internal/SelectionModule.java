package org.guangsha.selection.internal;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.module.ConsoleEntry;
import org.guangsha.platform.module.MenuEntry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Announces the online selection and signing line to the platform. Installing the feature {@code
 * guangsha-selection} makes it appear in the portal menu; uninstalling removes it. Its pages are
 * this bundle's {@code /ui/} folder, served at {@code /ui/selection/} (ARCHITECTURE.md rule 8):
 * {@code main.js} for citizens in the portal, {@code console.js} for staff in the console.
 */
@Component(service = BusinessModule.class)
@HttpWhiteboardResource(pattern = "/ui/" + SelectionModule.ID + "/*", prefix = "/ui")
public class SelectionModule implements BusinessModule {

    /** The module id: fixed, it appears in URLs and stored data. */
    public static final String ID = "selection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("在线选房签约", "Online selection & signing");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "按轮候排序在线预选、正式选房并签约", "Pre-select, choose a home in ranked order and sign online");
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry(
                        "home", LocalizedText.of("在线选房", "Housing selection"), "", TrustLevel.L2));
    }

    /** Staff pages (ui/console.js): batches for all staff, the CSV import for operators. */
    @Override
    public List<ConsoleEntry> consoleMenu() {
        return List.of(
                new ConsoleEntry(
                        "batches", LocalizedText.of("选房批次", "Selection batches"), "", false),
                new ConsoleEntry(
                        "import", LocalizedText.of("导入批次", "Import a batch"), "import", true));
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L2;
    }

    @Override
    public int order() {
        return 30;
    }
}
