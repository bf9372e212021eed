package org.guangsha.platform.internal.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.CaseFileAccess;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseListener;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.internal.attachment.AttachmentStore;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.identity.AccountService;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.internal.rest.Paging;
import org.guangsha.platform.internal.util.Digests;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifications;
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
 * The cases of every line (C-1 … C-3), in {@code PLT_CASE} with their timeline in {@code
 * PLT_CASE_EVENT}. Every change runs in one transaction guarded by the case's row version, so of
 * two caseworkers deciding at once exactly one wins; the other gets 409. Caseworkers see and decide
 * the cases of their region at the level their region is responsible for.
 */
@Component(service = {CaseStore.class, CaseService.class, CaseFileAccess.class})
public class CaseStore implements CaseService, CaseFileAccess {

    private static final Logger LOG = LoggerFactory.getLogger(CaseStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Duration WITHDRAW_TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** A caseworker's decision. */
    public enum Decision {
        /** 通过 (this level; the case moves to the next level or is approved). */
        APPROVE,
        /** 不通过, with a reason. */
        REJECT,
        /** 退回修改, with remarks. */
        RETURN
    }

    /** What the applicant is told before confirming a withdrawal, and the token to confirm. */
    public record WithdrawalNotice(
            String confirmationToken, Instant expiresAt, LocalizedText consequences) {}

    /** One page of a queue; {@code page} counts from 1. */
    public record Page(List<CaseRecord> items, int page, int size, long total) {}

    private final JpaTransactions tx;
    private final AttachmentStore attachments;
    private final AccountService accounts;
    private final Regions regions;
    private final Clock clock;
    private final Map<String, CaseType> types = new ConcurrentHashMap<>();
    private final List<CaseListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    /** Built by DS. */
    @Activate
    public CaseStore(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference AttachmentStore attachments,
            @Reference AccountService accounts,
            @Reference Regions regions) {
        this(new JpaTransactions(emf), attachments, accounts, regions, Clock.systemUTC());
    }

    CaseStore(
            JpaTransactions tx,
            AttachmentStore attachments,
            AccountService accounts,
            Regions regions,
            Clock clock) {
        this.tx = tx;
        this.attachments = attachments;
        this.accounts = accounts;
        this.regions = regions;
        this.clock = clock;
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(CaseType type) {
        types.put(type.id(), type);
    }

    void removeType(CaseType type) {
        types.remove(type.id(), type);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(CaseListener listener) {
        listeners.add(listener);
    }

    void removeListener(CaseListener listener) {
        listeners.remove(listener);
    }

    /** The registered type, if its bundle is installed. */
    public Optional<CaseType> type(String typeId) {
        return Optional.ofNullable(typeId == null ? null : types.get(typeId));
    }

    @Override
    public CaseRecord create(NewCase n) {
        CaseType type =
                type(n.typeId())
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "typeId", "未知的业务类型", "Unknown case type"));
        if (regions.region(n.regionCode()).isEmpty()) {
            throw ProblemException.invalidField("regionCode", "所属区域不存在", "Unknown region code");
        }
        AccountEntity applicant =
                accounts.account(n.applicantId())
                        .filter(a -> a.kind() != AccountKind.STAFF)
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "applicantId", "申请人不存在", "No such applicant"));
        if (n.channel() == Channel.COUNTER) {
            AccountEntity staff =
                    n.filedBy() == null ? null : accounts.account(n.filedBy()).orElse(null);
            if (staff == null || staff.kind() != AccountKind.STAFF) {
                throw ProblemException.invalidField(
                        "filedBy", "窗口受理须记录经办人员", "Counter filing names the staff member");
            }
        } else if (applicant.trustLevel().compareTo(type.requiredTrustLevel()) < 0) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("trust-level-required"),
                            "请先完成实名认证",
                            "Verify your identity first",
                            403,
                            "requires " + type.requiredTrustLevel(),
                            null,
                            null));
        }
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            CaseEntity c =
                    new CaseEntity(
                            UUID.randomUUID().toString(),
                            newNumber(LocalDate.ofInstant(now, PlatformConstants.CITY_ZONE)),
                            type.id(),
                            applicant.id(),
                            n.regionCode(),
                            n.channel(),
                            n.channel() == Channel.COUNTER ? n.filedBy() : null,
                            now);
            try {
                CaseEventEntity[] created = new CaseEventEntity[1];
                CaseRecord r =
                        tx.write(
                                em -> {
                                    em.persist(c);
                                    em.flush();
                                    created[0] =
                                            event(em, c, "created", actorOf(n), null, null, now);
                                    return c.view();
                                });
                publish(find(r.id()).orElse(r), view(created[0]));
                return r;
            } catch (PersistenceException numberTaken) {
                if (attempt >= 3) {
                    throw numberTaken;
                }
            }
        }
    }

    private static String actorOf(NewCase n) {
        return n.channel() == Channel.COUNTER ? n.filedBy() : n.applicantId();
    }

    @Override
    public Optional<CaseRecord> find(String caseId) {
        return tx.read(em -> Optional.ofNullable(entity(em, caseId)).map(CaseEntity::view));
    }

    @Override
    public List<CaseRecord> ofApplicant(String applicantId) {
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT c FROM CaseEntity c WHERE c.applicantId = :a"
                                                + " ORDER BY c.createdAt DESC, c.id",
                                        CaseEntity.class)
                                .setParameter("a", applicantId)
                                .getResultList()
                                .stream()
                                .map(CaseEntity::view)
                                .toList());
    }

    @Override
    public CaseRecord save(String caseId, String actorId) {
        return change(
                caseId,
                null,
                (em, c) -> {
                    requireEditable(c);
                    c.touch(clock.instant());
                    return event(em, c, "saved", actorId, null, null, clock.instant());
                });
    }

    @Override
    public CaseRecord submit(String caseId, String actorId) {
        CaseRecord current = find(caseId).orElseThrow(() -> ProblemException.notFound(null));
        CaseType type = requireType(current.typeId());
        List<FieldError> errors = new ArrayList<>(type.validate(caseId));
        Set<String> filed = new HashSet<>();
        for (Attachment a : attachments.ofCase(caseId)) {
            filed.add(a.kind());
        }
        for (String kind : type.requiredAttachments()) {
            if (!filed.contains(kind)) {
                errors.add(
                        new FieldError(
                                "attachments." + kind,
                                "缺少必需的材料：" + kind,
                                "A required file is missing: " + kind));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        CaseRecord r =
                change(
                        caseId,
                        current.version(),
                        (em, c) -> {
                            requireEditable(c);
                            Instant now = clock.instant();
                            c.moveTo(CaseStatus.SUBMITTED, 1, null, now);
                            return event(em, c, "submitted", actorId, null, null, now);
                        });
        // what was filed can no longer change; done after the status so a failure here
        // leaves a submitted case whose files are frozen on the next submit or by an operator
        attachments.freezeCase(caseId);
        return r;
    }

    @Override
    public List<CaseEvent> timeline(String caseId) {
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT e FROM CaseEventEntity e WHERE e.caseId = :c"
                                                + " ORDER BY e.seq",
                                        CaseEventEntity.class)
                                .setParameter("c", caseId)
                                .getResultList()
                                .stream()
                                .map(CaseStore::view)
                                .toList());
    }

    @Override
    public CaseRecord note(String caseId, String type, String actorId, String remark) {
        if (type == null || !type.matches("[a-z][a-z0-9.-]{1,39}")) {
            throw new IllegalArgumentException("event type: " + type);
        }
        return change(
                caseId,
                null,
                (em, c) -> {
                    c.touch(clock.instant());
                    return event(em, c, type, actorId, truncate(remark), null, clock.instant());
                });
    }

    /** A caseworker takes a case of their level: SUBMITTED → UNDER_REVIEW, assigned to them. */
    public CaseRecord claim(String caseId, Caller caseworker, long version) {
        return change(
                caseId,
                version,
                (em, c) -> {
                    checkReviewer(c, caseworker);
                    if (c.status() != CaseStatus.SUBMITTED
                            && c.status() != CaseStatus.UNDER_REVIEW) {
                        throw illegal(c.status(), "claim");
                    }
                    if (c.assigneeId() != null && !c.assigneeId().equals(caseworker.accountId())) {
                        throw ProblemException.conflict(
                                "case-assigned",
                                "该申请已由其他审核人员办理",
                                "Another caseworker has taken this case",
                                null);
                    }
                    Instant now = clock.instant();
                    c.moveTo(CaseStatus.UNDER_REVIEW, c.level(), caseworker.accountId(), now);
                    return event(em, c, "claimed", caseworker.accountId(), null, null, now);
                });
    }

    /**
     * A caseworker's decision at the case's current level, against the version they saw: approve
     * (next level or APPROVED), reject with a reason, or return with remarks per field.
     */
    public CaseRecord decide(
            String caseId,
            Caller caseworker,
            long version,
            Decision decision,
            String reason,
            Map<String, String> fieldRemarks) {
        if (decision == null) {
            throw ProblemException.invalidField(
                    "decision", "请选择审核结果", "Choose APPROVE, REJECT or RETURN");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Map<String, String> remarks = fieldRemarks == null ? Map.of() : Map.copyOf(fieldRemarks);
        if (decision == Decision.REJECT && why == null) {
            throw ProblemException.invalidField("reason", "请填写不通过的原因", "Give the reason");
        }
        if (decision == Decision.RETURN && why == null && remarks.isEmpty()) {
            throw ProblemException.invalidField(
                    "remarks", "请写明需要修改的内容", "Say what must be corrected");
        }
        if ((why != null && why.length() > 1000) || toJson(remarks).length() > 4000) {
            throw ProblemException.invalidField("reason", "意见过长", "The remarks are too long");
        }
        String type =
                switch (decision) {
                    case APPROVE -> "approved";
                    case REJECT -> "rejected";
                    case RETURN -> "returned";
                };
        CaseRecord r =
                change(
                        caseId,
                        version,
                        (em, c) -> {
                            checkReviewer(c, caseworker);
                            if (c.status() != CaseStatus.SUBMITTED
                                    && c.status() != CaseStatus.UNDER_REVIEW) {
                                throw illegal(c.status(), decision.name());
                            }
                            if (c.assigneeId() != null
                                    && !c.assigneeId().equals(caseworker.accountId())
                                    && !caseworker.roles().contains("OPERATOR")) {
                                throw ProblemException.conflict(
                                        "case-assigned",
                                        "该申请已由其他审核人员办理",
                                        "Another caseworker has taken this case",
                                        null);
                            }
                            int levels = requireType(c.typeId()).levels().size();
                            int level = c.level();
                            Instant now = clock.instant();
                            switch (decision) {
                                case APPROVE -> {
                                    if (level < levels) {
                                        c.moveTo(CaseStatus.UNDER_REVIEW, level + 1, null, now);
                                    } else {
                                        c.moveTo(CaseStatus.APPROVED, level, c.assigneeId(), now);
                                    }
                                }
                                case REJECT -> c.moveTo(
                                        CaseStatus.REJECTED, level, c.assigneeId(), now);
                                case RETURN -> c.moveTo(CaseStatus.RETURNED, 0, null, now);
                                default -> throw new IllegalStateException();
                            }
                            CaseEventEntity e =
                                    new CaseEventEntity(
                                            UUID.randomUUID().toString(),
                                            c.id(),
                                            nextSeq(em, c.id()),
                                            type,
                                            now,
                                            caseworker.accountId(),
                                            c.status(),
                                            level,
                                            why,
                                            remarks.isEmpty() ? null : toJson(remarks));
                            em.persist(e);
                            return e;
                        });
        record(
                "case.decision",
                caseworker.accountId(),
                "case:" + caseId,
                decision + " at level " + (r.status() == CaseStatus.RETURNED ? "-" : r.level()));
        return r;
    }

    /**
     * First step of 放弃申请 (C-3): says what will be lost and gives a token the second step must bring
     * back within 5 minutes.
     */
    public WithdrawalNotice requestWithdrawal(String caseId, String applicantId) {
        String token = Digests.randomToken(24);
        Instant expires = clock.instant().plus(WITHDRAW_TOKEN_LIFETIME);
        tx.run(
                em -> {
                    CaseEntity c = owned(em, caseId, applicantId);
                    if (c.status() == CaseStatus.WITHDRAWN || c.status() == CaseStatus.REJECTED) {
                        throw illegal(c.status(), "withdraw");
                    }
                    c.withdrawToken(Digests.sha256Hex(token), expires);
                });
        return new WithdrawalNotice(
                token,
                expires,
                LocalizedText.of(
                        "放弃申请后，本次申请将作废，申请人及共同申请人在本次申请中填写的信息和获取的电子证照将被清除且无法恢复，"
                                + "由本次申请取得的资格、权益同时失效。如需再次申请，须重新填报。",
                        "If you withdraw, this application becomes void: what you and your"
                                + " co-applicants entered for it, and the licences fetched for"
                                + " it, are erased and cannot be restored, and any rights from"
                                + " it end. Applying again means starting over."));
    }

    /** Second step: with the token, the case is withdrawn and its data erased. */
    public CaseRecord confirmWithdrawal(String caseId, String applicantId, String token) {
        CaseEntity peek = tx.read(em -> owned(em, caseId, applicantId));
        CaseRecord current = peek.view();
        if (token == null
                || peek.withdrawTokenHash() == null
                || peek.withdrawTokenExpires() == null
                || clock.instant().isAfter(peek.withdrawTokenExpires())
                || !Digests.sameHash(peek.withdrawTokenHash(), Digests.sha256Hex(token))) {
            throw ProblemException.invalidField(
                    "confirmationToken",
                    "确认已失效，请重新点击放弃申请",
                    "The confirmation expired or is wrong; start the withdrawal again");
        }
        CaseType type =
                type(current.typeId())
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                new Problem(
                                                        Problem.type("service-unavailable"),
                                                        "该业务暂不可用，请稍后再试",
                                                        "This line is not installed now",
                                                        503,
                                                        null,
                                                        null,
                                                        null)));
        // the line's data first: if that fails the case stays as it was
        type.erase(caseId);
        attachments.eraseCase(caseId, applicantId);
        CaseRecord r =
                change(
                        caseId,
                        current.version(),
                        (em, c) -> {
                            if (c.status() == CaseStatus.WITHDRAWN) {
                                throw illegal(c.status(), "withdraw");
                            }
                            Instant now = clock.instant();
                            c.withdrawToken(null, null);
                            c.moveTo(CaseStatus.WITHDRAWN, c.level(), c.assigneeId(), now);
                            for (CaseEventEntity e :
                                    em.createQuery(
                                                    "SELECT e FROM CaseEventEntity e WHERE"
                                                            + " e.caseId = :c",
                                                    CaseEventEntity.class)
                                            .setParameter("c", caseId)
                                            .getResultList()) {
                                e.erase();
                            }
                            return event(em, c, "withdrawn", applicantId, null, null, now);
                        });
        record("case.withdrawn", applicantId, "case:" + caseId, "data erased");
        return r;
    }

    /**
     * The queue of a caseworker (C-2): open cases of their region at the level their region
     * reviews; operators see every open case. Filters may narrow it, never widen it. {@code paging}
     * counts pages from 1.
     */
    public Page queue(
            Caller caller,
            String typeId,
            Integer level,
            CaseStatus status,
            String regionCode,
            Paging paging,
            boolean newestFirst) {
        int p = paging.page();
        int s = paging.size();
        boolean operator = caller.roles().contains("OPERATOR");
        String scope = regionCode != null ? regionCode : caller.regionCode();
        if (regionCode != null && !operator) {
            regions.checkScope(caller, regionCode);
        }
        List<String> regionCodes = scope == null ? null : below(scope);
        String callerLevel = operator ? null : regionLevel(caller.regionCode());
        List<String> conditions = new ArrayList<>();
        for (CaseType t : types.values()) {
            if (typeId != null && !typeId.equals(t.id())) {
                continue;
            }
            List<ReviewLevel> levels = t.levels();
            for (int i = 0; i < levels.size(); i++) {
                boolean mine = operator || sameLevel(levels.get(i).regionLevel(), callerLevel);
                if (mine && (level == null || level == i + 1)) {
                    conditions.add(
                            "(c.typeId = '"
                                    + t.id().replace("'", "")
                                    + "' AND c.level = "
                                    + (i + 1)
                                    + ")");
                }
            }
        }
        if (conditions.isEmpty() || (!operator && regionCodes == null)) {
            return new Page(List.of(), p, s, 0);
        }
        String where =
                " WHERE c.status IN :statuses AND ("
                        + String.join(" OR ", conditions)
                        + ")"
                        + (regionCodes == null ? "" : " AND c.regionCode IN :regions");
        List<String> statuses =
                status == null
                        ? List.of(CaseStatus.SUBMITTED.name(), CaseStatus.UNDER_REVIEW.name())
                        : List.of(status.name());
        return tx.read(
                em -> {
                    javax.persistence.TypedQuery<CaseEntity> q =
                            em.createQuery(
                                    "SELECT c FROM CaseEntity c"
                                            + where
                                            + " ORDER BY c.submittedAt "
                                            + (newestFirst ? "DESC" : "ASC")
                                            + ", c.id",
                                    CaseEntity.class);
                    javax.persistence.TypedQuery<Long> count =
                            em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + where, Long.class);
                    q.setParameter("statuses", statuses);
                    count.setParameter("statuses", statuses);
                    if (regionCodes != null) {
                        q.setParameter("regions", regionCodes);
                        count.setParameter("regions", regionCodes);
                    }
                    List<CaseRecord> items =
                            q
                                    .setFirstResult(paging.offset())
                                    .setMaxResults(s)
                                    .getResultList()
                                    .stream()
                                    .map(CaseEntity::view)
                                    .toList();
                    return new Page(items, p, s, count.getSingleResult());
                });
    }

    /** Whether {@code caller} may see this case as a reviewer (its region, any level). */
    public boolean mayReview(Caller caller, CaseRecord c) {
        return c.status() != CaseStatus.DRAFT && regions.mayAct(caller, c.regionCode());
    }

    @Override
    public boolean mayRead(Caller caller, String caseId) {
        return find(caseId).map(c -> mayReview(caller, c)).orElse(false);
    }

    /** The name of a case's current level, or null. */
    public LocalizedText levelName(CaseRecord c) {
        return type(c.typeId())
                .filter(t -> c.level() >= 1 && c.level() <= t.levels().size())
                .map(t -> t.levels().get(c.level() - 1).name())
                .orElse(null);
    }

    private void checkReviewer(CaseEntity c, Caller caller) {
        if (!regions.mayAct(caller, c.regionCode())) {
            throw ProblemException.notFound(null);
        }
        if (caller.roles().contains("OPERATOR")) {
            return;
        }
        List<ReviewLevel> levels = requireType(c.typeId()).levels();
        int level = c.level();
        if (level < 1
                || level > levels.size()
                || !sameLevel(
                        levels.get(level - 1).regionLevel(), regionLevel(caller.regionCode()))) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("not-your-level"),
                            "该申请不在您的审核层级",
                            "This case waits for another review level",
                            403,
                            null,
                            null,
                            null));
        }
    }

    private String regionLevel(String code) {
        return code == null ? null : regions.region(code).map(Region::level).orElse(null);
    }

    static boolean sameLevel(String reviewLevel, String regionLevel) {
        if (regionLevel == null) {
            return false;
        }
        String r = "COUNTY".equals(regionLevel) ? "DISTRICT" : regionLevel;
        String l = "COUNTY".equals(reviewLevel) ? "DISTRICT" : reviewLevel;
        return r.equals(l);
    }

    private List<String> below(String scope) {
        List<String> codes = new ArrayList<>();
        regions.region(scope).ifPresent(r -> collect(r, codes));
        return codes;
    }

    private static void collect(Region r, List<String> codes) {
        codes.add(r.code());
        r.children().forEach(child -> collect(child, codes));
    }

    /** Runs a change of one case under its version and tells everyone afterwards. */
    private CaseRecord change(
            String caseId,
            Long expectedVersion,
            java.util.function.BiFunction<EntityManager, CaseEntity, CaseEventEntity> work) {
        CaseRecord r;
        CaseEventEntity[] happened = new CaseEventEntity[1];
        try {
            r =
                    tx.write(
                                    em -> {
                                        CaseEntity c = entity(em, caseId);
                                        if (c == null) {
                                            throw ProblemException.notFound(null);
                                        }
                                        if (expectedVersion != null
                                                && c.version() != expectedVersion) {
                                            throw changed();
                                        }
                                        happened[0] = work.apply(em, c);
                                        return c;
                                    })
                            .view();
        } catch (PersistenceException e) {
            // a commit refused is another change of the case that came first
            if (e instanceof RollbackException || JpaTransactions.optimisticLockFailure(e)) {
                throw changed();
            }
            throw e;
        }
        // the version after commit, as the next caller will see it
        CaseRecord stored = find(caseId).orElse(r);
        publish(stored, view(happened[0]));
        return stored;
    }

    private static CaseEvent view(CaseEventEntity e) {
        return e.view(remarks(e.fieldRemarksJson()));
    }

    /** Tells listeners and the applicant of {@code event}, which {@code c} shows the case after. */
    private void publish(CaseRecord c, CaseEvent event) {
        String what = event.type();
        for (CaseListener l : listeners) {
            try {
                l.changed(c, event);
            } catch (RuntimeException e) {
                LOG.warn("Case listener {} failed on {} of case {}", l, what, c.id(), e);
            }
        }
        Notifications n = notifications;
        if (n != null && !"created".equals(what) && !"saved".equals(what)) {
            LocalizedText typeName =
                    type(c.typeId())
                            .map(CaseType::name)
                            .orElse(LocalizedText.of("申请", "Application"));
            try {
                n.send(
                        new Notification(
                                c.applicantId(),
                                "case.status",
                                LocalizedText.of("申请进度更新", "Application update"),
                                LocalizedText.of(
                                        "您的"
                                                + typeName.zh()
                                                + "（"
                                                + c.number()
                                                + "）："
                                                + statusZh(c.status()),
                                        "Your "
                                                + typeName.en()
                                                + " ("
                                                + c.number()
                                                + "): "
                                                + c.status()
                                                        .name()
                                                        .toLowerCase()
                                                        .replace('_', ' ')),
                                "/cases/" + c.id()));
            } catch (RuntimeException e) {
                LOG.warn("Could not notify the applicant of case {}", c.id(), e);
            }
        }
    }

    static String statusZh(CaseStatus s) {
        return switch (s) {
            case DRAFT -> "暂存";
            case SUBMITTED -> "已提交，等待审核";
            case UNDER_REVIEW -> "审核中";
            case RETURNED -> "已退回，请按意见修改后重新提交";
            case APPROVED -> "审核通过";
            case REJECTED -> "审核不通过";
            case WITHDRAWN -> "已放弃申请";
        };
    }

    private CaseEventEntity event(
            EntityManager em,
            CaseEntity c,
            String type,
            String actorId,
            String remark,
            String fieldRemarks,
            Instant at) {
        CaseEventEntity e =
                new CaseEventEntity(
                        UUID.randomUUID().toString(),
                        c.id(),
                        nextSeq(em, c.id()),
                        type,
                        at,
                        actorId,
                        c.status(),
                        c.level(),
                        remark,
                        fieldRemarks);
        em.persist(e);
        return e;
    }

    private static int nextSeq(EntityManager em, String caseId) {
        Integer max =
                em.createQuery(
                                "SELECT MAX(e.seq) FROM CaseEventEntity e WHERE e.caseId = :c",
                                Integer.class)
                        .setParameter("c", caseId)
                        .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static CaseEntity entity(EntityManager em, String caseId) {
        return caseId == null || caseId.length() > 36 ? null : em.find(CaseEntity.class, caseId);
    }

    private static CaseEntity owned(EntityManager em, String caseId, String applicantId) {
        CaseEntity c = entity(em, caseId);
        if (c == null || !c.applicantId().equals(applicantId)) {
            throw ProblemException.notFound(null);
        }
        return c;
    }

    private CaseType requireType(String typeId) {
        return type(typeId)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        new Problem(
                                                Problem.type("service-unavailable"),
                                                "该业务暂不可用，请稍后再试",
                                                "This line is not installed now",
                                                503,
                                                typeId,
                                                null,
                                                null)));
    }

    private static void requireEditable(CaseEntity c) {
        if (!c.status().editable()) {
            throw illegal(c.status(), "edit");
        }
    }

    static ProblemException illegal(CaseStatus from, String action) {
        return ProblemException.conflict(
                "illegal-transition",
                "当前状态下不能进行此操作",
                "Not possible in the case's current state",
                "status " + from + ", action " + action);
    }

    private static ProblemException changed() {
        return ProblemException.conflict(
                "case-changed",
                "该申请已被他人处理或已更新，请刷新后重试",
                "The case changed meanwhile; reload and try again",
                null);
    }

    private void record(String action, String actor, String target, String detail) {
        AuditLog a = audit;
        if (a != null) {
            a.record(action, actor, target, null, detail);
        }
    }

    static String newNumber(LocalDate day) {
        return "SQ" + DAY.format(day) + "-" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static String toJson(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> remarks(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** For the REST layer: the account behind an applicant or an actor, to name them. */
    Optional<AccountEntity> account(String accountId) {
        return accounts.account(accountId);
    }
}
