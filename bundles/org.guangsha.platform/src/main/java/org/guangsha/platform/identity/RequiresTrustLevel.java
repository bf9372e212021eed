package org.guangsha.platform.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a resource class or method of the {@code guangsha} application: only a logged-in caller of
 * at least this trust level gets in (DOMAIN.md I-4). Without a token the answer is 401 problem+json
 * {@code unauthenticated}; below the level it is 403 {@code trust-level-required}, so the web can
 * show the identity-verification prompt (身份验证提示页).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresTrustLevel {

    /** The lowest level let in. */
    TrustLevel value();

    /** Which kinds of account may call; all when empty. */
    AccountKind[] kinds() default {};
}
