package org.guangsha.jiangxi.application.internal;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.BusinessModule;
import org.guangsha.platform.module.ConsoleEntry;
import org.guangsha.platform.module.MenuEntry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Announces the Jiangxi one-stop public rental application (江西省公租房申请一件事) to the platform.
 * Installing the feature {@code guangsha-jiangxi-application} makes it appear in the portal menu;
 * uninstalling removes it. Its pages are this bundle's {@code /ui/} folder, served at {@code
 * /ui/jiangxi/}: {@code main.js} for citizens, {@code console.js} for the service-hall counter
 * (JX-1).
 */
@Component(service = BusinessModule.class)
@HttpWhiteboardResource(pattern = "/ui/" + JiangxiModule.ID + "/*", prefix = "/ui")
public class JiangxiModule implements BusinessModule {

    /** The module id: fixed, it appears in URLs and stored data. */
    public static final String ID = "jiangxi";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("公租房申请一件事", "Public rental application (Jiangxi)");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "江西省公租房申请：一表提交、一次申请、一网通办",
                "Apply for Jiangxi public rental housing or a rental subsidy in one go");
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry(
                        "apply",
                        LocalizedText.of("公租房申请", "Apply for public rental housing"),
                        "",
                        TrustLevel.L2),
                new MenuEntry(
                        "mine",
                        LocalizedText.of("我的申请", "My applications"),
                        "mine",
                        TrustLevel.L1));
    }

    /** The service-hall counter (高效办成一件事综合窗口): caseworkers file on a citizen's behalf. */
    @Override
    public List<ConsoleEntry> consoleMenu() {
        return List.of(
                new ConsoleEntry("counter", LocalizedText.of("窗口代办", "Counter filing"), "", false));
    }

    @Override
    public TrustLevel requiredTrustLevel() {
        return TrustLevel.L2;
    }

    @Override
    public int order() {
        return 40;
    }
}
