package org.guangsha.platform.identity;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads an account's own particulars for the business lines that must match a signed-in citizen
 * with the people a city imported (the ranked families of a selection batch name their main
 * applicant by ID number) or print them on a contract. The answer holds personal data in clear:
 * lines mask it before it leaves for anyone but the account's owner.
 */
@ProviderType
public interface AccountDirectory {

    /**
     * An account's particulars.
     *
     * @param id the account id
     * @param kind citizen, organization or staff
     * @param name the display name
     * @param idNumber a citizen's resident ID number, or null
     * @param mobile a citizen's mobile (an organization's contact mobile), or null
     * @param trustLevel how well the account is verified
     */
    record AccountProfile(
            String id,
            AccountKind kind,
            String name,
            String idNumber,
            String mobile,
            TrustLevel trustLevel) {}

    /** The account with this id, or empty. */
    Optional<AccountProfile> find(String accountId);

    /** The citizen account with this resident ID number (normalized, upper-case X), or empty. */
    Optional<AccountProfile> citizenByIdNumber(String idNumber);

    /**
     * An organization account's unified social credit code (normalized), so that a line can match
     * an organization with the leases or contracts a city imported under that code; empty for any
     * other account. Since API 1.2: the default answers empty.
     */
    default Optional<String> creditCode(String accountId) {
        return Optional.empty();
    }
}
