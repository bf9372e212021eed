package org.guangsha.platform.rest;

import java.util.List;
import java.util.Objects;

/**
 * The body of every error response: RFC 7807 problem details with the platform's extensions.
 *
 * @param type stable URI naming the kind of problem, {@code urn:guangsha:problem:<slug>}; clients
 *     branch on it, never on the title
 * @param title short summary in Chinese
 * @param titleEn the same in English
 * @param status the HTTP status code
 * @param detail what happened in this occurrence, Chinese first, or {@code null}
 * @param instance the request path, or {@code null}
 * @param errors one entry per invalid field; empty unless the input was invalid
 */
public record Problem(
        String type,
        String title,
        String titleEn,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    /** Prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:guangsha:problem:";

    /** Checks the required members and copies the list. */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The type URI for a slug such as {@code validation}. */
    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    /** This problem with the request path filled in. */
    public Problem withInstance(String path) {
        return new Problem(type, title, titleEn, status, detail, path, errors);
    }
}
