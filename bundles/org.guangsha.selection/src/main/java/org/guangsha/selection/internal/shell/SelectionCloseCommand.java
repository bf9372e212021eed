package org.guangsha.selection.internal.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.SelectionService;
import org.guangsha.selection.internal.Views.RunView;

/**
 * {@code guangsha:selection-close}: closes a session now and runs its auto-assignment (S-6); a
 * session closed already prints its run.
 */
@Service
@Command(
        scope = "guangsha",
        name = "selection-close",
        description = "Closes a selection session now and runs its auto-assignment")
public class SelectionCloseCommand implements Action {

    @Argument(index = 0, name = "sessionId", required = true, description = "The session's id")
    String sessionId;

    @Reference SelectionService selection;

    @Reference Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        try {
            RunView run = selection.closeSession(sessionId, null);
            out.println(
                    "Session "
                            + sessionId
                            + " closed; run "
                            + run.id()
                            + ": "
                            + run.families()
                            + " families auto-assigned, "
                            + run.assigned()
                            + " got a unit");
            out.println("Inputs SHA-256:  " + run.inputHash());
            out.println("Results SHA-256: " + run.outputHash());
        } catch (ProblemException e) {
            out.println(e.problem().title() + " / " + e.problem().titleEn());
        }
        return null;
    }
}
