package org.guangsha.platform.identity;

/**
 * The account being verified, as the registration recorded it. Providers compare what the external
 * service says about the person with these facts.
 *
 * @param accountId the account
 * @param name the registered name
 * @param idNumber the registered resident ID number
 * @param mobile the registered mobile number
 */
public record VerificationSubject(String accountId, String name, String idNumber, String mobile) {

    @Override
    public String toString() {
        return "VerificationSubject[" + accountId + "]"; // never the personal data
    }
}
