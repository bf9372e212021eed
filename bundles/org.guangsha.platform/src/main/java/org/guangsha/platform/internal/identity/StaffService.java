package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.internal.audit.AuditLogs;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.Problem;
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
 * Caseworker and operator accounts. Operators create them (REST or the Karaf shell); a caseworker
 * is scoped to one region of the tree and everything below it.
 */
@Component(service = StaffService.class)
public class StaffService {

    static final Set<String> ROLES = Set.of("CASEWORKER", "OPERATOR");

    private static final Logger LOG = LoggerFactory.getLogger(StaffService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    /** What an operator submits. */
    public record NewStaff(
            String username, String name, String password, String role, String regionCode) {}

    private final JpaTransactions tx;
    private final AccountService accounts;
    private final Regions regions;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public StaffService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference AccountService accounts,
            @Reference Regions regions) {
        this.tx = new JpaTransactions(emf);
        this.accounts = accounts;
        this.regions = regions;
    }

    /**
     * Creates a staff account or says which fields are wrong; audited as {@code staff.created}.
     *
     * @param actorId the operator creating it, or null in the Karaf shell
     * @param source the operator's network address, or null
     */
    public AccountEntity create(NewStaff s, String actorId, String source) {
        List<FieldError> errors = new ArrayList<>();
        String username = s.username() == null ? "" : s.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(
                    new FieldError(
                            "username",
                            "用户名为3到32位小写字母、数字或 . _ -，以字母开头",
                            "3 to 32 lower-case letters, digits, . _ -; starts with a letter"));
        }
        String name = s.name() == null ? "" : s.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            errors.add(new FieldError("name", "请填写姓名", "The name is required"));
        }
        if (s.role() == null || !ROLES.contains(s.role())) {
            errors.add(
                    new FieldError("role", "角色应为 CASEWORKER 或 OPERATOR", "CASEWORKER or OPERATOR"));
        } else if ("CASEWORKER".equals(s.role()) && regions.region(s.regionCode()).isEmpty()) {
            errors.add(
                    new FieldError("regionCode", "请选择有效的所属区域", "A known region code is required"));
        }
        PasswordPolicy.check("password", s.password(), username).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String region = "CASEWORKER".equals(s.role()) ? s.regionCode() : null;
        String hash = accounts.hashPassword(s.password());
        AccountEntity staff =
                AccountEntity.staff(
                        UUID.randomUUID().toString(),
                        username,
                        name,
                        s.role(),
                        region,
                        hash,
                        Clock.systemUTC().instant());
        accounts.insert(
                staff,
                em -> {
                    if (AccountService.count(em, "a.username", username) > 0) {
                        throw duplicate();
                    }
                });
        LOG.info("Staff account {} ({}, region {}) created", staff.id(), s.role(), region);
        AuditLogs.record(
                auditLog,
                "staff.created",
                actorId,
                "account:" + staff.id(),
                source,
                "username=" + username + " role=" + s.role() + " region=" + region);
        return staff;
    }

    /** Every staff account, caseworkers of all regions and operators, by user name. */
    public List<AccountEntity> all() {
        return tx.read(
                em ->
                        em.createQuery(
                                        "SELECT a FROM AccountEntity a WHERE a.kind = :k"
                                                + " ORDER BY a.username",
                                        AccountEntity.class)
                                .setParameter("k", AccountKind.STAFF.name())
                                .getResultList());
    }

    /** Caseworkers whose region lies in {@code regionCode} (operators have no region). */
    public List<AccountEntity> inRegion(String regionCode) {
        return all().stream()
                .filter(a -> a.regionCode() != null && regions.covers(regionCode, a.regionCode()))
                .toList();
    }

    /**
     * Disables a staff account (it cannot log in; every token it holds is revoked at once) or
     * enables it again; audited as {@code staff.disabled} or {@code staff.enabled} when it changes.
     * Doing what is done already changes nothing. 404 unless {@code accountId} is a staff account;
     * 409 {@code own-account} when operators disable themselves.
     *
     * @param actorId the operator, or null in the Karaf shell
     * @param source the operator's network address, or null
     */
    public AccountEntity setDisabled(
            String accountId, boolean disable, String actorId, String source) {
        if (disable && accountId.equals(actorId)) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("own-account"),
                            "不能停用自己的账号",
                            "Operators cannot disable their own account",
                            409,
                            null,
                            null,
                            null));
        }
        Instant now = Clock.systemUTC().instant();
        boolean[] changed = {false};
        AccountEntity account = null;
        for (int attempt = 1; account == null; attempt++) {
            try {
                account =
                        tx.write(
                                em -> {
                                    AccountEntity a = em.find(AccountEntity.class, accountId);
                                    if (a == null || a.kind() != AccountKind.STAFF) {
                                        throw ProblemException.notFound(null);
                                    }
                                    changed[0] = a.disabled() != disable;
                                    if (changed[0]) {
                                        a.disabledAt(disable ? now : null);
                                    }
                                    if (disable) {
                                        em.createQuery(
                                                        "UPDATE TokenEntity t SET t.revokedAt = :now"
                                                                + " WHERE t.accountId = :a"
                                                                + " AND t.revokedAt IS NULL")
                                                .setParameter("now", Timestamp.from(now))
                                                .setParameter("a", accountId)
                                                .executeUpdate();
                                    }
                                    return a;
                                });
            } catch (RuntimeException e) {
                // a login of the same account changed the row at the same moment
                if (attempt == 3 || !JpaTransactions.optimisticLockFailure(e)) {
                    throw e;
                }
            }
        }
        if (changed[0]) {
            String action = disable ? "staff.disabled" : "staff.enabled";
            LOG.info(
                    "Staff account {} {} by {}",
                    accountId,
                    disable ? "disabled" : "enabled",
                    actorId);
            AuditLogs.record(
                    auditLog,
                    action,
                    actorId,
                    "account:" + accountId,
                    source,
                    "username="
                            + account.username()
                            + " role="
                            + String.join(",", account.roles()));
        }
        return account;
    }

    private static ProblemException duplicate() {
        return new ProblemException(
                new Problem(
                        Problem.type("duplicate-account"),
                        "账号已存在",
                        "Account already exists",
                        409,
                        null,
                        null,
                        List.of(
                                new FieldError(
                                        "username", "该用户名已被使用", "This user name is taken"))));
    }
}
