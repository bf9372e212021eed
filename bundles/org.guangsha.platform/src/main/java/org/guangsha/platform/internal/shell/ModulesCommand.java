package org.guangsha.platform.internal.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.guangsha.platform.internal.platform.ModuleRegistry;
import org.guangsha.platform.module.BusinessModule;

/** {@code guangsha:modules}: the business modules installed, as the portal lists them. */
@Service
@Command(scope = "guangsha", name = "modules", description = "Lists the installed business modules")
public class ModulesCommand implements Action {

    @Reference ModuleRegistry registry;

    @Reference Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        out.printf("%-24s %-6s %-24s %s%n", "ID", "TRUST", "UI", "NAME");
        for (BusinessModule m : registry.modules()) {
            out.printf(
                    "%-24s %-6s %-24s %s / %s%n",
                    m.id(), m.requiredTrustLevel(), m.ui(), m.name().zh(), m.name().en());
        }
        return null;
    }
}
