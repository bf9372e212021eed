/**
 * The platform's one REST application and its error contract (ARCHITECTURE.md rule 3).
 *
 * <p>Resources of any bundle join the application {@value
 * org.guangsha.platform.rest.GuangshaRest#APPLICATION_NAME} at {@code /api} with
 * {@code @JaxrsResource @JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT) @JSONRequired}.
 * Errors are thrown as {@link org.guangsha.platform.rest.ProblemException} and leave the server as
 * RFC 7807 {@code application/problem+json} bodies with a stable {@code type}, a Chinese {@code
 * title} and, for validation, one entry per field.
 */
@Version("1.2.0")
package org.guangsha.platform.rest;

import org.osgi.annotation.versioning.Version;
