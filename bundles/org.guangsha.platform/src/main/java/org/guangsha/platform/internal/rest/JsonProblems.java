package org.guangsha.platform.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;

/**
 * Describes an unreadable JSON body as a problem naming the field at fault, so a client learns
 * which input to fix. Jackson's own message is not passed on: it names Java classes.
 */
final class JsonProblems {

    private JsonProblems() {}

    static Problem of(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return validation(field(unknown.getPath()), "不认识的字段，请检查字段名", "Unknown field");
        }
        if (exception instanceof InvalidFormatException
                || exception instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) exception;
            return validation(field(mapping.getPath()), "字段的值格式不正确", "Value has the wrong format");
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return validation(field(mapping.getPath()), "字段的值无效", "Invalid value");
        }
        return new Problem(
                Problem.type("malformed-json"),
                "请求体不是合法的 JSON",
                "The request body is not valid JSON",
                400,
                "请检查括号、引号和逗号（check brackets, quotes and commas）",
                null,
                null);
    }

    private static Problem validation(String field, String message, String messageEn) {
        return ProblemException.validation(List.of(new FieldError(field, message, messageEn)))
                .problem();
    }

    /**
     * Dotted path of the field, e.g. {@code applicant.children[0].name}; Jackson's path ends at it.
     */
    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
