package org.guangsha.platform.internal.identity;

import java.util.Optional;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.identity.AccountAdministration;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AccountAdministration}: accounts made by the platform's staff or tools (counter
 * registration, demo data), with every rule of self-registration, by citizens, organizations and
 * staff alike; and {@link AccountDirectory}, the particulars lines read.
 */
@Component(service = {AccountAdministration.class, AccountDirectory.class})
public class AccountAdministrator implements AccountAdministration, AccountDirectory {

    private final AccountService accounts;
    private final StaffService staff;
    private final JpaTransactions tx;

    /** Built by DS. */
    @Activate
    public AccountAdministrator(
            @Reference AccountService accounts,
            @Reference StaffService staff,
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf) {
        this.accounts = accounts;
        this.staff = staff;
        this.tx = new JpaTransactions(emf);
    }

    @Override
    public String ensureCitizen(
            String name, String idNumber, String mobile, String password, TrustLevel level) {
        return accounts.ensureCitizen(name, idNumber, mobile, password, level);
    }

    @Override
    public String ensureOrganization(
            String organizationName,
            String creditCode,
            String legalRepresentativeName,
            String legalRepresentativeIdNumber,
            String mobile,
            String password) {
        return accounts.ensureOrganization(
                new AccountService.OrganizationRegistration(
                        organizationName,
                        creditCode,
                        legalRepresentativeName,
                        legalRepresentativeIdNumber,
                        mobile,
                        password,
                        null,
                        null));
    }

    @Override
    public String ensureStaff(
            String username, String name, String role, String regionCode, String password) {
        Optional<String> existing =
                tx.read(
                        em ->
                                em
                                        .createQuery(
                                                "SELECT a.id FROM AccountEntity a WHERE"
                                                        + " a.username = :u",
                                                String.class)
                                        .setParameter("u", username)
                                        .getResultList()
                                        .stream()
                                        .findFirst());
        return existing.orElseGet(
                () ->
                        staff.create(
                                        new StaffService.NewStaff(
                                                username, name, password, role, regionCode),
                                        null,
                                        null)
                                .id());
    }

    @Override
    public Optional<AccountProfile> find(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return accounts.account(accountId).map(AccountAdministrator::profile);
    }

    @Override
    public Optional<AccountProfile> citizenByIdNumber(String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        return accounts.citizenByIdNumber(idNumber).map(AccountAdministrator::profile);
    }

    @Override
    public Optional<String> creditCode(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return accounts.account(accountId)
                .filter(a -> a.kind() == AccountKind.ORGANIZATION)
                .map(AccountEntity::creditCode);
    }

    private static AccountProfile profile(AccountEntity a) {
        String mobile = a.kind() == AccountKind.ORGANIZATION ? a.contactMobile() : a.mobile();
        return new AccountProfile(a.id(), a.kind(), a.name(), a.idNumber(), mobile, a.trustLevel());
    }
}
