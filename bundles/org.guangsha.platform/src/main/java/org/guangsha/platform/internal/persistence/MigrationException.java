package org.guangsha.platform.internal.persistence;

/** A module's schema could not be brought up to date; its tables must not be used. */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Says which module and script failed and why. */
    public MigrationException(String module, int version, String what) {
        super(message(module, version, what));
    }

    /** Same, with the cause. */
    public MigrationException(String module, int version, String what, Throwable cause) {
        super(message(module, version, what), cause);
    }

    private static String message(String module, int version, String what) {
        return version == 0
                ? "Schema of module '" + module + "' " + what
                : "Migration V" + version + " of module '" + module + "' " + what;
    }
}
