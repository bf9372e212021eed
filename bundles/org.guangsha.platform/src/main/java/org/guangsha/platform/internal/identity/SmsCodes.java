package org.guangsha.platform.internal.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;

/**
 * Issues the 6-digit SMS codes of the password reset and the mobile change: at most one per number
 * and purpose a minute (429 {@code too-many-requests} with {@code Retry-After}), valid 5 minutes,
 * stored only as a hash in {@code PLT_SMS_CODE}.
 */
final class SmsCodes {

    /** How long a code is valid. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** The shortest time between two codes to one number for one purpose. */
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private SmsCodes() {}

    /**
     * Stores a new code for {@code mobile} and {@code purpose} in the caller's transaction.
     *
     * @param hash turns the digits into what is stored
     * @return the digits, to send
     */
    static String issue(
            EntityManager em,
            String mobile,
            String purpose,
            Instant now,
            UnaryOperator<String> hash) {
        boolean recent =
                !em.createQuery(
                                "SELECT c FROM SmsCodeEntity c WHERE c.mobile = :m"
                                        + " AND c.purpose = :p AND c.createdAt > :since",
                                SmsCodeEntity.class)
                        .setParameter("m", mobile)
                        .setParameter("p", purpose)
                        .setParameter("since", Timestamp.from(now.minus(RESEND_INTERVAL)))
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
        if (recent) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("too-many-requests"),
                            "验证码已发送，请1分钟后再试",
                            "A code was sent; try again in a minute",
                            429,
                            null,
                            null,
                            null),
                    Map.of("Retry-After", "60"));
        }
        String digits = String.format("%06d", RANDOM.nextInt(1_000_000));
        em.persist(
                new SmsCodeEntity(
                        UUID.randomUUID().toString(),
                        mobile,
                        purpose,
                        hash.apply(digits),
                        now,
                        now.plus(CODE_LIFETIME)));
        return digits;
    }
}
