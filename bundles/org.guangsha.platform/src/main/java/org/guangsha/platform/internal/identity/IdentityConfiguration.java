package org.guangsha.platform.internal.identity;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Login and account rules a city may change in {@code etc/org.guangsha.identity.cfg}. */
@ObjectClassDefinition(
        id = IdentityConfiguration.PID,
        name = "Guangsha identity",
        description = "Lockout, token and captcha lifetimes, password hash cost")
public @interface IdentityConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.identity";

    @AttributeDefinition(description = "Failed logins in a row that lock the account (I-3)")
    int lockout_threshold() default 5;

    @AttributeDefinition(description = "How long a locked account stays locked, in seconds")
    int lockout_seconds() default 900;

    @AttributeDefinition(description = "How long a login token is valid, in seconds")
    int token_seconds() default 7200;

    @AttributeDefinition(description = "How long a captcha can be answered, in seconds")
    int captcha_seconds() default 300;

    @AttributeDefinition(
            description = "How long a face check on the phone can be done (I-5), seconds")
    int face_seconds() default 300;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
    int password_iterations() default 310000;
}
