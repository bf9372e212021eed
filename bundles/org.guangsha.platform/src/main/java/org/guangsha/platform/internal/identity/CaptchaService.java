package org.guangsha.platform.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.identity.CaptchaListener;
import org.guangsha.platform.identity.CaptchaProvider;
import org.guangsha.platform.internal.util.Digests;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Issues and checks captchas. They live in the database, so any node can check a captcha another
 * node issued; each can be answered once, right or wrong, so a captcha cannot be brute-forced.
 * Configured with {@link IdentityConfiguration} (designated on {@link AccountService}).
 */
@Component(service = CaptchaService.class, configurationPid = IdentityConfiguration.PID)
public class CaptchaService {

    /** An issued captcha as the client sees it. */
    public record Issued(String id, String image, Instant expiresAt) {}

    private final JpaTransactions tx;
    private final CaptchaProvider provider;
    private final Clock clock;
    private volatile Duration lifetime;
    private final List<CaptchaListener> listeners = new CopyOnWriteArrayList<>();

    /** Built by DS. */
    @Activate
    public CaptchaService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) CaptchaProvider provider,
            IdentityConfiguration config) {
        this(new JpaTransactions(emf), provider, Clock.systemUTC(), config.captcha_seconds());
    }

    /** The city changed the captcha lifetime. */
    @Modified
    void modified(IdentityConfiguration config) {
        lifetime = Duration.ofSeconds(config.captcha_seconds());
    }

    CaptchaService(JpaTransactions tx, CaptchaProvider provider, Clock clock, int seconds) {
        this.tx = tx;
        this.provider = provider;
        this.clock = clock;
        this.lifetime = Duration.ofSeconds(seconds);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(CaptchaListener listener) {
        listeners.add(listener);
    }

    void removeListener(CaptchaListener listener) {
        listeners.remove(listener);
    }

    /** A new captcha. */
    public Issued issue() {
        CaptchaProvider.Challenge challenge = provider.create();
        String id = UUID.randomUUID().toString();
        Instant expires = clock.instant().plus(lifetime);
        tx.run(em -> em.persist(new CaptchaEntity(id, hash(id, challenge.answer()), expires)));
        listeners.forEach(l -> l.issued(id, challenge.answer(), expires));
        return new Issued(id, challenge.image(), expires);
    }

    /**
     * Whether {@code answer} answers captcha {@code id}. The captcha is used up either way.
     * Unknown, expired and used captchas are wrong answers.
     */
    public boolean check(String id, String answer) {
        if (id == null || answer == null || id.length() > 36) {
            return false;
        }
        Instant now = clock.instant();
        return tx.write(
                em -> {
                    CaptchaEntity captcha = em.find(CaptchaEntity.class, id);
                    if (captcha == null || !captcha.usableAt(now)) {
                        return false;
                    }
                    captcha.use(now);
                    return Digests.sameHash(captcha.answerHash(), hash(id, answer));
                });
    }

    /** Deletes captchas that can no longer be answered. */
    public int purge() {
        Instant now = clock.instant();
        return tx.write(
                em ->
                        em.createQuery("DELETE FROM CaptchaEntity c WHERE c.expiresAt < :now")
                                .setParameter("now", java.sql.Timestamp.from(now))
                                .executeUpdate());
    }

    /** The stored form of an answer: bound to its id, case-insensitive, trimmed. */
    static String hash(String id, String answer) {
        return Digests.sha256Hex(id + ":" + answer.strip().toUpperCase(Locale.ROOT));
    }
}
