package org.guangsha.platform.rest;

/** Names every bundle needs to join the platform's REST application. */
public final class GuangshaRest {

    /** The JAX-RS whiteboard name of the application. */
    public static final String APPLICATION_NAME = "guangsha";

    /** The application's base path below the HTTP root. */
    public static final String APPLICATION_BASE = "/api";

    /** Filter for {@code @JaxrsApplicationSelect} that puts a resource or extension in it. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** Media type of every error body (RFC 7807). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private GuangshaRest() {}
}
