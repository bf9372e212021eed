package org.guangsha.selection.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.Views.RunView;
import org.guangsha.selection.internal.Views.SessionView;
import org.guangsha.selection.internal.Views.UnitView;
import org.guangsha.selection.internal.assign.AutoAssignment;
import org.guangsha.selection.internal.store.AllocationEntity;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.Families;
import org.guangsha.selection.internal.store.FamilyEntity;
import org.guangsha.selection.internal.store.RunEntity;
import org.guangsha.selection.internal.store.SessionEntity;
import org.guangsha.selection.internal.store.UnitEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selection itself (S-2 … S-9, S-11): pre-selection, formal selection with its window,
 * confirmation, auto-assignment when a session closes, results and supplementary selection. Every
 * rule is checked here, on the server, against the clock of this node and the rows of the database;
 * the database's constraints on {@code SEL_ALLOCATION} (the unit is the primary key, the family is
 * unique) settle any race between threads or nodes.
 */
@Component(service = SelectionService.class, configurationPid = SelectionConfiguration.PID)
@Designate(ocd = SelectionConfiguration.class)
public class SelectionService {

    /** The city's zone: it decides what "the day" of a session is (S-9). */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    /** Cart stages. */
    public enum Stage {
        /** 预选 (S-2, S-3). */
        PRE,
        /** 意向 in formal selection (S-4). */
        FORMAL
    }

    /** Where a family stands. */
    public enum Phase {
        /** Pre-selection has not opened. */
        PRESELECT_NOT_OPEN,
        /** Pre-selection is open; the family's session has not started. */
        PRESELECT,
        /** Published in a supplementary session that has not started. */
        SUPPLEMENT_WAIT,
        /** The family's session is running and it has no outcome. */
        FORMAL,
        /** The family's session has ended; its auto-assignment has not yet run. */
        SESSION_OVER,
        /** The family has an outcome. */
        DONE
    }

    /** Family statuses. */
    public enum Status {
        /** No outcome yet. */
        WAITING,
        /** Confirmed a unit itself (S-5). */
        CONFIRMED,
        /** Got a unit from the auto-assignment (S-6). */
        AUTO_ASSIGNED,
        /** Took part, but none of its intents was free at the end (S-6). */
        NO_UNIT,
        /** Did not take part in its session; its pre-selection is void (S-7). */
        ABSENT,
        /** Gave up on purpose: no supplementary selection (S-9). */
        GAVE_UP
    }

