package org.guangsha.platform.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.AccountAdministration;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.CreditCode;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.audit.AuditLogs;
import org.guangsha.platform.internal.ratelimit.RateLimiter;
import org.guangsha.platform.internal.util.Digests;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration, login with lockout, tokens and logout (DOMAIN.md I-1, I-3). Every rule is decided
 * here and in the database, so several nodes behave as one: uniqueness by constraints, lockout by
 * the account row (optimistic lock), tokens by their stored hash.
 */
@Component(service = AccountService.class, configurationPid = IdentityConfiguration.PID)
@Designate(ocd = IdentityConfiguration.class)
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int TOKEN_BYTES = 32;

    /** A successful login. */
    public record Login(String token, Instant expiresAt, Caller caller) {}

    /** What a citizen submits to register. */
    public record Registration(
            String name,
            String idNumber,
            String mobile,
            String password,
            String captchaId,
            String captchaAnswer) {}

    /**
     * What a caseworker types at the counter to open an account for the citizen in front of them
     * (JX-1): no password (the citizen sets one by SMS), no captcha (staff are logged in).
     */
    public record CounterRegistration(String name, String idNumber, String mobile) {}

    /** What an organization submits to register. */
    public record OrganizationRegistration(
            String organizationName,
            String creditCode,
            String legalRepresentativeName,
            String legalRepresentativeIdNumber,
            String mobile,
            String password,
            String captchaId,
            String captchaAnswer) {}

    private final JpaTransactions tx;
    private final CaptchaService captchas;
    private final RateLimiter limiter;
    private final Clock clock;
    private volatile IdentityRules rules;
    private volatile PasswordHasher hasher;
    private volatile String dummyHash;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public AccountService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference CaptchaService captchas,
            @Reference RateLimiter limiter,
            IdentityConfiguration config) {
        this(
                new JpaTransactions(emf),
                captchas,
                limiter,
                Clock.systemUTC(),
                IdentityRules.of(config));
    }

    AccountService(
            JpaTransactions tx,
            CaptchaService captchas,
            RateLimiter limiter,
            Clock clock,
            IdentityRules rules) {
        this.tx = tx;
        this.captchas = captchas;
        this.limiter = limiter;
        this.clock = clock;
        modified(rules);
    }

    /** The city changed the rules: they apply from the next request on. */
    @Modified
    void modified(IdentityConfiguration config) {
        modified(IdentityRules.of(config));
    }

    private void modified(IdentityRules newRules) {
        if (hasher == null || rules.passwordIterations() != newRules.passwordIterations()) {
            hasher = new PasswordHasher(newRules.passwordIterations());
        }
        rules = newRules;
    }

    /** See {@link AccountAdministration#ensureCitizen}. */
    public String ensureCitizen(
            String name, String idNumber, String mobile, String password, TrustLevel level) {
        String key = ResidentIdNumber.normalize(idNumber);
        Optional<AccountEntity> existing = tx.read(em -> find(em, key == null ? "" : key));
        if (existing.isPresent()) {
            return existing.get().id();
        }
        AccountEntity created =
                create(new Registration(name, idNumber, mobile, password, null, null), true);
        if (level != TrustLevel.L1) {
            tx.run(em -> em.find(AccountEntity.class, created.id()).trustLevel(level));
        }
        return created.id();
    }

    /** Raises a citizen to L3 after a caseworker checked the ID card in person; audited. */
    public TrustLevel verifyInPerson(String accountId, String caseworkerId) {
        Instant now = clock.instant();
        TrustLevel level =
                tx.write(
                        em -> {
                            AccountEntity a = em.find(AccountEntity.class, accountId);
                            if (a == null || a.kind() != AccountKind.CITIZEN) {
                                throw ProblemException.notFound(null);
                            }
                            a.trustLevel(TrustLevel.L3);
                            em.persist(
                                    VerificationEntity.inPerson(
                                            UUID.randomUUID().toString(),
                                            accountId,
                                            caseworkerId,
                                            now));
                            return a.trustLevel();
                        });
        AuditLogs.record(
                auditLog,
                "verification.in-person",
                caseworkerId,
                "account:" + accountId,
                null,
                "trustLevel=" + level);
        return level;
    }

    /** The citizen with this ID number, for counter staff. */
    public Optional<AccountEntity> citizenByIdNumber(String idNumber) {
        String key = ResidentIdNumber.normalize(idNumber);
        if (key == null || ResidentIdNumber.defect(key).isPresent()) {
            return Optional.empty();
        }
        return tx.read(em -> find(em, key)).filter(a -> a.kind() == AccountKind.CITIZEN);
    }

    /**
     * Opens a citizen account at the service-hall counter (JX-1): every rule of self-registration
     * (I-1) except the captcha and the password, which is random and never shown: the citizen sets
     * their own with the SMS reset. The account starts at L3, since the caseworker checked the ID
     * card in person, with an in-person verification row naming the caseworker, in the same
     * transaction. Taken keys answer 409 naming {@code idNumber} and/or {@code mobile}: such a
     * citizen is found with the ID number instead. Audited {@code account.counter-registered}.
     */
    public AccountEntity registerAtCounter(
            CounterRegistration r, String caseworkerId, String source) {
        Registration registration =
                new Registration(r.name(), r.idNumber(), r.mobile(), randomPassword(), null, null);
        AccountEntity account = validated(registration, true);
        account.trustLevel(TrustLevel.L3);
        Instant now = clock.instant();
        AccountEntity created =
                insert(
                        account,
                        em -> counterDuplicates(em, account.idNumber(), account.mobile()),
                        em ->
                                em.persist(
                                        VerificationEntity.inPerson(
                                                UUID.randomUUID().toString(),
                                                account.id(),
                                                caseworkerId,
                                                now)));
        AuditLogs.record(
                auditLog,
                "account.counter-registered",
                caseworkerId,
                "account:" + created.id(),
                source,
                "name="
                        + Masking.name(created.name())
                        + " idNumber="
                        + ResidentIdNumber.mask(created.idNumber())
                        + " mobile="
                        + Masking.mobile(created.mobile())
                        + " trustLevel="
                        + created.trustLevel());
        LOG.info("Citizen account {} opened at the counter by {}", created.id(), caseworkerId);
        return created;
    }

    /**
     * A password nobody knows: 32 random URL-safe characters after a prefix that gives it the four
     * character classes the policy asks for. It is hashed at once and never leaves this method.
     */
    static String randomPassword() {
        return "Gs#1" + Digests.randomToken(24);
    }

    /** Registers a citizen at L1 (I-1), or says which fields are wrong. */
    public AccountEntity register(Registration r) {
        return create(r, false);
    }

    private AccountEntity create(Registration r, boolean administrative) {
        AccountEntity account = validated(r, administrative);
        return insert(account, em -> duplicates(em, account.idNumber(), account.mobile()));
    }

    /**
     * A new citizen account (L1) from {@code r}, not stored yet, or 400 naming the wrong fields;
     * {@code administrative} skips the captcha.
     */
    private AccountEntity validated(Registration r, boolean administrative) {
        String idNumber = ResidentIdNumber.normalize(r.idNumber());
        String mobile = r.mobile() == null ? null : r.mobile().strip();
        String name = r.name() == null ? "" : r.name().strip();
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty() || name.length() > 50) {
            errors.add(new FieldError("name", "请填写姓名（不超过50字）", "Name is required (at most 50)"));
        }
        ResidentIdNumber.defect(idNumber)
                .ifPresent(d -> errors.add(new FieldError("idNumber", d.message(), d.messageEn())));
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            errors.add(
                    new FieldError("mobile", "请输入11位手机号码", "An 11-digit mainland mobile number"));
        }
        PasswordPolicy.check("password", r.password(), idNumber, mobile).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!administrative && !captchas.check(r.captchaId(), r.captchaAnswer())) {
            throw badCaptcha();
        }
        String hash = hasher.hash(r.password().toCharArray());
        return AccountEntity.citizen(
                UUID.randomUUID().toString(), name, idNumber, mobile, hash, clock.instant());
    }

    /**
     * Stores a new account unless {@code refuseDuplicates} finds its keys taken. When two requests
     * race, the unique constraints decide and the loser gets the same 409 as if it had come later.
     */
    AccountEntity insert(AccountEntity account, Consumer<EntityManager> refuseDuplicates) {
        return insert(account, refuseDuplicates, em -> {});
    }

    /**
     * As {@link #insert(AccountEntity, Consumer)}, and {@code alsoStore} writes rows that refer to
     * the new account in the same transaction (after the account row, for their foreign keys).
     */
    private AccountEntity insert(
            AccountEntity account,
            Consumer<EntityManager> refuseDuplicates,
            Consumer<EntityManager> alsoStore) {
        try {
            return tx.write(
                    em -> {
                        refuseDuplicates.accept(em);
                        em.persist(account);
                        em.flush();
                        alsoStore.accept(em);
                        return account;
                    });
        } catch (PersistenceException raceLostToAnotherRequest) {
            tx.run(refuseDuplicates);
            throw raceLostToAnotherRequest;
        }
    }

    /** 409 problem+json naming the fields whose values another account has. */
    static ProblemException duplicateAccount(List<FieldError> taken) {
        return new ProblemException(
                new Problem(
                        Problem.type("duplicate-account"),
                        "账号已存在",
                        "Account already exists",
                        409,
                        null,
                        null,
                        taken));
    }

    /** Registers an organization (法人) by its unified social credit code, at L1. */
    public AccountEntity registerOrganization(OrganizationRegistration r) {
        return registerOrganization(r, false);
    }

    /** See {@link AccountAdministration#ensureOrganization}. */
    public String ensureOrganization(OrganizationRegistration r) {
        String code = CreditCode.normalize(r.creditCode());
        Optional<AccountEntity> existing =
                tx.read(
                        em ->
                                code == null
                                        ? Optional.<AccountEntity>empty()
                                        : findOrganization(em, code));
        return existing.isPresent() ? existing.get().id() : registerOrganization(r, true).id();
    }

    private AccountEntity registerOrganization(OrganizationRegistration r, boolean administrative) {
        String code = CreditCode.normalize(r.creditCode());
        String name = r.organizationName() == null ? "" : r.organizationName().strip();
        String repName =
                r.legalRepresentativeName() == null ? "" : r.legalRepresentativeName().strip();
        String repId = ResidentIdNumber.normalize(r.legalRepresentativeIdNumber());
        String mobile = r.mobile() == null ? null : r.mobile().strip();
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(
                    new FieldError(
                            "organizationName", "请填写单位名称", "The organization's name is required"));
        }
        CreditCode.defect(code)
                .ifPresent(
                        d -> errors.add(new FieldError("creditCode", d.message(), d.messageEn())));
        if (repName.isEmpty() || repName.length() > 50) {
            errors.add(
                    new FieldError(
                            "legalRepresentativeName",
                            "请填写法定代表人姓名",
                            "The legal representative's name is required"));
        }
        ResidentIdNumber.defect(repId)
                .ifPresent(
                        d ->
                                errors.add(
                                        new FieldError(
                                                "legalRepresentativeIdNumber",
                                                d.message(),
                                                d.messageEn())));
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            errors.add(
                    new FieldError("mobile", "请输入11位手机号码", "An 11-digit mainland mobile number"));
        }
        PasswordPolicy.check("password", r.password(), code, mobile).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!administrative && !captchas.check(r.captchaId(), r.captchaAnswer())) {
            throw badCaptcha();
        }
        String hash = hasher.hash(r.password().toCharArray());
        return insert(
                AccountEntity.organization(
                        UUID.randomUUID().toString(),
                        name,
                        code,
                        repName,
                        repId,
                        mobile,
                        hash,
                        clock.instant()),
                em -> duplicateOrganization(em, code));
    }

    private static void duplicateOrganization(EntityManager em, String code) {
        if (count(em, "a.creditCode", code) > 0) {
            throw duplicateAccount(
                    List.of(
                            new FieldError(
                                    "creditCode",
                                    "该统一社会信用代码已注册",
                                    "This credit code is registered")));
        }
    }

    private static void duplicates(EntityManager em, String idNumber, String mobile) {
        duplicates(em, idNumber, mobile, "该身份证号已注册，请直接登录", "This ID number is registered");
    }

    /** At the counter the caseworker looks the citizen up by ID number instead. */
    private static void counterDuplicates(EntityManager em, String idNumber, String mobile) {
        duplicates(
                em,
                idNumber,
                mobile,
                "该身份证号已注册，请按身份证号查找该居民",
                "This ID number is registered; find the citizen by it");
    }

    private static void duplicates(
            EntityManager em, String idNumber, String mobile, String idTaken, String idTakenEn) {
        List<FieldError> taken = new ArrayList<>();
        if (count(em, "a.idNumber", idNumber) > 0) {
            taken.add(new FieldError("idNumber", idTaken, idTakenEn));
        }
        if (count(em, "a.mobile", mobile) > 0) {
            taken.add(new FieldError("mobile", "该手机号已注册", "This mobile number is registered"));
        }
        if (!taken.isEmpty()) {
            throw duplicateAccount(taken);
        }
    }

    static long count(EntityManager em, String field, String value) {
        return em.createQuery(
                        "SELECT COUNT(a) FROM AccountEntity a WHERE " + field + " = :v", Long.class)
                .setParameter("v", value)
                .getSingleResult();
    }

    /**
     * Logs in by ID number, mobile or staff user name (I-3). Wrong captcha: 400; unknown account or
     * wrong password: 401 with the same words (no telling which); locked: 403 with the time it
     * opens again. Every attempt is audited.
     */
    public Login login(
            String account, String password, String captchaId, String answer, String source) {
        return login(false, account, password, captchaId, answer, source);
    }

    /** Logs an organization in by its credit code; otherwise as {@link #login}. */
    public Login loginOrganization(
            String creditCode, String password, String captchaId, String answer, String source) {
        return login(true, creditCode, password, captchaId, answer, source);
    }

    private Login login(
            boolean organization,
            String account,
            String password,
            String captchaId,
            String answer,
            String source) {
        String key =
                account == null
                        ? ""
                        : organization
                                ? CreditCode.normalize(account)
                                : ResidentIdNumber.normalize(account);
        String hint = hint(key);
        limiter.account(key);
        if (!captchas.check(captchaId, answer)) {
            audit(null, hint, source, "BAD_CAPTCHA");
            throw badCaptcha();
        }
        Instant now = clock.instant();
        Optional<AccountEntity> found =
                tx.read(em -> organization ? findOrganization(em, key) : find(em, key));
        if (found.isEmpty()) {
            hasher.verify(chars(password), dummyHash()); // same time as a real check
            audit(null, hint, source, "UNKNOWN_ACCOUNT");
            throw invalidCredentials();
        }
        AccountEntity a = found.get();
        if (a.lockedUntil() != null && now.isBefore(a.lockedUntil())) {
            audit(a.id(), hint, source, "LOCKED");
            throw locked(a.lockedUntil(), now);
        }
        boolean ok = hasher.verify(chars(password), a.passwordHash());
        if (a.disabled()) {
            // Only the password's owner learns that the account is disabled.
            audit(a.id(), hint, source, ok ? "DISABLED" : "BAD_PASSWORD");
            throw ok ? disabled() : invalidCredentials();
        }
        Login login = null;
        Instant[] lockedUntil = {null};
        for (int attempt = 1; ; attempt++) {
            try {
                login = recordLogin(a.id(), ok, password, hint, source, now, lockedUntil);
                break;
            } catch (PersistenceException concurrentUpdate) {
                // Another login of the same account changed the row at the same moment.
                if (attempt == 3) {
                    throw concurrentUpdate;
                }
            }
        }
        String method = organization ? "organization" : "password";
        if (login == null) {
            LOG.info("Failed login for account {} from {}", a.id(), source);
            auditLogin(
                    "login.failed",
                    null,
                    a.id(),
                    source,
                    "reason=BAD_PASSWORD method=" + method,
                    hint);
            if (lockedUntil[0] != null) {
                auditLogin("account.locked", null, a.id(), source, "until=" + lockedUntil[0], hint);
            }
            throw invalidCredentials();
        }
        auditLogin("login.succeeded", a.id(), a.id(), source, "method=" + method, hint);
        return login;
    }

    /**
     * Stores the attempt in {@code PLT_LOGIN_AUDIT} with the account as typed (masked) and, when
     * {@code ok}, issues a token; a failure counts towards the lockout ({@code lockedUntil} gets
     * the end of the lock when this one locked the account).
     */
    private Login recordLogin(
            String id,
            boolean ok,
            String password,
            String hint,
            String source,
            Instant now,
            Instant[] lockedUntil) {
        String outcome = ok ? "SUCCESS" : "BAD_PASSWORD";
        return tx.write(
                em -> {
                    AccountEntity row = em.find(AccountEntity.class, id);
                    em.persist(
                            new LoginAuditEntity(
                                    UUID.randomUUID().toString(), now, id, hint, source, outcome));
                    if (!ok) {
                        IdentityRules r = rules;
                        row.loginFailed(r.lockoutThreshold(), now.plus(r.lockout()));
                        boolean lockedNow =
                                row.lockedUntil() != null && now.isBefore(row.lockedUntil());
                        lockedUntil[0] = lockedNow ? row.lockedUntil() : null;
                        return null;
                    }
                    row.loginSucceeded();
                    if (hasher.needsRehash(row.passwordHash())) {
                        row.passwordHash(hasher.hash(chars(password)));
                    }
                    return issue(em, row, now);
                });
    }

    /**
     * Logs in the citizen whose resident ID number an identity provider proved (I-3). 401 when no
     * account has it (the citizen registers first); locked accounts stay locked.
     */
    public Login loginProved(String idNumber, String method, String source) {
        String key = ResidentIdNumber.normalize(idNumber);
        String hint = hint(key == null ? "" : key);
        Instant now = clock.instant();
        Optional<AccountEntity> found = tx.read(em -> find(em, key == null ? "" : key));
        if (found.isEmpty() || found.get().kind() != AccountKind.CITIZEN) {
            audit(null, hint, source, "UNKNOWN_ACCOUNT:" + method);
            throw new ProblemException(
                    new Problem(
                            Problem.type("no-account"),
                            "该身份尚未注册，请先注册",
                            "No account for this identity; register first",
                            401,
                            null,
                            null,
                            null));
        }
        AccountEntity a = found.get();
        if (a.lockedUntil() != null && now.isBefore(a.lockedUntil())) {
            audit(a.id(), hint, source, "LOCKED:" + method);
            throw locked(a.lockedUntil(), now);
        }
        if (a.disabled()) {
            audit(a.id(), hint, source, "DISABLED:" + method);
            throw disabled();
        }
        Login login =
                tx.write(
                        em -> {
                            em.persist(
                                    new LoginAuditEntity(
                                            UUID.randomUUID().toString(),
                                            now,
                                            a.id(),
                                            hint,
                                            source,
                                            "SUCCESS:" + method));
                            return issue(em, em.find(AccountEntity.class, a.id()), now);
                        });
        auditLogin("login.succeeded", a.id(), a.id(), source, "method=" + method, hint);
        return login;
    }

    private Login issue(EntityManager em, AccountEntity row, Instant now) {
        String token = Digests.randomToken(TOKEN_BYTES);
        Instant expires = now.plus(rules.token());
        em.persist(new TokenEntity(Digests.sha256Hex(token), row.id(), now, expires));
        return new Login(token, expires, caller(row));
    }

    /** A hash to check unknown accounts against, made on first need (not at start-up). */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null || hasher.needsRehash(hash)) {
            hash = hasher.hash("not a password".toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    /** A new hash of {@code password} with the cost in force. */
    String hashPassword(String password) {
        return hasher.hash(chars(password));
    }

    /** Whether {@code password} is the account's password. */
    boolean passwordMatches(AccountEntity account, String password) {
        return hasher.verify(chars(password), account.passwordHash());
    }

    /** Revokes {@code token}; unknown tokens are ignored (logging out twice is fine). */
    public void logout(String token) {
        Instant now = clock.instant();
        tx.run(
                em -> {
                    TokenEntity t = em.find(TokenEntity.class, Digests.sha256Hex(token));
                    if (t != null) {
                        t.revoke(now);
                    }
                });
    }

    /**
     * The caller a token stands for, if the token is known, not revoked and not expired, and its
     * account is not disabled.
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tx.read(
                em -> {
                    TokenEntity t = em.find(TokenEntity.class, Digests.sha256Hex(token));
                    if (t == null || !t.validAt(now)) {
                        return Optional.empty();
                    }
                    AccountEntity a = em.find(AccountEntity.class, t.accountId());
                    return Optional.ofNullable(a)
                            .filter(account -> !account.disabled())
                            .map(AccountService::caller);
                });
    }

    /** The account of a caller. */
    public Optional<AccountEntity> account(String id) {
        return tx.read(em -> Optional.ofNullable(em.find(AccountEntity.class, id)));
    }

    private static Optional<AccountEntity> findOrganization(EntityManager em, String code) {
        return em
                .createQuery(
                        "SELECT a FROM AccountEntity a WHERE a.creditCode = :v",
                        AccountEntity.class)
                .setParameter("v", code)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Citizens by ID number or mobile, staff by user name; never organizations. */
    private static Optional<AccountEntity> find(EntityManager em, String key) {
        String field =
                ResidentIdNumber.defect(key).isEmpty()
                        ? "a.idNumber"
                        : MOBILE.matcher(key).matches() ? "a.mobile" : "a.username";
        return em
                .createQuery(
                        "SELECT a FROM AccountEntity a WHERE " + field + " = :v",
                        AccountEntity.class)
                .setParameter("v", key)
                .getResultList()
                .stream()
                .findFirst();
    }

    static Caller caller(AccountEntity a) {
        return new Caller(a.id(), a.kind(), a.trustLevel(), a.roles(), a.regionCode());
    }

    /** A refused login: a {@code PLT_LOGIN_AUDIT} row and an audit trail entry. */
    private void audit(String accountId, String hint, String source, String outcome) {
        tx.run(
                em ->
                        em.persist(
                                new LoginAuditEntity(
                                        UUID.randomUUID().toString(),
                                        clock.instant(),
                                        accountId,
                                        hint,
                                        source,
                                        outcome)));
        int colon = outcome.indexOf(':');
        auditLogin(
                "login.failed",
                null,
                accountId,
                source,
                colon < 0
                        ? "reason=" + outcome
                        : "reason="
                                + outcome.substring(0, colon)
                                + " method="
                                + outcome.substring(colon + 1),
                hint);
    }

    /**
     * An entry in the audit trail. The account (when known) is the target; it is the actor only of
     * a successful login, since whoever failed did not prove to be its owner. The account as typed
     * goes into the detail masked: for an unknown account it is all there is.
     */
    private void auditLogin(
            String action,
            String actorId,
            String accountId,
            String source,
            String detail,
            String hint) {
        AuditLogs.record(
                auditLog,
                action,
                actorId,
                accountId == null ? null : "account:" + accountId,
                source,
                detail + " account=" + hint);
    }

    /** The account as typed, masked for the audit and the logs. */
    static String hint(String key) {
        if (key.length() == 18) {
            return ResidentIdNumber.mask(key);
        }
        if (MOBILE.matcher(key).matches()) {
            return Masking.mobile(key);
        }
        return key.length() <= 2 ? "**" : key.charAt(0) + "***" + key.charAt(key.length() - 1);
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static ProblemException badCaptcha() {
        return ProblemException.invalidField(
                "captchaAnswer", "验证码错误或已过期，请刷新后重试", "Wrong or expired captcha");
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(
                new Problem(
                        Problem.type("invalid-credentials"),
                        "账号或密码错误",
                        "Wrong account or password",
                        401,
                        null,
                        null,
                        null));
    }

    private static ProblemException disabled() {
        return new ProblemException(
                new Problem(
                        Problem.type("account-disabled"),
                        "账号已停用，请联系管理员",
                        "The account is disabled; ask an operator",
                        403,
                        null,
                        null,
                        null));
    }

    private static ProblemException locked(Instant until, Instant now) {
        long minutes = Math.max(1, Duration.between(now, until).toMinutes() + 1);
        return new ProblemException(
                new Problem(
                        Problem.type("account-locked"),
                        "登录失败次数过多，账号已临时锁定",
                        "Too many failed logins; the account is locked for a while",
                        403,
                        "请在" + minutes + "分钟后再试（try again in " + minutes + " min）",
                        null,
                        null),
                Map.of(
                        "Retry-After",
                        String.valueOf(Duration.between(now, until).toSeconds() + 1)));
    }
}
