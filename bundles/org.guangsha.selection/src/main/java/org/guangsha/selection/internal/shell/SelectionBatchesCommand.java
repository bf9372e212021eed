package org.guangsha.selection.internal.shell;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.guangsha.selection.batch.BatchSummary;
import org.guangsha.selection.internal.admin.BatchImportService;
import org.guangsha.selection.internal.admin.CityTimes;

/** {@code guangsha:selection-batches}: the selection batches, newest first. */
@Service
@Command(
        scope = "guangsha",
        name = "selection-batches",
        description = "Lists the selection batches, newest first")
public class SelectionBatchesCommand implements Action {

    @Reference BatchImportService batches;

    @Reference Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        List<BatchSummary> all = batches.batches();
        if (all.isEmpty()) {
            out.println("No selection batches.");
            return null;
        }
        out.printf(
                "%-24s %-8s %-16s %6s %8s %8s  %-36s  %s%n",
                "Code", "Region", "Pre-selection", "Units", "Sessions", "Families", "Id", "Name");
        for (BatchSummary b : all) {
            out.printf(
                    "%-24s %-8s %-16s %6d %8d %8d  %-36s  %s%n",
                    b.code(),
                    b.regionCode(),
                    CityTimes.format(b.preselectStartsAt()),
                    b.units(),
                    b.sessions(),
                    b.families(),
                    b.id(),
                    b.name());
        }
        return null;
    }
}