    private static final Logger LOG = LoggerFactory.getLogger(SelectionService.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int ATTEMPTS = 5;

    private final JpaTransactions tx;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final Map<String, String> idNumbers = new ConcurrentHashMap<>();
    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();
    private volatile SelectionConfiguration config;
    private volatile AuditLog auditLog;
    private ScheduledExecutorService sweeper;

    /** Built by DS. */
    @Activate
    public SelectionService(
            @Reference(target = "(osgi.unit.name=guangsha-selection)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=selection)") Schema schema,
            @Reference AccountDirectory accounts,
            SelectionConfiguration config) {
        this(new JpaTransactions(emf), accounts, Clock.systemUTC(), config);
        int seconds = Math.max(1, config.sweep_seconds());
        sweeper =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "guangsha-selection-sessions");
                            t.setDaemon(true);
                            return t;
                        });
        sweeper.scheduleWithFixedDelay(
                this::closeEndedSessions, seconds, seconds, TimeUnit.SECONDS);
    }

    SelectionService(
            JpaTransactions tx,
            AccountDirectory accounts,
            Clock clock,
            SelectionConfiguration config) {
        this.tx = tx;
        this.accounts = accounts;
        this.clock = clock;
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /** Optional: the audit trail. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuditLog(AuditLog log) {
        this.auditLog = log;
    }

    void unsetAuditLog(AuditLog log) {
        if (this.auditLog == log) {
            this.auditLog = null;
        }
    }

    /**
     * Runs {@code hook} after every commit that took units (the availability feed publishes at once
     * instead of at its next poll).
     */
    public void onUnitsTaken(Runnable hook) {
        afterCommit.add(hook);
    }

    /** Stops calling {@code hook}. */
    public void removeUnitsTakenHook(Runnable hook) {
        afterCommit.remove(hook);
    }

    // ---------------------------------------------------------------- views

    /** A family as its main applicant sees it. */
    public record FamilyView(
            String familyId,
            BatchRef batch,
            int rank,
            String applicantName,
            int householdSize,
            SessionView session,
            String status,
            Phase phase,
            Instant preDeclaredAt,
            Instant formalDeclaredAt,
            Instant windowEndsAt,
            Long secondsLeft,
            Instant serverTime,
            AllocationView allocation,
            SupplementView supplement) {}

    /** The batch a family belongs to. */
    public record BatchRef(
            String id,
            String code,
            String name,
            String regionCode,
            Instant preselectStartsAt,
            int cartSize,
            int windowSeconds) {}

    /** A unit given to a family. */
    public record AllocationView(
            String familyId, UnitView unit, String mode, Instant allocatedAt, String confirmKey) {}

    /**
     * Whether a family may apply for supplementary selection (S-9).
     *
     * @param mayApply whether it may now
     * @param applyFrom from when (its session's end)
     * @param applyUntil until when (the end of the day's last formal session)
     * @param appliedAt when it applied, or null
     * @param session the supplementary session it was published in, or null
     */
    public record SupplementView(
            boolean mayApply,
            Instant applyFrom,
            Instant applyUntil,
            Instant appliedAt,
            SessionView session) {}

    /** A cart. */
    public record CartView(Stage stage, int limit, List<CartItem> items) {}

    /** One unit in a cart. */
    public record CartItem(int position, UnitView unit) {}

    /** A family's result (S-8). */
    public record ResultView(
            String familyId,
            String status,
            AllocationView allocation,
            SessionView session,
            String runId) {}

    /** One page of units. */
    public record UnitPage(List<UnitView> items, int page, int size, long total) {}

    /** Search facets of a batch. */
    public record Facets(
            List<String> buildings,
            List<String> unitTypes,
            List<String> orientations,
            List<Integer> floors) {}

    /** The search of {@link #units}. */
    public record UnitQuery(
            String building,
            String unitType,
            String orientation,
            String roomNumber,
            Integer floor,
            Boolean free,
            int page,
            int size) {}

    // ---------------------------------------------------------------- who is asking

    /** The caller's resident ID number (cached: an account's ID number never changes). */
    String idNumberOf(Caller caller) {
        String id =
                idNumbers.computeIfAbsent(
                        caller.accountId(),
                        a ->
                                accounts.find(a)
                                        .map(AccountDirectory.AccountProfile::idNumber)
                                        .orElse(""));
        return id.isEmpty() ? null : id;
    }

    /** The family, if the caller is its main applicant; otherwise 404. */
    private FamilyEntity ownFamily(EntityManager em, Caller caller, String familyId) {
        FamilyEntity f = familyId == null ? null : em.find(FamilyEntity.class, familyId);
        String mine = idNumberOf(caller);
        if (!Families.mainApplicant(f, mine)) {
            throw ProblemException.notFound(null);
        }
        return f;
    }

    /** Whether the caller is a family of the batch (for unit lists). */
    public boolean isFamilyOf(Caller caller, String batchId) {
        String mine = idNumberOf(caller);
        if (mine == null) {
            return false;
        }
        return tx.read(
                em ->
                        !em.createQuery(
                                        "SELECT f.id FROM FamilyEntity f WHERE f.batchId = :b"
                                                + " AND f.idNumber = :n",
                                        String.class)
                                .setParameter("b", batchId)
                                .setParameter("n", mine)
                                .getResultList()
                                .isEmpty());
    }

    // ---------------------------------------------------------------- reading

    /** The caller's families, newest batch first. */
    public List<FamilyView> mine(Caller caller) {
        String mine = idNumberOf(caller);
        if (mine == null) {
            return List.of();
        }
        Instant now = now();
        return tx.read(
                em -> {
                    List<FamilyEntity> families =
                            em.createQuery(
                                            "SELECT f FROM FamilyEntity f WHERE f.idNumber = :n",
                                            FamilyEntity.class)
                                    .setParameter("n", mine)
                                    .getResultList();
                    List<FamilyView> views = new ArrayList<>();
                    for (FamilyEntity f : families) {
                        views.add(view(em, f, now));
                    }
                    views.sort(
                            (a, b) ->
                                    b.batch()
                                            .preselectStartsAt()
                                            .compareTo(a.batch().preselectStartsAt()));
                    return views;
                });
    }

    /** One family of the caller. */
    public FamilyView family(Caller caller, String familyId) {
        Instant now = now();
        return tx.read(em -> view(em, ownFamily(em, caller, familyId), now));
    }

    /** A batch's units, filtered and paged, with their status. */
    public UnitPage units(String batchId, UnitQuery q) {
        return tx.read(
                em -> {
                    batch(em, batchId);
                    StringBuilder where = new StringBuilder("u.batchId = :b");
                    Map<String, Object> params = new HashMap<>();
                    params.put("b", batchId);
                    if (notBlank(q.building())) {
                        where.append(" AND u.building = :building");
                        params.put("building", q.building().strip());
                    }
                    if (notBlank(q.unitType())) {
                        where.append(" AND u.unitType = :type");
                        params.put("type", q.unitType().strip());
                    }
                    if (notBlank(q.orientation())) {
                        where.append(" AND u.orientation = :orientation");
                        params.put("orientation", q.orientation().strip());
                    }
                    if (notBlank(q.roomNumber())) {
                        where.append(" AND u.roomNumber LIKE :room");
                        params.put(
                                "room",
                                "%"
                                        + q.roomNumber().strip().replace("%", "").replace("_", "")
                                        + "%");
                    }
                    if (q.floor() != null) {
                        where.append(" AND u.floor = :floor");
                        params.put("floor", q.floor());
                    }
                    String taken =
                            "EXISTS (SELECT a.unitId FROM AllocationEntity a WHERE a.unitId = u.id)";
                    if (Boolean.TRUE.equals(q.free())) {
                        where.append(" AND NOT ").append(taken);
                    } else if (Boolean.FALSE.equals(q.free())) {
                        where.append(" AND ").append(taken);
                    }
                    var count =
                            em.createQuery(
                                    "SELECT COUNT(u) FROM UnitEntity u WHERE " + where, Long.class);
                    var list =
                            em.createQuery(
                                    "SELECT u FROM UnitEntity u WHERE "
                                            + where
                                            + " ORDER BY u.building, u.floor, u.roomNumber",
                                    UnitEntity.class);
                    params.forEach(
                            (k, v) -> {
                                count.setParameter(k, v);
                                list.setParameter(k, v);
                            });
                    long total = count.getSingleResult();
                    List<UnitEntity> units =
                            list.setFirstResult((q.page() - 1) * q.size())
                                    .setMaxResults(q.size())
                                    .getResultList();
                    Set<String> takenIds =
                            takenAmong(em, units.stream().map(UnitEntity::id).toList());
                    return new UnitPage(
                            units.stream()
                                    .map(u -> UnitView.of(u, takenIds.contains(u.id())))
                                    .toList(),
                            q.page(),
                            q.size(),
                            total);
                });
    }

    /** The values a batch's search form offers. */
    public Facets facets(String batchId) {
        return tx.read(
                em -> {
                    batch(em, batchId);
                    return new Facets(
                            distinct(em, "u.building", batchId, String.class),
                            distinct(em, "u.unitType", batchId, String.class),
                            distinct(em, "u.orientation", batchId, String.class),
                            distinct(em, "u.floor", batchId, Integer.class));
                });
    }

    private static <T> List<T> distinct(
            EntityManager em, String field, String batchId, Class<T> t) {
        return em.createQuery(
                        "SELECT DISTINCT "
                                + field
                                + " FROM UnitEntity u WHERE u.batchId = :b ORDER BY "
                                + field,
                        t)
                .setParameter("b", batchId)
                .getResultList();
    }

    /** A family's cart. */
    public CartView cart(Caller caller, String familyId, Stage stage) {
        return tx.read(
                em -> {
                    FamilyEntity f = ownFamily(em, caller, familyId);
                    return cartView(em, f, batch(em, f.batchId()), stage);
                });
    }

    /** A family's result (S-8). */
    public ResultView result(Caller caller, String familyId) {
        return tx.read(
                em -> {
                    FamilyEntity f = ownFamily(em, caller, familyId);
                    SessionEntity s = em.find(SessionEntity.class, currentSessionId(f));
                    Optional<AllocationEntity> a = Families.allocation(em, f.id());
                    String runId =
                            em
                                    .createQuery(
                                            "SELECT r.id FROM RunEntity r WHERE r.sessionId = :s",
                                            String.class)
                                    .setParameter("s", s.id())
                                    .getResultList()
                                    .stream()
                                    .findFirst()
                                    .orElse(null);
                    return new ResultView(
                            f.id(),
                            f.status(),
                            a.map(x -> allocationView(em, x)).orElse(null),
                            SessionView.of(s),
                            runId);
                });
    }

    // ---------------------------------------------------------------- pre-selection (S-2, S-3)

    /** 我已阅读并同意声明 for pre-selection (S-2). */
    public FamilyView declarePreselection(Caller caller, String familyId) {
        Instant now = now();
        return write(
                em -> {
                    FamilyEntity f = ownFamily(em, caller, familyId);
                    BatchEntity b = batch(em, f.batchId());
                    SessionEntity s = em.find(SessionEntity.class, currentSessionId(f));
                    requirePhase(phase(f, b, s, now), Phase.PRESELECT);
                    if (f.preDeclaredAt() == null) {
                        f.preDeclaredAt(now);
                    }
                    return view(em, f, now);
                });
    }

    /** Adds a unit to a cart (S-2, S-4). */
    public CartView addToCart(Caller caller, String familyId, Stage stage, String unitId) {
        Instant now = now();
        return write(
                em -> {
                    Open open = openCart(em, caller, familyId, stage, now);
                    UnitEntity u = unitOf(em, open.batch().id(), unitId);
                    List<String> ids = cartIds(em, open.family().id(), stage);
                    if (ids.contains(u.id())) {
                        return cartView(em, open.family(), open.batch(), stage);
                    }
                    if (ids.size() >= open.batch().cartSize()) {
                        throw ProblemException.conflict(
                                "cart-full",
                                "最多可选" + open.batch().cartSize() + "套房源，请先删除再添加",
                                "The cart holds at most " + open.batch().cartSize() + " units",
                                null);
                    }
                    if (!takenAmong(em, List.of(u.id())).isEmpty()) {
                        throw unitTaken();
                    }
                    ids.add(u.id());
                    saveCart(em, open.family(), stage, ids, now);
                    return cartView(em, open.family(), open.batch(), stage);
                });
    }

    /** Removes a unit from a cart (S-3, S-4). */
    public CartView removeFromCart(Caller caller, String familyId, Stage stage, String unitId) {
        Instant now = now();
        return write(
                em -> {
                    Open open = openCart(em, caller, familyId, stage, now);
                    List<String> ids = cartIds(em, open.family().id(), stage);
                    if (!ids.remove(unitId)) {
                        throw ProblemException.notFound(null);
                    }
                    saveCart(em, open.family(), stage, ids, now);
                    return cartView(em, open.family(), open.batch(), stage);
                });
    }

    /** Moves a unit of a cart up, down or to the top (S-3, S-4). */
    public CartView move(Caller caller, String familyId, Stage stage, String unitId, String to) {
        Instant now = now();
        if (to == null || !Set.of("up", "down", "top").contains(to)) {
            throw ProblemException.invalidField("to", "请选择上移、下移或置顶", "Move up, down or to the top");
        }
        return write(
                em -> {
                    Open open = openCart(em, caller, familyId, stage, now);
                    List<String> ids = cartIds(em, open.family().id(), stage);
                    int i = ids.indexOf(unitId);
                    if (i < 0) {
                        throw ProblemException.notFound(null);
                    }
                    int j =
                            switch (to) {
                                case "up" -> Math.max(0, i - 1);
                                case "down" -> Math.min(ids.size() - 1, i + 1);
                                default -> 0;
                            };
                    ids.remove(i);
                    ids.add(j, unitId);
                    saveCart(em, open.family(), stage, ids, now);
                    return cartView(em, open.family(), open.batch(), stage);
                });
    }

    // ---------------------------------------------------------------- formal selection (S-4, S-5)

    /** 我已阅读并同意声明 for formal selection: starts the family's window (S-4). */
    public FamilyView declareFormal(Caller caller, String familyId) {
        Instant now = now();
        return write(
                em -> {
                    FamilyEntity f = ownFamily(em, caller, familyId);
                    BatchEntity b = batch(em, f.batchId());
                    SessionEntity s = em.find(SessionEntity.class, currentSessionId(f));
                    requirePhase(phase(f, b, s, now), Phase.FORMAL);
                    if (f.formalDeclaredAt() == null) {
                        f.formalDeclaredAt(now);
                        Instant end = now.plusSeconds(b.windowSeconds());
                        f.windowEndsAt(end.isBefore(s.endsAt()) ? end : s.endsAt());
                    }
                    return view(em, f, now);
                });
    }

    /** 确认同步: the formal intents become a copy of the pre-selection (S-4). */
    public CartView sync(Caller caller, String familyId) {
        Instant now = now();
        return write(
                em -> {
                    Open open = openCart(em, caller, familyId, Stage.FORMAL, now);
                    List<String> pre = cartIds(em, open.family().id(), Stage.PRE);
                    saveCart(em, open.family(), Stage.FORMAL, pre, now);
                    return cartView(em, open.family(), open.batch(), Stage.FORMAL);
                });
    }

    /**
     * 确认正选 (S-5): the unit goes to the family for good, its session ends. The same idempotency key
     * again returns the same answer; another family's unit, or a second unit, never.
     */
    public AllocationView confirm(Caller caller, String familyId, String unitId, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(
                    "idempotencyKey",
                    "缺少或无效的请求标识（8至64位字母、数字、-、_）",
                    "idempotencyKey: 8 to 64 letters, digits, '-' or '_'");
        }
        if (unitId == null || unitId.isBlank()) {
            throw ProblemException.invalidField(
                    "unitId", "请选择一套意向房源", "Choose one of your intents");
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = now();
            try {
                Confirmed done =
                        tx.write(em -> confirmOnce(em, caller, familyId, unitId, key, now));
                if (done.fresh()) {
                    unitsTaken();
                    audit(
                            "selection.confirmed",
                            caller.accountId(),
                            "family:" + familyId,
                            "unit=" + done.view().unit().code());
                }
                return done.view();
            } catch (ProblemException e) {
                throw e;
            } catch (PersistenceException e) {
                // A constraint or a row version refused the commit: someone else was faster. Decide
                // from what is stored now.
                last = e;
                Optional<AllocationView> settled = settledConfirm(caller, familyId, unitId, key);
                if (settled.isPresent()) {
                    return settled.get();
                }
            }
        }
        throw last;
    }

    private record Confirmed(AllocationView view, boolean fresh) {}

    private Confirmed confirmOnce(
            EntityManager em,
            Caller caller,
            String familyId,
            String unitId,
            String key,
            Instant now) {
        FamilyEntity f = ownFamily(em, caller, familyId);
        Optional<AllocationEntity> existing = Families.allocation(em, f.id());
        if (existing.isPresent()) {
            return new Confirmed(sameOrAlready(em, existing.get(), key), false);
        }
        // A unit someone else holds is refused before anything else is read: on a launch day most
        // confirms are for units just taken, and this is one lookup by primary key.
        AllocationEntity held = em.find(AllocationEntity.class, unitId);
        if (held != null) {
            // Our own first click may have committed between the two reads.
            if (held.familyId().equals(f.id())) {
                return new Confirmed(sameOrAlready(em, held, key), false);
            }
            throw unitTaken();
        }
        BatchEntity b = batch(em, f.batchId());
        SessionEntity s = em.find(SessionEntity.class, currentSessionId(f));
        requireWindow(f, b, s, now);
        List<String> intents = cartIds(em, f.id(), Stage.FORMAL);
        if (!intents.contains(unitId)) {
            throw ProblemException.invalidField(
                    "unitId", "请从我的意向房源中选择一套", "Choose one of your intents");
        }
        UnitEntity u = em.find(UnitEntity.class, unitId);
        AllocationEntity a = new AllocationEntity(unitId);
        a.familyId(f.id());
        a.batchId(b.id());
        a.sessionId(s.id());
        a.mode("CONFIRMED");
        a.confirmKey(key);
        a.allocatedAt(now);
        em.persist(a);
        // The insert goes first: when another family took the unit meanwhile, the primary key
        // refuses it here and nothing else of this transaction is written.
        em.flush();
        f.status(Status.CONFIRMED.name());
        f.outcomeAt(now);
        change(em, b.id(), u, now);
        return new Confirmed(allocationView(em, a, u), true);
    }

    /** After a refused commit: the answer the stored state gives, if it settles the request. */
    private Optional<AllocationView> settledConfirm(
            Caller caller, String familyId, String unitId, String key) {
        return tx.read(
                em -> {
                    FamilyEntity f = ownFamily(em, caller, familyId);
                    Optional<AllocationEntity> mine = Families.allocation(em, f.id());
                    if (mine.isPresent()) {
                        return Optional.of(sameOrAlready(em, mine.get(), key));
                    }
                    if (!takenAmong(em, List.of(unitId)).isEmpty()) {
                        throw unitTaken();
                    }
                    return Optional.empty();
                });
    }

    private AllocationView sameOrAlready(EntityManager em, AllocationEntity a, String key) {
        if (key.equals(a.confirmKey())) {
            return allocationView(em, a);
        }
        UnitEntity u = em.find(UnitEntity.class, a.unitId());
        throw ProblemException.conflict(
                "selection-already-confirmed",
                "您已选定房源（" + u.building() + " " + u.roomNumber() + "），结果不可更改",
                "Your family already has a unit; the result cannot be changed",
                u.code());
    }

    // ---------------------------------------------------------------- give up, supplement (S-9)

    /** 主动放弃选房: the family gives up on purpose; no supplementary selection afterwards. */
    public FamilyView giveUp(Caller caller, String familyId, String confirmWord) {
        if (!"放弃".equals(confirmWord)) {
            throw ProblemException.invalidField(
                    "confirm", "请输入“放弃”以确认放弃选房", "Type 放弃 to confirm giving up");
        }
        Instant now = now();
        FamilyView v =
                write(
                        em -> {
                            FamilyEntity f = ownFamily(em, caller, familyId);
                            if (!Status.WAITING.name().equals(f.status())) {
                                throw ProblemException.conflict(
                                        "selection-finished",
                                        "选房已有结果，不能放弃",
                                        "The selection already has a result",
                                        f.status());
                            }
                            f.status(Status.GAVE_UP.name());
                            f.outcomeAt(now);
                            deleteCart(em, f.id(), Stage.PRE);
                            deleteCart(em, f.id(), Stage.FORMAL);
                            return view(em, f, now);
                        });
        audit("selection.gave-up", caller.accountId(), "family:" + familyId, null);
        return v;
    }

    /** 补选申请 (S-9). */
    public FamilyView applySupplement(Caller caller, String familyId) {
        Instant now = now();
        FamilyView v =
                write(
                        em -> {
                            FamilyEntity f = ownFamily(em, caller, familyId);
                            SupplementView s = supplement(em, f, now);
                            if (f.supplementAppliedAt() != null) {
                                return view(em, f, now);
                            }
                            if (!s.mayApply()) {
                                throw ProblemException.conflict(
                                        "supplement-not-allowed",
                                        supplementRefusal(f, s, now),
                                        "Supplementary selection is only for families that missed"
                                                + " their session or ended it without a unit, from"
                                                + " the session's end until the day's last formal"
                                                + " session ends",
                                        null);
                            }
                            f.supplementAppliedAt(now);
                            return view(em, f, now);
                        });
        audit("selection.supplement.applied", caller.accountId(), "family:" + familyId, null);
        return v;
    }

    private static String supplementRefusal(FamilyEntity f, SupplementView s, Instant now) {
        Status st = Status.valueOf(f.status());
        if (st == Status.GAVE_UP) {
            return "主动放弃选房的家庭不能申请补选";
        }
        if (st == Status.CONFIRMED || st == Status.AUTO_ASSIGNED) {
            return "您已选定房源，无需补选";
        }
        if (s.applyFrom() != null && now.isBefore(s.applyFrom())) {
            return "本家庭选房场次结束后方可申请补选";
        }
        return "补选申请时间已过（当天正选场次结束前可申请）";
    }

    // ---------------------------------------------------------------- closing a session (S-6, S-7)

    /**
     * Closes a session and runs its auto-assignment (S-6): families that took part and did not
     * confirm get their first free intent, by rank; families that did not take part are absent and
     * their pre-selection is void (S-7). A session already closed answers its run.
     */
    public RunView closeSession(String sessionId, String actorId) {
        PersistenceException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = now();
            try {
                Closed closed = tx.write(em -> closeOnce(em, sessionId, actorId, now));
                if (closed.fresh()) {
                    unitsTaken();
                    audit(
                            "selection.session.closed",
                            actorId,
                            "session:" + sessionId,
                            "run="
                                    + closed.run().id()
                                    + " families="
                                    + closed.run().families()
                                    + " assigned="
                                    + closed.run().assigned());
                    LOG.info(
                            "Session {} closed: {} families auto-assigned, {} got a unit",
                            sessionId,
                            closed.run().families(),
                            closed.run().assigned());
                }
                return closed.run();
            } catch (PersistenceException e) {
                // A confirm or another node's close committed first; start again from what is
                // stored.
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    private record Closed(RunView run, boolean fresh) {}

    private Closed closeOnce(EntityManager em, String sessionId, String actorId, Instant now) {
        SessionEntity s = sessionId == null ? null : em.find(SessionEntity.class, sessionId);
        if (s == null) {
            throw ProblemException.notFound(null);
        }
        if ("CLOSED".equals(s.status())) {
            return new Closed(runOf(em, s.id()).orElseThrow(), false);
        }
        s.status("CLOSED");
        s.closedAt(now);
        s.closedBy(actorId);
        boolean supplementary = "SUPPLEMENTARY".equals(s.kind());
        List<FamilyEntity> families =
                em.createQuery(
                                "SELECT f FROM FamilyEntity f WHERE "
                                        + (supplementary
                                                ? "f.supplementSessionId = :s"
                                                : "f.sessionId = :s AND f.supplementSessionId IS NULL")
                                        + " AND f.status = :w ORDER BY f.rank",
                                FamilyEntity.class)
                        .setParameter("s", s.id())
                        .setParameter("w", Status.WAITING.name())
                        .getResultList();
        Map<String, UnitEntity> unitsById = new HashMap<>();
        Map<String, UnitEntity> unitsByCode = new HashMap<>();
        for (UnitEntity u :
                em.createQuery("SELECT u FROM UnitEntity u WHERE u.batchId = :b", UnitEntity.class)
                        .setParameter("b", s.batchId())
                        .getResultList()) {
            unitsById.put(u.id(), u);
            unitsByCode.put(u.code(), u);
        }
        Set<String> taken = new HashSet<>();
        for (String unitId :
                em.createQuery(
                                "SELECT a.unitId FROM AllocationEntity a WHERE a.batchId = :b",
                                String.class)
                        .setParameter("b", s.batchId())
                        .getResultList()) {
            taken.add(unitsById.get(unitId).code());
        }
        Map<String, List<String>> intents = formalIntents(em, s.id(), supplementary, unitsById);
        List<FamilyEntity> participants = new ArrayList<>();
        List<AutoAssignment.Family> inputs = new ArrayList<>();
        for (FamilyEntity f : families) {
            if (f.formalDeclaredAt() == null) {
                // S-7: did not take part; its pre-selection is void.
                f.status(Status.ABSENT.name());
                f.outcomeAt(now);
                deleteCart(em, f.id(), Stage.PRE);
                deleteCart(em, f.id(), Stage.FORMAL);
            } else {
                participants.add(f);
                inputs.add(
                        new AutoAssignment.Family(
                                f.rank(), intents.getOrDefault(f.id(), List.of())));
            }
        }
        AutoAssignment.Inputs in = new AutoAssignment.Inputs(taken, inputs);
        AutoAssignment.Results out = AutoAssignment.run(in);
        RunEntity run = new RunEntity(UUID.randomUUID().toString());
        run.batchId(s.batchId());
        run.sessionId(s.id());
        run.algorithm(AutoAssignment.ALGORITHM);
        run.inputHash(AutoAssignment.sha256(in.canonical()));
        run.outputHash(AutoAssignment.sha256(out.canonical()));
        run.families(participants.size());
        run.assigned(out.assigned());
        run.ranAt(now);
        em.persist(run);
        em.flush();
        for (String code : in.taken()) {
            em.createNativeQuery("INSERT INTO SEL_RUN_TAKEN (RUN_ID, UNIT_CODE) VALUES (?1, ?2)")
                    .setParameter(1, run.id())
                    .setParameter(2, code)
                    .executeUpdate();
        }
        for (int i = 0; i < participants.size(); i++) {
            FamilyEntity f = participants.get(i);
            AutoAssignment.Outcome o = out.outcomes().get(i);
            em.createNativeQuery(
                            "INSERT INTO SEL_RUN_FAMILY (RUN_ID, POSITION, FAMILY_ID, RANK_NO,"
                                    + " INTENTS, ASSIGNED_UNIT_CODE) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, run.id())
                    .setParameter(2, i + 1)
                    .setParameter(3, f.id())
                    .setParameter(4, f.rank())
                    .setParameter(5, String.join(",", inputs.get(i).intents()))
                    .setParameter(6, o.unitCode())
                    .executeUpdate();
            if (o.unitCode() == null) {
                f.status(Status.NO_UNIT.name());
            } else {
                UnitEntity u = unitsByCode.get(o.unitCode());
                AllocationEntity a = new AllocationEntity(u.id());
                a.familyId(f.id());
                a.batchId(s.batchId());
                a.sessionId(s.id());
                a.mode("AUTO");
                a.runId(run.id());
                a.allocatedAt(now);
                em.persist(a);
                f.status(Status.AUTO_ASSIGNED.name());
                change(em, s.batchId(), u, now);
            }
            f.outcomeAt(now);
        }
        return new Closed(runView(run), true);
    }

    /** The FORMAL carts of a session's families, as unit codes in order. */
    private static Map<String, List<String>> formalIntents(
            EntityManager em,
            String sessionId,
            boolean supplementary,
            Map<String, UnitEntity> units) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT c.FAMILY_ID, c.UNIT_ID FROM SEL_CART c JOIN SEL_FAMILY f ON"
                                        + " f.ID = c.FAMILY_ID WHERE "
                                        + (supplementary
                                                ? "f.SUPPLEMENT_SESSION_ID = ?1"
                                                : "f.SESSION_ID = ?1 AND f.SUPPLEMENT_SESSION_ID IS NULL")
                                        + " AND c.STAGE = 'FORMAL' ORDER BY c.FAMILY_ID, c.POSITION")
                        .setParameter(1, sessionId)
                        .getResultList();
        Map<String, List<String>> intents = new LinkedHashMap<>();
        for (Object[] r : rows) {
            intents.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(units.get((String) r[1]).code());
        }
        return intents;
    }

    /** Closes every session whose end has passed; run by each node's sweeper. */
    void closeEndedSessions() {
        try {
            Instant now = now();
            List<String> due =
                    tx.read(
                            em ->
                                    em.createQuery(
                                                    "SELECT s.id FROM SessionEntity s WHERE"
                                                            + " s.status = 'SCHEDULED' AND s.endsAt <= :now"
                                                            + " ORDER BY s.endsAt",
                                                    String.class)
                                            .setParameter("now", Timestamp.from(now))
                                            .getResultList());
            for (String id : due) {
                try {
                    closeSession(id, null);
                } catch (RuntimeException e) {
                    LOG.warn("Closing session {} failed; the next sweep tries again", id, e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Session sweep failed", e);
        }
    }

    /**
     * Publishes a supplementary session (S-9) with the families that applied and were not yet
     * published, by rank.
     */
    public SessionView publishSupplementary(
            String batchId, String name, Instant startsAt, Instant endsAt, String actorId) {
        Instant now = now();
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            errors.add(new FieldError("name", "请填写场次名称（100字以内）", "Name, 1 to 100 characters"));
        }
        if (startsAt == null || startsAt.isBefore(now)) {
            errors.add(new FieldError("startsAt", "开始时间应晚于当前时间", "Starts in the future"));
        }
        if (endsAt == null || startsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "结束时间应晚于开始时间", "Ends after it starts"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        SessionView v =
                write(
                        em -> {
                            BatchEntity b = batch(em, batchId);
                            Integer max =
                                    em.createQuery(
                                                    "SELECT MAX(s.seq) FROM SessionEntity s WHERE"
                                                            + " s.batchId = :b",
                                                    Integer.class)
                                            .setParameter("b", b.id())
                                            .getSingleResult();
                            SessionEntity s = new SessionEntity(UUID.randomUUID().toString());
                            s.batchId(b.id());
                            s.seq(max == null ? 1 : max + 1);
                            s.name(name.strip());
                            s.kind("SUPPLEMENTARY");
                            s.startsAt(startsAt);
                            s.endsAt(endsAt);
                            s.status("SCHEDULED");
                            em.persist(s);
                            em.flush();
                            List<FamilyEntity> applied =
                                    em.createQuery(
                                                    "SELECT f FROM FamilyEntity f WHERE f.batchId = :b"
                                                            + " AND f.supplementAppliedAt IS NOT NULL"
                                                            + " AND f.supplementSessionId IS NULL"
                                                            + " AND f.status IN ('ABSENT', 'NO_UNIT')"
                                                            + " ORDER BY f.rank",
                                                    FamilyEntity.class)
                                            .setParameter("b", b.id())
                                            .getResultList();
                            for (FamilyEntity f : applied) {
                                f.supplementSessionId(s.id());
                                f.status(Status.WAITING.name());
                                f.formalDeclaredAt(null);
                                f.windowEndsAt(null);
                                f.outcomeAt(null);
                                deleteCart(em, f.id(), Stage.FORMAL);
                            }
                            return SessionView.of(s);
                        });
        audit(
                "selection.supplementary.published",
                actorId,
                "session:" + v.id(),
                "batch=" + batchId);
        return v;
    }

    // ---------------------------------------------------------------- helpers

    private record Open(FamilyEntity family, BatchEntity batch, SessionEntity session) {}

    /** The family's cart of that stage, if it may change it now. */
    private Open openCart(
            EntityManager em, Caller caller, String familyId, Stage stage, Instant now) {
        FamilyEntity f = ownFamily(em, caller, familyId);
        BatchEntity b = batch(em, f.batchId());
        SessionEntity s = em.find(SessionEntity.class, currentSessionId(f));
        if (stage == Stage.PRE) {
            requirePhase(phase(f, b, s, now), Phase.PRESELECT);
            if (f.preDeclaredAt() == null) {
                throw declarationRequired();
            }
        } else {
            requireWindow(f, b, s, now);
        }
        // Two tabs of one family change the cart one after the other, never interleaved.
        em.lock(f, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return new Open(f, b, s);
    }

    private void requireWindow(FamilyEntity f, BatchEntity b, SessionEntity s, Instant now) {
        Phase p = phase(f, b, s, now);
        if (p == Phase.DONE) {
            throw ProblemException.conflict(
                    "selection-finished",
                    "本家庭选房已有结果，不能再更改",
                    "Your family's selection has a result and cannot change",
                    f.status());
        }
        requirePhase(p, Phase.FORMAL);
        if (f.formalDeclaredAt() == null) {
            throw declarationRequired();
        }
        if (!now.isBefore(f.windowEndsAt())) {
            throw ProblemException.conflict(
                    "selection-window-over",
                    "正选时间已结束，场次结束时系统将按意向排序自动选定房源",
                    "Your formal-selection time is over; at the session's end the system assigns"
                            + " your first free intent",
                    null);
        }
    }

    private static void requirePhase(Phase actual, Phase wanted) {
        if (actual == wanted) {
            return;
        }
        switch (wanted) {
            case PRESELECT -> throw ProblemException.conflict(
                    "selection-not-open",
                    actual == Phase.PRESELECT_NOT_OPEN ? "预选尚未开始" : "预选已结束（预选时间至本家庭正选开始前）",
                    actual == Phase.PRESELECT_NOT_OPEN
                            ? "Pre-selection has not opened"
                            : "Pre-selection is over (it ends when your session starts)",
                    actual.name());
            default -> throw ProblemException.conflict(
                    "not-your-session",
                    actual == Phase.SESSION_OVER || actual == Phase.DONE
                            ? "本家庭的选房场次已结束"
                            : "尚未到本家庭的选房场次，请在所属场次时间内选房",
                    actual == Phase.SESSION_OVER || actual == Phase.DONE
                            ? "Your family's session is over"
                            : "Formal selection is only in your family's own session",
                    actual.name());
        }
    }

    private static ProblemException declarationRequired() {
        return ProblemException.conflict(
                "declaration-required",
                "请先阅读并同意选房声明",
                "Read and accept the declaration first",
                null);
    }

    private static ProblemException unitTaken() {
        return ProblemException.conflict(
                "unit-taken",
                "该房源已被其他家庭选定，请选择其他房源",
                "Another family has taken this unit; choose another",
                null);
    }

    static Phase phase(FamilyEntity f, BatchEntity b, SessionEntity s, Instant now) {
        if (!Status.WAITING.name().equals(f.status())) {
            return Phase.DONE;
        }
        if (s == null) {
            return now.isBefore(b.preselectStartsAt()) ? Phase.PRESELECT_NOT_OPEN : Phase.PRESELECT;
        }
        if ("CLOSED".equals(s.status()) || !now.isBefore(s.endsAt())) {
            return Phase.SESSION_OVER;
        }
        if (!now.isBefore(s.startsAt())) {
            return Phase.FORMAL;
        }
        if (f.supplementSessionId() != null) {
            return Phase.SUPPLEMENT_WAIT;
        }
        return now.isBefore(b.preselectStartsAt()) ? Phase.PRESELECT_NOT_OPEN : Phase.PRESELECT;
    }

    private static String currentSessionId(FamilyEntity f) {
        return f.supplementSessionId() != null ? f.supplementSessionId() : f.sessionId();
    }

    private FamilyView view(EntityManager em, FamilyEntity f, Instant now) {
        BatchEntity b = batch(em, f.batchId());
        SessionEntity s = em.find(SessionEntity.class, currentSessionId(f));
        Phase p = phase(f, b, s, now);
        Long left = null;
        if (p == Phase.FORMAL && f.windowEndsAt() != null) {
            left = Math.max(0, Duration.between(now, f.windowEndsAt()).toSeconds());
        }
        return new FamilyView(
                f.id(),
                new BatchRef(
                        b.id(),
                        b.code(),
                        b.name(),
                        b.regionCode(),
                        b.preselectStartsAt(),
                        b.cartSize(),
                        b.windowSeconds()),
                f.rank(),
                f.applicantName(),
                f.householdSize(),
                SessionView.of(s),
                f.status(),
                p,
                f.preDeclaredAt(),
                f.formalDeclaredAt(),
                f.windowEndsAt(),
                left,
                now,
                Families.allocation(em, f.id()).map(a -> allocationView(em, a)).orElse(null),
                supplement(em, f, now));
    }

    /** S-9: who may apply and when. */
    private SupplementView supplement(EntityManager em, FamilyEntity f, Instant now) {
        SessionEntity formal =
                f.sessionId() == null ? null : em.find(SessionEntity.class, f.sessionId());
        SessionView published =
                f.supplementSessionId() == null
                        ? null
                        : SessionView.of(em.find(SessionEntity.class, f.supplementSessionId()));
        if (formal == null) {
            return new SupplementView(false, null, null, f.supplementAppliedAt(), published);
        }
        LocalDate day = LocalDate.ofInstant(formal.startsAt(), CITY_ZONE);
        Instant from = day.atStartOfDay(CITY_ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CITY_ZONE).toInstant();
        Instant until =
                em.createQuery(
                                "SELECT MAX(s.endsAt) FROM SessionEntity s WHERE s.batchId = :b AND"
                                        + " s.kind = 'FORMAL' AND s.startsAt >= :from AND s.startsAt < :to",
                                Timestamp.class)
                        .setParameter("b", f.batchId())
                        .setParameter("from", Timestamp.from(from))
                        .setParameter("to", Timestamp.from(to))
                        .getSingleResult()
                        .toInstant();
        Status st = Status.valueOf(f.status());
        boolean missedOrEmpty = st == Status.ABSENT || st == Status.NO_UNIT;
        boolean may =
                missedOrEmpty
                        && f.supplementAppliedAt() == null
                        && f.supplementSessionId() == null
                        && !now.isBefore(formal.endsAt())
                        && now.isBefore(until);
        return new SupplementView(may, formal.endsAt(), until, f.supplementAppliedAt(), published);
    }

    private static BatchEntity batch(EntityManager em, String batchId) {
        BatchEntity b = batchId == null ? null : em.find(BatchEntity.class, batchId);
        if (b == null) {
            throw ProblemException.notFound(null);
        }
        return b;
    }

    private static UnitEntity unitOf(EntityManager em, String batchId, String unitId) {
        UnitEntity u = unitId == null ? null : em.find(UnitEntity.class, unitId);
        if (u == null || !u.batchId().equals(batchId)) {
            throw ProblemException.invalidField("unitId", "本批次没有该房源", "No such unit in this batch");
        }
        return u;
    }

    private static Optional<RunView> runOf(EntityManager em, String sessionId) {
        return em
                .createQuery("SELECT r FROM RunEntity r WHERE r.sessionId = :s", RunEntity.class)
                .setParameter("s", sessionId)
                .getResultList()
                .stream()
                .findFirst()
                .map(SelectionService::runView);
    }

    static RunView runView(RunEntity r) {
        return new RunView(
                r.id(),
                r.batchId(),
                r.sessionId(),
                r.algorithm(),
                r.inputHash(),
                r.outputHash(),
                r.families(),
                r.assigned(),
                r.ranAt());
    }

    private static AllocationView allocationView(EntityManager em, AllocationEntity a) {
        return allocationView(em, a, em.find(UnitEntity.class, a.unitId()));
    }

    private static AllocationView allocationView(
            EntityManager em, AllocationEntity a, UnitEntity u) {
        return new AllocationView(
                a.familyId(), UnitView.of(u, true), a.mode(), a.allocatedAt(), a.confirmKey());
    }

    /** Which of these units are taken. */
    static Set<String> takenAmong(EntityManager em, List<String> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                em.createQuery(
                                "SELECT a.unitId FROM AllocationEntity a WHERE a.unitId IN :ids",
                                String.class)
                        .setParameter("ids", unitIds)
                        .getResultList());
    }

    private static List<String> cartIds(EntityManager em, String familyId, Stage stage) {
        @SuppressWarnings("unchecked")
        List<String> ids =
                em.createNativeQuery(
                                "SELECT UNIT_ID FROM SEL_CART WHERE FAMILY_ID = ?1 AND STAGE = ?2"
                                        + " ORDER BY POSITION")
                        .setParameter(1, familyId)
                        .setParameter(2, stage.name())
                        .getResultList();
        return new ArrayList<>(ids);
    }

    private static void saveCart(
            EntityManager em, FamilyEntity f, Stage stage, List<String> ids, Instant now) {
        deleteCart(em, f.id(), stage);
        for (int i = 0; i < ids.size(); i++) {
            em.createNativeQuery(
                            "INSERT INTO SEL_CART (FAMILY_ID, STAGE, UNIT_ID, POSITION, ADDED_AT)"
                                    + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, f.id())
                    .setParameter(2, stage.name())
                    .setParameter(3, ids.get(i))
                    .setParameter(4, i + 1)
                    .setParameter(5, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    private static void deleteCart(EntityManager em, String familyId, Stage stage) {
        em.createNativeQuery("DELETE FROM SEL_CART WHERE FAMILY_ID = ?1 AND STAGE = ?2")
                .setParameter(1, familyId)
                .setParameter(2, stage.name())
                .executeUpdate();
    }

    private CartView cartView(EntityManager em, FamilyEntity f, BatchEntity b, Stage stage) {
        List<String> ids = cartIds(em, f.id(), stage);
        Set<String> taken = takenAmong(em, ids);
        List<CartItem> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UnitEntity u = em.find(UnitEntity.class, ids.get(i));
            items.add(new CartItem(i + 1, UnitView.of(u, taken.contains(u.id()))));
        }
        return new CartView(stage, b.cartSize(), items);
    }

    /** Appends a row to the availability feed (S-10) in the caller's transaction. */
    private static void change(EntityManager em, String batchId, UnitEntity u, Instant now) {
        em.createNativeQuery(
                        "INSERT INTO SEL_CHANGE (BATCH_ID, UNIT_ID, UNIT_CODE, STATUS, CHANGED_AT)"
                                + " VALUES (?1, ?2, ?3, 'TAKEN', ?4)")
                .setParameter(1, batchId)
                .setParameter(2, u.id())
                .setParameter(3, u.code())
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    private void unitsTaken() {
        for (Runnable hook : afterCommit) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("Availability hook failed", e);
            }
        }
    }

    /** Runs {@code work} in a transaction; a lost race on a row version is a 409. */
    private <T> T write(java.util.function.Function<EntityManager, T> work) {
        try {
            return tx.write(work);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (JpaTransactions.optimisticLockFailure(e)) {
                throw ProblemException.conflict(
                        "changed-concurrently",
                        "数据已在别处更改，请刷新后重试",
                        "Changed meanwhile elsewhere; reload and try again",
                        null);
            }
            throw e;
        }
    }

    private void audit(String action, String actor, String target, String detail) {
        AuditLog log = auditLog;
        if (log != null) {
            try {
                log.record(action, actor, target, null, detail);
            } catch (RuntimeException e) {
                LOG.warn("Audit of {} failed", action, e);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L + (long) (Math.random() * 20 * (attempt + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This node's time, to the millisecond as the database keeps it (so an answer repeats exactly).
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
