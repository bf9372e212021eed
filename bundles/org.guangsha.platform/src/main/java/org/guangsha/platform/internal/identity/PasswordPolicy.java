package org.guangsha.platform.internal.identity;

import java.util.Optional;
import org.guangsha.platform.rest.FieldError;

/**
 * What a password must be (I-1): at least 8 characters and at least 3 of the 4 classes lower-case,
 * upper-case, digit, other; at most 64 characters; not containing the ID number or the mobile.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;

    private PasswordPolicy() {}

    /** The problem with {@code password} for the field {@code field}, if any. */
    public static Optional<FieldError> check(String field, String password, String... personal) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new FieldError(field, "密码至少8位", "At least 8 characters"));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new FieldError(field, "密码最多64位", "At most 64 characters"));
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of(
                    new FieldError(
                            field,
                            "密码需包含大写字母、小写字母、数字、符号中的至少三类",
                            "Use at least 3 of: upper-case, lower-case, digits, symbols"));
        }
        for (String p : personal) {
            if (p != null && p.length() >= 6 && password.contains(p)) {
                return Optional.of(
                        new FieldError(
                                field,
                                "密码不能包含身份证号或手机号",
                                "Must not contain the ID number or mobile"));
            }
        }
        return Optional.empty();
    }
}
