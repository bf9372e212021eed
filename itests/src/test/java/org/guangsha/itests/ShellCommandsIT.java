package org.guangsha.itests;

import static org.junit.Assert.assertTrue;

import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Operators' shell commands {@code guangsha:health} and {@code guangsha:modules}. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShellCommandsIT extends GuangshaTestSupport {

    @Inject SessionFactory sessions;

    @Test
    public void healthShowsStatusAndSchemaVersions() throws Exception {
        await("health is 200", () -> statusOf("/api/platform/health") == 200);
        String out = execute(sessions, "guangsha:health");
        assertTrue(out, out.contains("Status:             UP"));
        assertTrue(out, out.contains("Database reachable: true"));
        assertTrue(out, out.matches("(?s).*platform\\s+V\\d+.*"));
        assertTrue(out, out.matches("(?s).*Installation:\\s+[0-9a-f-]{36}.*"));
    }

    @Test
    public void modulesListsTheInstalledLines() throws Exception {
        await(
                "selection is registered",
                () -> execute(sessions, "guangsha:modules").contains("selection"));
        String out = execute(sessions, "guangsha:modules");
        assertTrue(out, out.contains("/ui/selection/"));
        assertTrue(out, out.contains("在线选房签约"));
    }
}
