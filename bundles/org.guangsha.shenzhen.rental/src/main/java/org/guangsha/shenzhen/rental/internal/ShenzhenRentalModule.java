package org.guangsha.shenzhen.rental.internal;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.module.ConsoleEntry;
import org.guangsha.platform.module.MenuEntry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Announces the Shenzhen public-rental services (住房保障个人服务) to the platform. Installing the feature
 * {@code guangsha-shenzhen-rental} makes it appear in the portal menu; its pages are this bundle's
 * {@code /ui/} folder, served at {@code /ui/shenzhen-rental/}.
 */
@Component(service = BusinessModule.class)
@HttpWhiteboardResource(pattern = "/ui/" + ShenzhenRentalModule.ID + "/*", prefix = "/ui")
public class ShenzhenRentalModule implements BusinessModule {

    /** The module id: fixed, it appears in URLs and stored data. */
    public static final String ID = "shenzhen-rental";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("公租房服务（深圳）", "Public rental services (Shenzhen)");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "住房保障个人服务：我的住房、轮候排名、交租、续签、变更与证明打印",
                "My home, waiting-list rank, rent, renewal, changes and certificates");
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry(
                        "home",
                        LocalizedText.of("住房保障个人服务", "My public housing"),
                        "",
                        // organizations (SZ-5) are L1 accounts; citizens are sent to real-name
                        // verification (L2) by the line's own page and refused below L2 by its API
                        TrustLevel.L1));
    }

    /**
     * The operators' import of a city's homes, leases and waiting lists ({@code ui/console.js}).
     */
    @Override
    public List<ConsoleEntry> consoleMenu() {
        return List.of(
                new ConsoleEntry(
                        "import",
                        LocalizedText.of("导入住房数据", "Import housing data"),
                        "import",
                        true));
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        // L1 for organizations' employer housing (SZ-5); every citizen path demands L2 itself
        return TrustLevel.L1;
    }

    @Override
    public int order() {
        return 20;
    }
}
