package org.guangsha.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a resource method of the {@code guangsha} application that a script could flood
 * (registration, captcha, login, SMS codes): each source address may call the methods of one {@link
 * #value() bucket} a limited number of times a minute, after which the answer is 429 problem+json
 * with {@code Retry-After}. Limits are city configuration ({@code etc/org.guangsha.ratelimit.cfg}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The bucket: methods sharing one share the allowance, e.g. {@code identity}. */
    String value();
}
