package org.guangsha.platform.internal.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.guangsha.platform.internal.audit.AuditTrail;
import org.guangsha.platform.internal.audit.AuditVerification;

/**
 * {@code guangsha:audit-verify}: walks the audit trail's hash chain. A shell command has no exit
 * status, so the first line says plainly {@code OK} or {@code BROKEN}; a broken chain names the
 * first row that does not fit and why.
 */
@Service
@Command(
        scope = "guangsha",
        name = "audit-verify",
        description = "Verifies the audit trail's hash chain")
public class AuditVerifyCommand implements Action {

    @Reference AuditTrail trail;

    @Reference Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        AuditVerification v = trail.verify();
        if (v.ok()) {
            out.println("OK: audit chain intact, " + v.rowsChecked() + " rows checked");
        } else {
            out.println("BROKEN: audit chain broken at SEQ " + v.firstBrokenSeq());
            out.println("Reason:       " + v.reason());
            out.println("Rows checked: " + v.rowsChecked());
        }
        if (v.lastHash() != null) {
            out.println("Last intact hash: " + v.lastHash());
        }
        return null;
    }
}
