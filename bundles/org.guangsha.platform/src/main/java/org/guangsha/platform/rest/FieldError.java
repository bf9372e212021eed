package org.guangsha.platform.rest;

import java.util.Objects;

/**
 * What is wrong with one input field.
 *
 * @param field the field's name as the client sent it, dotted for nested fields ({@code
 *     applicant.idNumber}), or {@code null} when the whole body is wrong
 * @param message what is wrong, in Chinese (shown first)
 * @param messageEn the same in English
 */
public record FieldError(String field, String message, String messageEn) {

    /** Requires the Chinese message. */
    public FieldError {
        Objects.requireNonNull(message, "message");
    }
}
