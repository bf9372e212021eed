package org.guangsha.platform.identity;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: the principal of every authenticated request ({@code
 * SecurityContext.getUserPrincipal()}). Carries no personal data beyond the account id, so it may
 * be logged.
 *
 * @param accountId the account's id
 * @param kind citizen, organization or staff
 * @param trustLevel how well the account is verified
 * @param roles e.g. {@code CITIZEN}, {@code CASEWORKER}, {@code OPERATOR}
 * @param regionCode the region a caseworker acts in, or null
 */
public record Caller(
        String accountId,
        AccountKind kind,
        TrustLevel trustLevel,
        Set<String> roles,
        String regionCode)
        implements Principal {

    /** Checks the required members. */
    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trustLevel, "trustLevel");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return accountId;
    }
}
