package org.guangsha.platform.internal.attachment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.attachment.Licence;
import org.guangsha.platform.attachment.LicenceProvider;
import org.guangsha.platform.attachment.LicenceType;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.identity.AccountService;
import org.guangsha.platform.internal.util.RankedServices;
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
 * Electronic licences: fetched from the installed {@link LicenceProvider} for the logged-in
 * citizen or for a co-applicant who consented, stored as attachments marked with their source, and
 * fetched again on demand (重新获取), the new one replacing older ones no submitted case froze.
 */
@Component(service = LicenceService.class)
public class LicenceService {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceService.class);

    /** A consent as its two sides see it; names masked. */
    public record ConsentView(
            String id, String grantorName, String granteeName, java.time.Instant grantedAt) {}

    private final JpaTransactions tx;
    private final AttachmentStore store;
    private final AccountService accounts;
    private final Clock clock;
    private final RankedServices<LicenceProvider> providers = new RankedServices<>();

    /** Built by DS. */
    @Activate
    public LicenceService(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference AttachmentStore store,
            @Reference AccountService accounts) {
        this(new JpaTransactions(emf), store, accounts, Clock.systemUTC());
    }

    LicenceService(
            JpaTransactions tx, AttachmentStore store, AccountService accounts, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(LicenceProvider provider, Map<String, Object> properties) {
        providers.add(provider, properties);
    }

    void removeProvider(LicenceProvider provider) {
        providers.remove(provider);
    }

    /** The provider in use: the highest ranking, then the oldest service. */
    public Optional<LicenceProvider> provider() {
        return providers.best();
    }

    /**
     * Fetches a licence of the caller, or of the co-applicant whose consent {@code consentId} the
     * caller holds, and stores it as the caller's attachment.
     */
    public AttachmentStore.Stored fetch(Caller caller, LicenceType type, String consentId) {
        String subjectId =
                consentId == null || consentId.isBlank()
                        ? caller.accountId()
                        : activeConsent(consentId, caller.accountId()).grantorId();
        AccountEntity subject =
                accounts.account(subjectId)
                        .filter(a -> a.kind() == AccountKind.CITIZEN)
                        .orElseThrow(() -> ProblemException.notFound(null));
        LicenceProvider provider =
                provider()
                        .orElseThrow(
                                () ->
                                        unavailable(
                                                503,
                                                "no-provider",
                                                "电子证照服务未安装",
                                                "No electronic licence service is installed"));
        Optional<Licence> licence;
        try {
            licence = provider.fetch(type, subject.name(), subject.idNumber());
        } catch (RuntimeException e) {
            LOG.warn("Licence service {} failed for account {}", provider.id(), subjectId, e);
            throw unavailable(
                    502,
                    "licence-service-failed",
                    "电子证照服务暂时不可用，请稍后重新获取",
                    "The electronic licence service failed; try again later");
        }
        Licence found =
                licence.orElseThrow(
                        () ->
                                new ProblemException(
                                        new Problem(
                                                Problem.type("licence-not-found"),
                                                "未查询到您的电子证照，请上传材料",
                                                "The licence service holds no such licence;"
                                                        + " upload the document instead",
                                                404,
                                                type.name(),
                                                null,
                                                null)));
        AttachmentStore.Stored stored =
                store.storeLicence(
                        caller.accountId(),
                        type.kind(),
                        found.fileName(),
                        found.content(),
                        provider.id(),
                        Masking.name(subject.name()),
                        subjectId);
        store.supersedeLicences(
                caller.accountId(), type.kind(), subjectId, stored.attachment().id());
        return stored;
    }

    /**
     * The co-applicant {@code grantorId} lets the account with this name and mobile fetch their
     * licences. Refuses with 404 when no citizen has both, so the call does not reveal who is
     * registered under a mobile number alone.
     */
    public ConsentView grant(String grantorId, String granteeName, String granteeMobile) {
        AccountEntity grantee =
                tx.read(
                                em ->
                                        em
                                                .createQuery(
                                                        "SELECT a FROM AccountEntity a WHERE a.mobile ="
                                                                + " :m AND a.name = :n",
                                                        AccountEntity.class)
                                                .setParameter(
                                                        "m",
                                                        granteeMobile == null
                                                                ? ""
                                                                : granteeMobile.strip())
                                                .setParameter(
                                                        "n",
                                                        granteeName == null
                                                                ? ""
                                                                : granteeName.strip())
                                                .getResultList()
                                                .stream()
                                                .filter(a -> a.kind() == AccountKind.CITIZEN)
                                                .findFirst())
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "granteeMobile",
                                                "未找到姓名与手机号匹配的申请人",
                                                "No applicant with this name and mobile"));
        if (grantee.id().equals(grantorId)) {
            throw ProblemException.invalidField(
                    "granteeMobile", "不能授权给自己", "You cannot consent to yourself");
        }
        LicenceConsentEntity consent =
                tx.write(
                        em -> {
                            LicenceConsentEntity c =
                                    new LicenceConsentEntity(
                                            UUID.randomUUID().toString(),
                                            grantorId,
                                            grantee.id(),
                                            clock.instant());
                            em.persist(c);
                            return c;
                        });
        return view(consent);
    }

    /** The grantor takes a consent back; licences fetched before stay with the cases. */
    public void revoke(String grantorId, String consentId) {
        tx.run(
                em -> {
                    LicenceConsentEntity c =
                            consentId == null
                                    ? null
                                    : em.find(LicenceConsentEntity.class, consentId);
                    if (c == null || !c.grantorId().equals(grantorId)) {
                        throw ProblemException.notFound(null);
                    }
                    c.revoke(clock.instant());
                });
    }

    /** Active consents the account gave and received. */
    public Map<String, List<ConsentView>> consents(String accountId) {
        List<LicenceConsentEntity> all =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT c FROM LicenceConsentEntity c WHERE"
                                                        + " (c.grantorId = :a OR c.granteeId = :a)"
                                                        + " AND c.revokedAt IS NULL ORDER BY"
                                                        + " c.grantedAt",
                                                LicenceConsentEntity.class)
                                        .setParameter("a", accountId)
                                        .getResultList());
        return Map.of(
                "granted",
                all.stream().filter(c -> c.grantorId().equals(accountId)).map(this::view).toList(),
                "received",
                all.stream().filter(c -> c.granteeId().equals(accountId)).map(this::view).toList());
    }

    private LicenceConsentEntity activeConsent(String consentId, String granteeId) {
        return tx.read(
                        em ->
                                Optional.ofNullable(em.find(LicenceConsentEntity.class, consentId))
                                        .filter(c -> c.granteeId().equals(granteeId))
                                        .filter(LicenceConsentEntity::active))
                .orElseThrow(
                        () ->
                                ProblemException.invalidField(
                                        "consentId",
                                        "该共同申请人未授权或已撤回授权",
                                        "No such consent, or it was revoked"));
    }

    private ConsentView view(LicenceConsentEntity c) {
        return new ConsentView(
                c.id(), maskedName(c.grantorId()), maskedName(c.granteeId()), c.grantedAt());
    }

    private String maskedName(String accountId) {
        return accounts.account(accountId).map(a -> Masking.name(a.name())).orElse(null);
    }

    private static ProblemException unavailable(int status, String slug, String zh, String en) {
        return new ProblemException(
                new Problem(Problem.type(slug), zh, en, status, null, null, null));
    }
}
