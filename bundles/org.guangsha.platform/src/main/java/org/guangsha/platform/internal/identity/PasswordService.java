package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.SmsSender;
import org.guangsha.platform.internal.util.Digests;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
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
 * Password change and reset by SMS code (I-3). A reset code is 6 digits, lives 5 minutes, allows 5
 * tries and one use; a mobile gets at most one code a minute. Whether the mobile is registered is
 * never revealed. A new password revokes every login of the account, the current one too.
 */
@Component(service = PasswordService.class)
public class PasswordService {

    static final String RESET = "password-reset";
    static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordService.class);

    private final JpaTransactions tx;
    private final AccountService accounts;
    private final CaptchaService captchas;
    private final Clock clock;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsSender sms;

    /** Built by DS. */
    @Activate
    public PasswordService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference AccountService accounts,
            @Reference CaptchaService captchas) {
        this.tx = new JpaTransactions(emf);
        this.accounts = accounts;
        this.captchas = captchas;
        this.clock = Clock.systemUTC();
    }

    /** Sends a reset code to {@code mobile} if an account has it; silent otherwise. */
    public void sendResetCode(String mobile, String captchaId, String captchaAnswer) {
        if (mobile == null || !AccountService.MOBILE.matcher(mobile).matches()) {
            throw ProblemException.invalidField(
                    "mobile", "请输入11位手机号码", "An 11-digit mainland mobile number");
        }
        if (!captchas.check(captchaId, captchaAnswer)) {
            throw ProblemException.invalidField(
                    "captchaAnswer", "验证码错误或已过期，请刷新后重试", "Wrong or expired captcha");
        }
        SmsSender sender = sms;
        if (sender == null) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("service-unavailable"),
                            "短信服务暂不可用",
                            "No SMS service is installed",
                            503,
                            null,
                            null,
                            null));
        }
        Instant now = clock.instant();
        Optional<String> code =
                tx.write(
                        em -> {
                            if (citizenByMobile(em, mobile).isEmpty()) {
                                return Optional.empty();
                            }
                            return Optional.of(
                                    SmsCodes.issue(
                                            em, mobile, RESET, now, c -> codeHash(mobile, c)));
                        });
        code.ifPresent(c -> sender.send(mobile, "【广厦】您正在重置密码，验证码" + c + "，5分钟内有效。如非本人操作，请忽略。"));
        LOG.info("Password reset requested for {}", Masking.mobile(mobile));
    }

    /** Sets a new password with a reset code; every login of the account is revoked. */
    public void reset(String mobile, String code, String newPassword) {
        AccountEntity account =
                tx.read(em -> citizenByMobile(em, mobile)).orElseThrow(PasswordService::wrongCode);
        PasswordPolicy.check("newPassword", newPassword, account.idNumber(), account.mobile())
                .ifPresent(
                        e -> {
                            throw ProblemException.validation(List.of(e));
                        });
        Instant now = clock.instant();
        String hash = accounts.hashPassword(newPassword);
        boolean done =
                tx.write(
                        em -> {
                            List<SmsCodeEntity> codes =
                                    em.createQuery(
                                                    "SELECT c FROM SmsCodeEntity c WHERE c.mobile = :m"
                                                            + " AND c.purpose = :p ORDER BY c.createdAt DESC",
                                                    SmsCodeEntity.class)
                                            .setParameter("m", mobile)
                                            .setParameter("p", RESET)
                                            .setMaxResults(1)
                                            .getResultList();
                            if (codes.isEmpty() || !codes.get(0).usableAt(now, MAX_ATTEMPTS)) {
                                return false;
                            }
                            SmsCodeEntity latest = codes.get(0);
                            latest.attempt();
                            if (code == null
                                    || !Digests.sameHash(
                                            latest.codeHash(), codeHash(mobile, code))) {
                                return false;
                            }
                            latest.use(now);
                            setPassword(em, account.id(), hash, now);
                            return true;
                        });
        if (!done) {
            throw wrongCode();
        }
        LOG.info("Password of account {} reset by SMS code", account.id());
    }

    /** Changes the password of a logged-in account; its other logins are revoked. */
    public void change(String accountId, String oldPassword, String newPassword) {
        AccountEntity account =
                accounts.account(accountId).orElseThrow(() -> ProblemException.notFound(null));
        if (!accounts.passwordMatches(account, oldPassword)) {
            throw ProblemException.invalidField("oldPassword", "原密码不正确", "Wrong current password");
        }
        PasswordPolicy.check("newPassword", newPassword, account.idNumber(), account.mobile())
                .ifPresent(
                        e -> {
                            throw ProblemException.validation(List.of(e));
                        });
        String hash = accounts.hashPassword(newPassword);
        tx.run(em -> setPassword(em, accountId, hash, clock.instant()));
        LOG.info("Password of account {} changed", accountId);
    }

    private static void setPassword(EntityManager em, String accountId, String hash, Instant now) {
        AccountEntity row = em.find(AccountEntity.class, accountId);
        row.passwordHash(hash);
        row.loginSucceeded();
        em.createQuery(
                        "UPDATE TokenEntity t SET t.revokedAt = :now"
                                + " WHERE t.accountId = :a AND t.revokedAt IS NULL")
                .setParameter("now", Timestamp.from(now))
                .setParameter("a", accountId)
                .executeUpdate();
    }

    private static Optional<AccountEntity> citizenByMobile(EntityManager em, String mobile) {
        return em
                .createQuery(
                        "SELECT a FROM AccountEntity a WHERE a.mobile = :m", AccountEntity.class)
                .setParameter("m", mobile)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The stored form of an SMS code, bound to its mobile. */
    private static String codeHash(String mobile, String code) {
        return Digests.sha256Hex(mobile + ":" + code);
    }

    private static ProblemException wrongCode() {
        return ProblemException.invalidField(
                "code", "短信验证码错误或已失效，请重新获取", "Wrong or expired SMS code");
    }
}
