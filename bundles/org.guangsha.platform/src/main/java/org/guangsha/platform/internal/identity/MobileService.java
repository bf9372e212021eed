package org.guangsha.platform.internal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.SmsSender;
import org.guangsha.platform.internal.audit.AuditLogs;
import org.guangsha.platform.internal.util.Digests;
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
 * Changing a citizen's mobile number (修改手机号码) with an SMS code sent to the NEW number, which proves
 * the citizen holds it. Same rules as the password-reset code ({@link PasswordService}): 6 digits,
 * 5 minutes, 5 tries, one use, one code a minute per number; the code is also bound to the account
 * that asked for it, so nobody else can spend it. The mobile stays unique among accounts (the
 * database constraint decides a race); the old number gets a notice, and the change is audited as
 * {@code account.mobile-changed} with both numbers masked. Logins stay valid: the account and its
 * password did not change.
 */
@Component(service = MobileService.class)
public class MobileService {

    static final String PURPOSE = "mobile-change";

    private static final Logger LOG = LoggerFactory.getLogger(MobileService.class);

    private final JpaTransactions tx;
    private final Clock clock;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsSender sms;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public MobileService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema) {
        this(new JpaTransactions(emf), Clock.systemUTC(), null, null);
    }

    MobileService(JpaTransactions tx, Clock clock, SmsSender sms, AuditLog auditLog) {
        this.tx = tx;
        this.clock = clock;
        this.sms = sms;
        this.auditLog = auditLog;
    }

    /**
     * Sends a code to {@code newMobile} for the citizen {@code accountId}. 400 naming {@code
     * mobile} for a malformed number or the current one, 409 {@code mobile-taken} (naming {@code
     * mobile}) when another account has it, 429 within a minute of the last code to that number,
     * 503 without an SMS service.
     */
    public void sendCode(String accountId, String newMobile) {
        String mobile = checkedMobile(newMobile);
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
        String digits =
                tx.write(
                        em -> {
                            AccountEntity account = citizen(em, accountId);
                            refuseCurrentOrTaken(em, account, mobile);
                            return SmsCodes.issue(
                                    em, mobile, PURPOSE, now, c -> codeHash(accountId, mobile, c));
                        });
        sender.send(mobile, "【广厦】您正在修改账号绑定的手机号码，验证码" + digits + "，5分钟内有效。如非本人操作，请忽略。");
        LOG.info("Mobile change code for account {} sent to {}", accountId, Masking.mobile(mobile));
    }

    /**
     * Sets the citizen's mobile to {@code newMobile} with the code sent to it. 400 naming {@code
     * code} for a wrong, expired, used or exhausted code (or one sent for another account), 409
     * {@code mobile-taken} when another account took the number meanwhile.
     *
     * @return the account as changed
     */
    public AccountEntity change(
            String accountId, String newMobile, String code, String sourceAddress) {
        String mobile = checkedMobile(newMobile);
        Instant now = clock.instant();
        String[] previous = new String[1];
        AccountEntity changed;
        try {
            changed =
                    tx.write(
                            em -> {
                                AccountEntity account = citizen(em, accountId);
                                if (!spend(em, accountId, mobile, code, now)) {
                                    return null;
                                }
                                refuseCurrentOrTaken(em, account, mobile);
                                previous[0] = account.mobile();
                                account.mobile(mobile);
                                return account;
                            });
        } catch (PersistenceException raceLost) {
            // the unique constraint on PLT_ACCOUNT.MOBILE: another account took it at this instant
            if (tx.read(em -> AccountService.count(em, "a.mobile", mobile)) > 0) {
                LOG.debug("Mobile change lost a race", raceLost);
                throw taken();
            }
            throw raceLost;
        }
        if (changed == null) {
            throw wrongCode();
        }
        AuditLogs.record(
                auditLog,
                "account.mobile-changed",
                accountId,
                "account:" + accountId,
                sourceAddress,
                "from=" + Masking.mobile(previous[0]) + " to=" + Masking.mobile(mobile));
        notifyOldNumber(previous[0], mobile);
        LOG.info(
                "Mobile of account {} changed from {} to {}",
                accountId,
                Masking.mobile(previous[0]),
                Masking.mobile(mobile));
        return changed;
    }

    /**
     * Tries the latest code sent to {@code mobile} for this purpose: counts the try, and uses the
     * code up when it matches. A failed try is committed too, so 5 wrong guesses end the code.
     */
    private boolean spend(
            EntityManager em, String accountId, String mobile, String code, Instant now) {
        List<SmsCodeEntity> codes =
                em.createQuery(
                                "SELECT c FROM SmsCodeEntity c WHERE c.mobile = :m"
                                        + " AND c.purpose = :p ORDER BY c.createdAt DESC",
                                SmsCodeEntity.class)
                        .setParameter("m", mobile)
                        .setParameter("p", PURPOSE)
                        .setMaxResults(1)
                        .getResultList();
        if (codes.isEmpty() || !codes.get(0).usableAt(now, PasswordService.MAX_ATTEMPTS)) {
            return false;
        }
        SmsCodeEntity latest = codes.get(0);
        latest.attempt();
        if (code == null
                || !Digests.sameHash(
                        latest.codeHash(), codeHash(accountId, mobile, code.strip()))) {
            return false;
        }
        latest.use(now);
        return true;
    }

    private void notifyOldNumber(String oldMobile, String newMobile) {
        SmsSender sender = sms;
        if (sender == null || oldMobile == null) {
            return;
        }
        try {
            sender.send(
                    oldMobile,
                    "【广厦】您的账号绑定手机号码已修改为" + Masking.mobile(newMobile) + "。如非本人操作，请立即联系客服。");
        } catch (RuntimeException e) {
            LOG.warn("Could not tell {} of the mobile change", Masking.mobile(oldMobile), e);
        }
    }

    private static AccountEntity citizen(EntityManager em, String accountId) {
        AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
        if (account == null || account.kind() != AccountKind.CITIZEN) {
            throw ProblemException.notFound(null);
        }
        return account;
    }

    private static void refuseCurrentOrTaken(EntityManager em, AccountEntity account, String m) {
        if (m.equals(account.mobile())) {
            throw ProblemException.invalidField(
                    "mobile", "新手机号码与当前手机号码相同", "That is already your mobile number");
        }
        if (AccountService.count(em, "a.mobile", m) > 0) {
            throw taken();
        }
    }

    private static String checkedMobile(String text) {
        String mobile = text == null ? null : text.strip();
        if (mobile == null || !AccountService.MOBILE.matcher(mobile).matches()) {
            throw ProblemException.invalidField(
                    "mobile", "请输入11位手机号码", "An 11-digit mainland mobile number");
        }
        return mobile;
    }

    /** The stored form of a mobile-change code: bound to the account and the new number. */
    private static String codeHash(String accountId, String mobile, String code) {
        return Digests.sha256Hex(PURPOSE + ":" + accountId + ":" + mobile + ":" + code);
    }

    private static ProblemException taken() {
        return new ProblemException(
                new Problem(
                        Problem.type("mobile-taken"),
                        "该手机号码已被其他账号使用",
                        "Another account has this mobile number",
                        409,
                        null,
                        null,
                        List.of(
                                new FieldError(
                                        "mobile",
                                        "该手机号码已被其他账号使用",
                                        "Another account has this mobile number"))));
    }

    private static ProblemException wrongCode() {
        return ProblemException.invalidField(
                "code", "短信验证码错误或已失效，请重新获取", "Wrong or expired SMS code");
    }
}
