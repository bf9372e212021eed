package org.guangsha.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.identity.StaffService;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;

/**
 * {@code guangsha:staff-add}: creates a caseworker or operator account; the way to make the first
 * operator. The password is asked for (not echoed) unless given with {@code --password}.
 */
@Service
@Command(
        scope = "guangsha",
        name = "staff-add",
        description = "Creates a caseworker or operator account")
public class StaffAddCommand implements Action {

    @Argument(index = 0, name = "username", required = true, description = "Login name")
    String username;

    @Argument(index = 1, name = "name", required = true, description = "Full name")
    String name;

    @Argument(index = 2, name = "role", required = true, description = "CASEWORKER or OPERATOR")
    String role;

    @Argument(index = 3, name = "region", description = "Region code (caseworkers), e.g. 440304")
    String region;

    @Option(name = "--password", description = "The password (asked for when left out)")
    String password;

    @Reference StaffService staff;

    @Reference Session session;

    @Override
    public Object execute() throws Exception {
        String secret = password != null ? password : session.readLine("Password: ", '*');
        try {
            AccountEntity a =
                    staff.create(
                            new StaffService.NewStaff(username, name, secret, role, region),
                            null,
                            null);
            session.getConsole()
                    .println("Created " + role + " " + a.username() + " (" + a.id() + ")");
        } catch (ProblemException e) {
            for (FieldError error : e.problem().errors()) {
                session.getConsole()
                        .println(
                                error.field() + ": " + error.message() + " / " + error.messageEn());
            }
            session.getConsole().println(e.problem().title());
        }
        return null;
    }
}
