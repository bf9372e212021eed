package org.guangsha.selection.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.guangsha.selection.batch.BatchRejectedException;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.BatchSummary;
import org.guangsha.selection.internal.admin.BatchImportService;

/**
 * {@code guangsha:selection-import}: creates a selection batch from an operator's files (S-1), the
 * same as {@code POST /api/selection/admin/batches/import}: prints the summary, or every problem
 * (nothing is stored then).
 */
@Service
@Command(
        scope = "guangsha",
        name = "selection-import",
        description =
                "Creates a selection batch from batch.json, units.csv, families.csv, sessions.csv")
public class SelectionImportCommand implements Action {

    @Argument(
            index = 0,
            name = "batch.json",
            required = true,
            description = "code, name, regionCode, preselectStartsAt, cartSize?, windowSeconds?")
    @Completion(FileCompleter.class)
    String batchJson;

    @Argument(index = 1, name = "units.csv", required = true, description = "The unit pool")
    @Completion(FileCompleter.class)
    String units;

    @Argument(
            index = 2,
            name = "families.csv",
            required = true,
            description = "The ranked families")
    @Completion(FileCompleter.class)
    String families;

    @Argument(
            index = 3,
            name = "sessions.csv",
            required = true,
            description = "The formal sessions")
    @Completion(FileCompleter.class)
    String sessions;

    @Reference BatchImportService batches;

    @Reference Session session;

    @Override
    public Object execute() throws IOException {
        PrintStream out = session.getConsole();
        String json;
        try {
            json = Files.readString(Path.of(batchJson), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            out.println("No such file: " + batchJson);
            return null;
        }
        for (String file : new String[] {units, families, sessions}) {
            if (!Files.isRegularFile(Path.of(file))) {
                out.println("No such file: " + file);
                return null;
            }
        }
        try (InputStream u = Files.newInputStream(Path.of(units));
                InputStream f = Files.newInputStream(Path.of(families));
                InputStream s = Files.newInputStream(Path.of(sessions))) {
            BatchSummary b = batches.importCsv(json, u, f, s, null, null);
            out.println(
                    "Created batch "
                            + b.code()
                            + " ("
                            + b.id()
                            + "): "
                            + b.units()
                            + " units, "
                            + b.sessions()
                            + " sessions, "
                            + b.families()
                            + " families, cart "
                            + b.cartSize()
                            + ", window "
                            + b.windowSeconds()
                            + " s");
        } catch (BatchRejectedException e) {
            for (RowError error : e.errors()) {
                out.println(
                        error.section()
                                + (error.row() > 0 ? " row " + error.row() : "")
                                + (error.field() == null ? "" : " " + error.field())
                                + ": "
                                + error.zh()
                                + " / "
                                + error.en());
            }
            out.println("REJECTED: " + e.errors().size() + " problem(s); nothing was stored");
        }
        return null;
    }
}
