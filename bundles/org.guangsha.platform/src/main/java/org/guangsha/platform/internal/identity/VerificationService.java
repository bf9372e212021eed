package org.guangsha.platform.internal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.identity.VerificationOutcome;
import org.guangsha.platform.identity.VerificationProvider;
import org.guangsha.platform.identity.VerificationSubject;
import org.guangsha.platform.internal.audit.AuditLogs;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-name verification (I-2, I-4): lists the methods installed, runs one, records every attempt
 * and raises the account to L2 when one passes. Methods come and go with their bundles.
 */
@Component(service = VerificationService.class)
public class VerificationService {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationService.class);

    /** The result of one attempt as the citizen sees it. */
    public record Result(String method, VerificationOutcome outcome, TrustLevel trustLevel) {}

    private final JpaTransactions tx;
    private final Clock clock;
    private final Map<String, VerificationProvider> providers = new ConcurrentHashMap<>();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public VerificationService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema) {
        this(new JpaTransactions(emf), Clock.systemUTC());
    }

    VerificationService(JpaTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(VerificationProvider provider) {
        providers.putIfAbsent(provider.id(), provider);
    }

    void removeProvider(VerificationProvider provider) {
        providers.remove(provider.id(), provider);
    }

    /** The methods installed, by id. */
    public List<VerificationProvider> methods() {
        return providers.values().stream()
                .sorted(Comparator.comparing(VerificationProvider::id))
                .toList();
    }

    /** Runs {@code method} for the caller; a pass raises the account to L2 (never lowers it). */
    public Result verify(Caller caller, String method, Map<String, String> input) {
        return verify(caller, method, input, null);
    }

    /**
     * As {@link #verify(Caller, String, Map)}, from the network address {@code source}; every
     * attempt that reaches a method is audited ({@code verification.passed}, {@code .failed},
     * {@code .pending}, or {@code .error} when the method itself failed).
     */
    public Result verify(Caller caller, String method, Map<String, String> input, String source) {
        VerificationProvider provider =
                Optional.ofNullable(method)
                        .map(providers::get)
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "method",
                                                "不支持的认证方式",
                                                "Unknown verification method"));
        AccountEntity account = tx.read(em -> em.find(AccountEntity.class, caller.accountId()));
        if (account == null) {
            throw ProblemException.notFound(null);
        }
        VerificationSubject subject =
                new VerificationSubject(
                        account.id(), account.name(), account.idNumber(), account.mobile());
        VerificationOutcome outcome;
        try {
            outcome = provider.verify(subject, input == null ? Map.of() : Map.copyOf(input));
        } catch (RuntimeException e) {
            audit("verification.error", account.id(), source, "method=" + provider.id());
            throw e;
        }
        Instant now = clock.instant();
        TrustLevel level =
                tx.write(
                        em -> {
                            em.persist(
                                    new VerificationEntity(
                                            UUID.randomUUID().toString(),
                                            account.id(),
                                            provider.id(),
                                            outcome.status().name(),
                                            now));
                            AccountEntity row = em.find(AccountEntity.class, account.id());
                            if (outcome.status() == VerificationOutcome.Status.PASSED
                                    && !row.trustLevel().satisfies(TrustLevel.L2)) {
                                row.trustLevel(TrustLevel.L2);
                            }
                            return row.trustLevel();
                        });
        LOG.info(
                "Verification '{}' of account {}: {}",
                provider.id(),
                account.id(),
                outcome.status());
        audit(
                "verification." + outcome.status().name().toLowerCase(Locale.ROOT),
                account.id(),
                source,
                "method=" + provider.id() + " trustLevel=" + level);
        return new Result(provider.id(), outcome, level);
    }

    /** The citizen verifies their own account: actor and target are the same. */
    private void audit(String action, String accountId, String source, String detail) {
        AuditLogs.record(auditLog, action, accountId, "account:" + accountId, source, detail);
    }
}
