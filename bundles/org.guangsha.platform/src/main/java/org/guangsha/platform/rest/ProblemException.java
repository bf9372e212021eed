package org.guangsha.platform.rest;

import java.util.List;
import java.util.Map;

/**
 * Thrown by any resource or service to answer with a problem+json error. The platform maps it to a
 * response; nothing else is needed.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    /** An error answered with the given problem as it is. */
    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** An error answered with the given problem and response headers (e.g. Retry-After). */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.type() + " " + problem.status() + " " + problem.title());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** The body the client receives. */
    public Problem problem() {
        return problem;
    }

    /** Headers the response carries besides the body. */
    public Map<String, String> headers() {
        return headers;
    }

    /** 400: the listed fields are invalid. */
    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(
                new Problem(
                        Problem.type("validation"),
                        "提交的信息有误，请按提示修改",
                        "The submitted data is invalid",
                        400,
                        null,
                        null,
                        errors));
    }

    /** 400: one field is invalid. */
    public static ProblemException invalidField(String field, String message, String messageEn) {
        return validation(List.of(new FieldError(field, message, messageEn)));
    }

    /** 404: the thing asked for does not exist, or the caller may not know that it exists. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(
                new Problem(
                        Problem.type("not-found"),
                        "找不到请求的资源",
                        "Not found",
                        404,
                        detail,
                        null,
                        null));
    }

    /** 403: the caller is known but may not do this (e.g. only operators may). */
    public static ProblemException forbidden(String title, String titleEn) {
        return new ProblemException(
                new Problem(Problem.type("forbidden"), title, titleEn, 403, null, null, null));
    }

    /**
     * 409: the request conflicts with the current state (an illegal transition, a lost race).
     *
     * @param slug the stable type slug, e.g. {@code illegal-transition}
     */
    public static ProblemException conflict(
            String slug, String title, String titleEn, String detail) {
        return new ProblemException(
                new Problem(Problem.type(slug), title, titleEn, 409, detail, null, null));
    }
}
