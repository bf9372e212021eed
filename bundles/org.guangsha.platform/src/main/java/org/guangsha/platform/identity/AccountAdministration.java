package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts created by the platform's own staff or tools rather than by the person: counter
 * registration on a citizen's behalf, and the sandbox's demo accounts. Every rule of
 * self-registration still applies (ID number check, password policy, uniqueness).
 */
@ProviderType
public interface AccountAdministration {

    /**
     * Creates a citizen account at {@code level} unless one with this ID number exists.
     *
     * @return the account id, new or existing
     */
    String ensureCitizen(
            String name, String idNumber, String mobile, String password, TrustLevel level);

    /**
     * Creates an organization account (L1) unless one with this credit code exists.
     *
     * @return the account id, new or existing
     */
    String ensureOrganization(
            String organizationName,
            String creditCode,
            String legalRepresentativeName,
            String legalRepresentativeIdNumber,
            String mobile,
            String password);

    /**
     * Creates a staff account unless one with this user name exists.
     *
     * @param role {@code CASEWORKER} or {@code OPERATOR}
     * @param regionCode the caseworker's region; ignored for operators
     * @return the account id, new or existing
     */
    String ensureStaff(
            String username, String name, String role, String regionCode, String password);
}
