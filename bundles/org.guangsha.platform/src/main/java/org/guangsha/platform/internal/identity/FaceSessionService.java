package org.guangsha.platform.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.identity.FaceRecognitionProvider;
import org.guangsha.platform.identity.FaceSessions;
import org.guangsha.platform.internal.util.Digests;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Face sessions (I-5), kept in the database so that the desktop, the phone and whichever node
 * serves them agree. A session lives 5 minutes (configurable), belongs to the account that created
 * it, is completed once by the phone holding its secret and consumed once by the flow that needed
 * it.
 */
@Component(
        service = {FaceSessionService.class, FaceSessions.class},
        configurationPid = IdentityConfiguration.PID)
public class FaceSessionService implements FaceSessions {

    /**
     * {@code verify} (real-name verification, I-4), {@code sign:<flow id>} (a signing ceremony,
     * P-3) or {@code apply:<application id>} (a line's application that needs a face check before
     * its form, JX-3).
     */
    static final Pattern PURPOSE = Pattern.compile("verify|(sign|apply):[A-Za-z0-9._-]{1,80}");

    /** A new session as the desktop sees it. */
    public record Created(FaceSessionEntity session, String phoneUrl) {}

    private final JpaTransactions tx;
    private final Clock clock;
    private volatile Duration lifetime;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FaceRecognitionProvider recognition;

    /** Built by DS. */
    @Activate
    public FaceSessionService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            IdentityConfiguration config) {
        this(
                new JpaTransactions(emf),
                Clock.systemUTC(),
                null,
                Duration.ofSeconds(config.face_seconds()));
    }

    FaceSessionService(
            JpaTransactions tx,
            Clock clock,
            FaceRecognitionProvider recognition,
            Duration lifetime) {
        this.tx = tx;
        this.clock = clock;
        this.recognition = recognition;
        this.lifetime = lifetime;
    }

    /** The city changed the face session lifetime. */
    @Modified
    void modified(IdentityConfiguration config) {
        lifetime = Duration.ofSeconds(config.face_seconds());
    }

    /** Starts a session for {@code accountId}. */
    public Created create(String accountId, String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw ProblemException.invalidField(
                    "purpose",
                    "用途应为 verify、sign:<签署编号> 或 apply:<申请编号>",
                    "verify, sign:<signing id> or apply:<application id>");
        }
        FaceRecognitionProvider provider = recognition;
        if (provider == null) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("service-unavailable"),
                            "人脸识别服务暂不可用",
                            "No face recognition service is installed",
                            503,
                            null,
                            null,
                            null));
        }
        String secret = Digests.randomToken(24);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        FaceSessionEntity session =
                new FaceSessionEntity(
                        id, accountId, purpose, Digests.sha256Hex(secret), now, now.plus(lifetime));
        tx.run(em -> em.persist(session));
        return new Created(session, provider.phoneUrl(id, secret));
    }

    /** The session if it belongs to {@code accountId}; others' sessions do not exist for them. */
    public Optional<FaceSessionEntity> find(String sessionId, String accountId) {
        return tx.read(
                em ->
                        Optional.ofNullable(em.find(FaceSessionEntity.class, sessionId))
                                .filter(s -> s.accountId().equals(accountId)));
    }

    /** Now, for callers that show a status. */
    public Instant now() {
        return clock.instant();
    }

    @Override
    public boolean complete(String sessionId, String phoneSecret, boolean passed) {
        if (sessionId == null || phoneSecret == null) {
            return false;
        }
        Instant now = clock.instant();
        return tx.write(
                em -> {
                    FaceSessionEntity s = em.find(FaceSessionEntity.class, sessionId);
                    if (s == null
                            || s.statusAt(now) != FaceSessionEntity.Status.PENDING
                            || !Digests.sameHash(s.secretHash(), Digests.sha256Hex(phoneSecret))) {
                        return false;
                    }
                    s.complete(passed, now);
                    return true;
                });
    }

    @Override
    public boolean consume(String sessionId, String accountId, String purpose) {
        if (sessionId == null || accountId == null || purpose == null) {
            return false;
        }
        Instant now = clock.instant();
        try {
            return consumeAt(sessionId, accountId, purpose, now);
        } catch (PersistenceException usedAtTheSameMomentByAnotherRequest) {
            return false;
        }
    }

    private boolean consumeAt(String sessionId, String accountId, String purpose, Instant now) {
        return tx.write(
                em -> {
                    FaceSessionEntity s = em.find(FaceSessionEntity.class, sessionId);
                    if (s == null
                            || !s.accountId().equals(accountId)
                            || !s.purpose().equals(purpose)
                            || s.statusAt(now) != FaceSessionEntity.Status.PASSED
                            || s.consumed()) {
                        return false;
                    }
                    s.consume(now);
                    return true;
                });
    }
}
