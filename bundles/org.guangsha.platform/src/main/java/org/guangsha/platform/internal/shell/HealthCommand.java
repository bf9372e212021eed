package org.guangsha.platform.internal.shell;

import java.io.PrintStream;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.guangsha.platform.internal.persistence.PlatformStore;
import org.guangsha.platform.internal.persistence.SchemaStatus;
import org.guangsha.platform.internal.platform.Health;
import org.guangsha.platform.internal.platform.HealthService;

/** {@code guangsha:health}: the health answer plus what only operators see (schema, failures). */
@Service
@Command(
        scope = "guangsha",
        name = "health",
        description = "Shows platform health and schema versions")
public class HealthCommand implements Action {

    @Reference HealthService health;

    @Reference(optional = true)
    SchemaStatus migrations;

    @Reference(optional = true)
    PlatformStore store;

    @Reference Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        Health h = health.check();
        out.println("Status:             " + h.status());
        out.println("Version:            " + h.version());
        out.println("Database reachable: " + h.database().reachable());
        out.println("Schema migrated:    " + h.database().migrated());
        if (store != null) {
            out.println("Installation:       " + store.installationId());
        }
        if (migrations != null) {
            out.println("Schema versions:");
            for (Map.Entry<String, Integer> e : migrations.versions().entrySet()) {
                out.printf("  %-32s V%d%n", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : migrations.failures().entrySet()) {
                out.printf("  %-32s FAILED: %s%n", e.getKey(), e.getValue());
            }
        }
        return null;
    }
}
