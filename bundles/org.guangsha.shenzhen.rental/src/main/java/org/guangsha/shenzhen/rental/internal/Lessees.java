package org.guangsha.shenzhen.rental.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds the leases of whoever asks: the line's one answer to "is this the lessee?" (every service
 * of the line asks it; others get 404). A citizen's leases are those already linked to their
 * account, and, once they are verified (L2), those the city imported under their resident ID
 * number, which are then linked to the account for good ({@code ACCOUNT_ID}). An organization's are
 * those under its unified social credit code, linked likewise. Staff hold no lease.
 *
 * <p>A lease linked to another account is never taken over: an ID number has one account, so such a
 * link was made by that account's owner.
 */
@Component(service = Lessees.class)
public class Lessees {

    private final JpaTransactions tx;
    private final AccountDirectory accounts;
    private final Clock clock;

    /** Built by DS. */
    @Activate
    public Lessees(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema,
            @Reference AccountDirectory accounts) {
        this(new JpaTransactions(emf), accounts, Clock.systemUTC());
    }

    /** For tests (one DS constructor only: SCR must not choose between two of one arity). */
    public static Lessees forTests(JpaTransactions tx, AccountDirectory accounts, Clock clock) {
        return new Lessees(tx, accounts, clock);
    }

    /** For tests. */
    private Lessees(JpaTransactions tx, AccountDirectory accounts, Clock clock) {
        this.tx = tx;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The caller's leases, active and ended, newest start first; linked to the caller's account
     * when they were found by ID number or credit code. Detached: changing them changes nothing.
     */
    public List<LeaseEntity> leases(Caller caller) {
        if (caller == null) {
            return List.of();
        }
        String kind;
        Optional<String> key;
        if (caller.kind() == AccountKind.CITIZEN) {
            kind = "CITIZEN";
            // an ID number counts only once it is verified (I-2): an L1 account may have typed
            // someone else's
            key =
                    caller.trustLevel().compareTo(TrustLevel.L2) >= 0
                            ? accounts.find(caller.accountId())
                                    .map(AccountDirectory.AccountProfile::idNumber)
                            : Optional.empty();
        } else if (caller.kind() == AccountKind.ORGANIZATION) {
            kind = "ORGANIZATION";
            key = accounts.creditCode(caller.accountId());
        } else {
            return List.of();
        }
        String lesseeId = key.orElse(null);
        List<LeaseEntity> found =
                tx.read(
                        em ->
                                em.createQuery(
                                                "select l from LeaseEntity l where l.lesseeKind = :kind"
                                                        + " and (l.accountId = :account"
                                                        + " or (l.accountId is null and l.lesseeId = :id))",
                                                LeaseEntity.class)
                                        .setParameter("kind", kind)
                                        .setParameter("account", caller.accountId())
                                        .setParameter("id", lesseeId == null ? "" : lesseeId)
                                        .getResultList());
        List<String> unlinked =
                found.stream().filter(l -> l.accountId() == null).map(LeaseEntity::id).toList();
        if (!unlinked.isEmpty()) {
            // one statement, only where still unlinked: two requests at once link the lease once
            Instant now = clock.instant();
            tx.run(
                    em ->
                            em.createQuery(
                                            "update LeaseEntity l set l.accountId = :account, l.updatedAt = :now"
                                                    + " where l.id in :ids and l.accountId is null")
                                    .setParameter("account", caller.accountId())
                                    .setParameter("now", java.sql.Timestamp.from(now))
                                    .setParameter("ids", unlinked)
                                    .executeUpdate());
            found.forEach(l -> l.accountId(caller.accountId()));
        }
        List<LeaseEntity> sorted = new ArrayList<>(found);
        sorted.sort(
                (a, b) -> {
                    int c = b.startDate().compareTo(a.startDate());
                    return c != 0 ? c : a.leaseNo().compareTo(b.leaseNo());
                });
        return sorted;
    }

    /** The caller's lease with this id, or empty (someone else's lease reads as no lease: 404). */
    public Optional<LeaseEntity> lease(Caller caller, String leaseId) {
        if (leaseId == null) {
            return Optional.empty();
        }
        return leases(caller).stream().filter(l -> l.id().equals(leaseId)).findFirst();
    }

    /** The caller's verified resident ID number (citizens at L2 or above), or empty. */
    public Optional<String> verifiedIdNumber(Caller caller) {
        if (caller == null
                || caller.kind() != AccountKind.CITIZEN
                || caller.trustLevel().compareTo(TrustLevel.L2) < 0) {
            return Optional.empty();
        }
        return accounts.find(caller.accountId()).map(AccountDirectory.AccountProfile::idNumber);
    }
}
