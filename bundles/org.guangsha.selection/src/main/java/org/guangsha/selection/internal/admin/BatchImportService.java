package org.guangsha.selection.internal.admin;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.selection.batch.BatchImport;
import org.guangsha.selection.batch.BatchRejectedException;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.BatchSummary;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewSession;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.guangsha.selection.batch.NewBatch.RankedFamily;
import org.guangsha.selection.internal.SelectionConfiguration;
import org.guangsha.selection.internal.admin.AdminViews.BatchDetail;
import org.guangsha.selection.internal.admin.AdminViews.FamilyPage;
import org.guangsha.selection.internal.admin.AdminViews.FamilyRow;
import org.guangsha.selection.internal.admin.AdminViews.SessionCounts;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.FamilyEntity;
import org.guangsha.selection.internal.store.SessionEntity;
import org.guangsha.selection.internal.store.UnitEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates selection batches (S-1) and shows them to staff. A batch, from JSON or from the
 * operator's CSV files, is checked whole ({@link BatchValidator}: every row, every field, and the
 * rows against each other), refused with every problem at once, or stored in one transaction:
 * batch, units, formal sessions ({@code SCHEDULED}) and ranked families ({@code WAITING}), each
 * family in its session. Inserts go in batches with the persistence context cleared as it goes, so
 * ten thousand families take seconds, not minutes.
 *
 * <p>Cart size and window left out come from the configuration {@code org.guangsha.selection}
 * ({@code cart.size}, {@code window.seconds}) as it is when the batch is created.
 */
@Component(
        service = {BatchImport.class, BatchImportService.class},
        configurationPid = SelectionConfiguration.PID)
public class BatchImportService implements BatchImport {

    private static final Logger LOG = LoggerFactory.getLogger(BatchImportService.class);

    /** Rows persisted between two flushes (and clears) of the persistence context. */
    static final int FLUSH_EVERY = 500;

    private final JpaTransactions tx;
    private final Regions regions;
    private final Clock clock;
    private final int defaultCartSize;
    private final int defaultWindowSeconds;
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public BatchImportService(
            @Reference(target = "(osgi.unit.name=guangsha-selection)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=selection)") Schema schema,
            @Reference Regions regions,
            SelectionConfiguration config) {
        this(
                new JpaTransactions(emf),
                regions,
                Clock.systemUTC(),
                config.cart_size(),
                config.window_seconds());
    }

    BatchImportService(
            JpaTransactions tx,
            Regions regions,
            Clock clock,
            int defaultCartSize,
            int defaultWindowSeconds) {
        this.tx = tx;
        this.regions = regions;
        this.clock = clock;
        this.defaultCartSize = defaultCartSize;
        this.defaultWindowSeconds = defaultWindowSeconds;
    }

    /** The audit trail is optional: without it, creations still reach the log. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuditLog(AuditLog log) {
        auditLog = log;
    }

    void unsetAuditLog(AuditLog log) {
        if (auditLog == log) {
            auditLog = null;
        }
    }

    @Override
    public BatchSummary create(NewBatch batch) {
        return create(batch, null);
    }

    /**
     * Checks and stores a batch given as one {@link NewBatch}; {@code sourceAddress} goes to the
     * audit trail.
     *
     * @throws BatchRejectedException with every problem; nothing is stored then
     */
    public BatchSummary create(NewBatch batch, String sourceAddress) {
        Objects.requireNonNull(batch, "batch");
        List<RowError> errors = new ArrayList<>();
        NewBatch checked = BatchValidator.check(BatchValidator.Input.of(batch), facts(), errors);
        if (!errors.isEmpty()) {
            throw new BatchRejectedException(BatchValidator.ordered(errors));
        }
        return store(checked, sourceAddress);
    }

    /**
     * Checks and stores a batch from an operator's files: the batch's own members as JSON and the
     * three CSV files (see {@link CsvBatchReader}). Problems of reading and of checking are
     * reported together, with CSV column names.
     *
     * @param createdBy the operator's account id, or null (the shell)
     * @throws BatchRejectedException with every problem; nothing is stored then
     */
    public BatchSummary importCsv(
            String batchJson,
            InputStream units,
            InputStream families,
            InputStream sessions,
            String createdBy,
            String sourceAddress) {
        List<RowError> errors = new ArrayList<>();
        NewBatch header = CsvBatchReader.header(batchJson, createdBy, errors);
        CsvBatchReader.Read read = CsvBatchReader.read(units, families, sessions);
        errors.addAll(read.errors());
        List<RowError> found = new ArrayList<>();
        NewBatch checked =
                BatchValidator.check(
                        new BatchValidator.Input(
                                header,
                                read.units(),
                                read.sessions(),
                                read.families(),
                                read.unreadable()),
                        facts(),
                        found);
        // A value that could not be read was replaced by 0 or nothing: the validator's complaint
        // about the same field of the same row is that one again.
        Set<String> reported = new HashSet<>();
        errors.forEach(e -> reported.add(key(e)));
        for (RowError e : found) {
            RowError renamed =
                    new RowError(
                            e.section(),
                            e.row(),
                            CsvBatchReader.column(e.section(), e.field()),
                            e.zh(),
                            e.en());
            if (reported.add(key(renamed))) {
                errors.add(renamed);
            }
        }
        if (!errors.isEmpty()) {
            throw new BatchRejectedException(BatchValidator.ordered(errors));
        }
        return store(checked, sourceAddress);
    }

    private static String key(RowError e) {
        return e.section() + "\u0000" + e.row() + "\u0000" + e.field();
    }

    private BatchValidator.Facts facts() {
        return new BatchValidator.Facts() {
            @Override
            public boolean regionKnown(String code) {
                return regions.region(code).isPresent();
            }

            @Override
            public boolean codeTaken(String code) {
                return BatchImportService.this.codeTaken(code);
            }

            @Override
            public int defaultCartSize() {
                return defaultCartSize;
            }

            @Override
            public int defaultWindowSeconds() {
                return defaultWindowSeconds;
            }
        };
    }

    private boolean codeTaken(String code) {
        return tx.read(
                em ->
                        em.createQuery(
                                                "SELECT COUNT(b) FROM BatchEntity b"
                                                        + " WHERE UPPER(b.code) = :code",
                                                Long.class)
                                        .setParameter(
                                                "code", code.toUpperCase(java.util.Locale.ROOT))
                                        .getSingleResult()
                                > 0);
    }

    /** Stores a checked batch in one transaction. */
    private BatchSummary store(NewBatch b, String sourceAddress) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        long started = System.nanoTime();
        try {
            tx.run(em -> insert(em, id, now, b));
        } catch (PersistenceException e) {
            if (codeTaken(b.code())) {
                // another operator created a batch with this code at the same moment
                throw new BatchRejectedException(
                        List.of(
                                new RowError(
                                        BatchValidator.BATCH,
                                        0,
                                        "code",
                                        "批次编号“" + b.code() + "”已被使用",
                                        "The batch code " + b.code() + " is taken")));
            }
            throw e;
        }
        BatchSummary summary =
                new BatchSummary(
                        id,
                        b.code(),
                        b.name(),
                        b.regionCode(),
                        b.preselectStartsAt(),
                        b.cartSize(),
                        b.windowSeconds(),
                        b.units().size(),
                        b.sessions().size(),
                        b.families().size(),
                        now);
        LOG.info(
                "Batch {} ({}) created from {}: {} units, {} sessions, {} families in {} ms",
                b.code(),
                id,
                b.source(),
                summary.units(),
                summary.sessions(),
                summary.families(),
                (System.nanoTime() - started) / 1_000_000);
        audit(
                "selection.batch.created",
                b.createdBy(),
                "selection-batch:" + id,
                sourceAddress,
                "code="
                        + b.code()
                        + " region="
                        + b.regionCode()
                        + " source="
                        + b.source()
                        + " units="
                        + summary.units()
                        + " sessions="
                        + summary.sessions()
                        + " families="
                        + summary.families());
        return summary;
    }

    private static void insert(EntityManager em, String id, Instant now, NewBatch b) {
        BatchEntity batch = new BatchEntity(id);
        batch.code(b.code());
        batch.name(b.name());
        batch.regionCode(b.regionCode());
        batch.preselectStartsAt(b.preselectStartsAt());
        batch.cartSize(b.cartSize());
        batch.windowSeconds(b.windowSeconds());
        batch.source(b.source());
        batch.createdAt(now);
        batch.createdBy(b.createdBy());
        em.persist(batch);
        // Flushed section by section: the rows of one section only refer to rows already written,
        // whatever order the persistence provider writes one flush in.
        em.flush();
        Map<Integer, String> sessionIds = new HashMap<>();
        for (NewSession s : b.sessions()) {
            SessionEntity e = new SessionEntity(UUID.randomUUID().toString());
            e.batchId(id);
            e.seq(s.seq());
            e.name(s.name());
            e.kind("FORMAL");
            e.startsAt(s.startsAt());
            e.endsAt(s.endsAt());
            e.status("SCHEDULED");
            em.persist(e);
            sessionIds.put(s.seq(), e.id());
        }
        em.flush();
        int pending = 0;
        for (NewUnit u : b.units()) {
            UnitEntity e = new UnitEntity(UUID.randomUUID().toString());
            e.batchId(id);
            e.code(u.code());
            e.project(u.project());
            e.building(u.building());
            e.unitType(u.unitType());
            e.orientation(u.orientation());
            e.roomNumber(u.roomNumber());
            e.floor(u.floor());
            e.areaCentiM2(u.areaCentiM2());
            e.rentFen(u.rentFen());
            e.address(u.address());
            em.persist(e);
            pending = flushEvery(em, pending);
        }
        for (RankedFamily f : b.families()) {
            FamilyEntity e = new FamilyEntity(UUID.randomUUID().toString());
            e.batchId(id);
            e.rank(f.rank());
            e.applicantName(f.applicantName());
            // stored as the platform keeps citizens' numbers, so the citizen is found by equality
            e.idNumber(ResidentIdNumber.normalize(f.idNumber()));
            e.householdSize(f.householdSize());
            e.sessionId(sessionIds.get(f.sessionSeq()));
            e.status("WAITING");
            em.persist(e);
            pending = flushEvery(em, pending);
        }
        em.flush();
    }

    private static int flushEvery(EntityManager em, int pending) {
        if (pending + 1 < FLUSH_EVERY) {
            return pending + 1;
        }
        em.flush();
        em.clear();
        return 0;
    }

    @Override
    public List<BatchSummary> batches() {
        return tx.read(
                em -> {
                    List<BatchEntity> all =
                            em.createQuery(
                                            "SELECT b FROM BatchEntity b"
                                                    + " ORDER BY b.createdAt DESC, b.code",
                                            BatchEntity.class)
                                    .getResultList();
                    Map<String, Long> units = countBy(em, "UnitEntity", null);
                    Map<String, Long> sessions = countBy(em, "SessionEntity", null);
                    Map<String, Long> families = countBy(em, "FamilyEntity", null);
                    return all.stream().map(b -> summary(b, units, sessions, families)).toList();
                });
    }

    @Override
    public Optional<String> familyId(String batchId, String idNumber) {
        String id = ResidentIdNumber.normalize(idNumber);
        if (batchId == null || id == null) {
            return Optional.empty();
        }
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT f.id FROM FamilyEntity f"
                                                + " WHERE f.batchId = :b AND f.idNumber = :id",
                                        String.class)
                                .setParameter("b", batchId)
                                .setParameter("id", id)
                                .getResultList()
                                .stream()
                                .findFirst());
    }

    /** One batch's summary, or empty. */
    public Optional<BatchSummary> summary(String batchId) {
        return tx.read(em -> Optional.ofNullable(summary(em, batchId)));
    }

    private static BatchSummary summary(EntityManager em, String batchId) {
        BatchEntity b = batchId == null ? null : em.find(BatchEntity.class, batchId);
        if (b == null) {
            return null;
        }
        return summary(
                b,
                countBy(em, "UnitEntity", batchId),
                countBy(em, "SessionEntity", batchId),
                countBy(em, "FamilyEntity", batchId));
    }

    /** Row counts per batch of an entity; of one batch when {@code batchId} is given. */
    private static Map<String, Long> countBy(EntityManager em, String entity, String batchId) {
        TypedQuery<Object[]> q =
                em.createQuery(
                        "SELECT e.batchId, COUNT(e) FROM "
                                + entity
                                + " e"
                                + (batchId == null ? "" : " WHERE e.batchId = :b")
                                + " GROUP BY e.batchId",
                        Object[].class);
        if (batchId != null) {
            q.setParameter("b", batchId);
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static BatchSummary summary(
            BatchEntity b,
            Map<String, Long> units,
            Map<String, Long> sessions,
            Map<String, Long> families) {
        return new BatchSummary(
                b.id(),
                b.code(),
                b.name(),
                b.regionCode(),
                b.preselectStartsAt(),
                b.cartSize(),
                b.windowSeconds(),
                units.getOrDefault(b.id(), 0L).intValue(),
                sessions.getOrDefault(b.id(), 0L).intValue(),
                families.getOrDefault(b.id(), 0L).intValue(),
                b.createdAt());
    }

    /** One batch with its sessions and the statuses of their families, or empty. */
    public Optional<BatchDetail> detail(String batchId) {
        return tx.read(
                em -> {
                    BatchSummary summary = summary(em, batchId);
                    if (summary == null) {
                        return Optional.empty();
                    }
                    List<SessionEntity> sessions =
                            em.createQuery(
                                            "SELECT s FROM SessionEntity s WHERE s.batchId = :b"
                                                    + " ORDER BY s.startsAt, s.seq",
                                            SessionEntity.class)
                                    .setParameter("b", batchId)
                                    .getResultList();
                    Map<String, Map<String, Integer>> bySession = countsBySession(em, batchId);
                    List<SessionCounts> views = new ArrayList<>();
                    for (SessionEntity s : sessions) {
                        views.add(counts(s, bySession.getOrDefault(s.id(), Map.of())));
                    }
                    Map<String, Integer> all = new TreeMap<>();
                    for (Object[] row :
                            em.createQuery(
                                            "SELECT f.status, COUNT(f) FROM FamilyEntity f"
                                                    + " WHERE f.batchId = :b GROUP BY f.status",
                                            Object[].class)
                                    .setParameter("b", batchId)
                                    .getResultList()) {
                        all.put((String) row[0], ((Number) row[1]).intValue());
                    }
                    long taken =
                            em.createQuery(
                                            "SELECT COUNT(a) FROM AllocationEntity a"
                                                    + " WHERE a.batchId = :b",
                                            Long.class)
                                    .setParameter("b", batchId)
                                    .getSingleResult();
                    long pending =
                            em.createQuery(
                                            "SELECT COUNT(f) FROM FamilyEntity f WHERE f.batchId = :b"
                                                    + " AND f.supplementAppliedAt IS NOT NULL"
                                                    + " AND f.supplementSessionId IS NULL",
                                            Long.class)
                                    .setParameter("b", batchId)
                                    .getSingleResult();
                    return Optional.of(
                            new BatchDetail(summary, (int) taken, all, (int) pending, views));
                });
    }

    /** A session with its family counts. */
    static SessionCounts counts(SessionEntity s, Map<String, Integer> counts) {
        return new SessionCounts(
                s.id(),
                s.seq(),
                s.name(),
                s.kind(),
                s.startsAt(),
                s.endsAt(),
                s.status(),
                s.closedAt(),
                counts.values().stream().mapToInt(Integer::intValue).sum(),
                new TreeMap<>(counts));
    }

    /**
     * Session id → status → families. A formal session counts its families by status, except those
     * published in a supplementary session since (S-9), counted as {@code SUPPLEMENTARY}; a
     * supplementary session counts the families published in it.
     */
    private static Map<String, Map<String, Integer>> countsBySession(
            EntityManager em, String batchId) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Object[] row :
                em.createQuery(
                                "SELECT f.sessionId, f.status, COUNT(f) FROM FamilyEntity f"
                                        + " WHERE f.batchId = :b AND f.sessionId IS NOT NULL"
                                        + " AND f.supplementSessionId IS NULL"
                                        + " GROUP BY f.sessionId, f.status",
                                Object[].class)
                        .setParameter("b", batchId)
                        .getResultList()) {
            counts.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                    .put((String) row[1], ((Number) row[2]).intValue());
        }
        for (Object[] row :
                em.createQuery(
                                "SELECT f.sessionId, f.supplementSessionId, f.status, COUNT(f)"
                                        + " FROM FamilyEntity f WHERE f.batchId = :b"
                                        + " AND f.supplementSessionId IS NOT NULL"
                                        + " GROUP BY f.sessionId, f.supplementSessionId, f.status",
                                Object[].class)
                        .setParameter("b", batchId)
                        .getResultList()) {
            int n = ((Number) row[3]).intValue();
            if (row[0] != null) {
                counts.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                        .merge("SUPPLEMENTARY", n, Integer::sum);
            }
            counts.computeIfAbsent((String) row[1], k -> new TreeMap<>())
                    .merge((String) row[2], n, Integer::sum);
        }
        return counts;
    }

    /**
     * A page of a batch's families by rank, names and ID numbers masked.
     *
     * @param status only families in this status, or null
     * @param sessionId only the families of this session (formal or supplementary), or null
     * @return empty when there is no such batch
     */
    public Optional<FamilyPage> families(
            String batchId, String status, String sessionId, int page, int size) {
        return tx.read(
                em -> {
                    if (batchId == null || em.find(BatchEntity.class, batchId) == null) {
                        return Optional.empty();
                    }
                    String where =
                            " WHERE f.batchId = :b"
                                    + (status == null ? "" : " AND f.status = :status")
                                    + (sessionId == null
                                            ? ""
                                            : " AND (f.sessionId = :s"
                                                    + " OR f.supplementSessionId = :s)");
                    TypedQuery<FamilyEntity> q =
                            em.createQuery(
                                    "SELECT f FROM FamilyEntity f" + where + " ORDER BY f.rank",
                                    FamilyEntity.class);
                    TypedQuery<Long> count =
                            em.createQuery(
                                    "SELECT COUNT(f) FROM FamilyEntity f" + where, Long.class);
                    q.setParameter("b", batchId);
                    count.setParameter("b", batchId);
                    if (status != null) {
                        q.setParameter("status", status);
                        count.setParameter("status", status);
                    }
                    if (sessionId != null) {
                        q.setParameter("s", sessionId);
                        count.setParameter("s", sessionId);
                    }
                    List<FamilyEntity> families =
                            q.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
                    return Optional.of(
                            new FamilyPage(
                                    rows(em, batchId, families),
                                    page,
                                    size,
                                    count.getSingleResult()));
                });
    }

    /** The families of a session (its formal ones, or those published in a supplementary one). */
    public List<FamilyRow> familiesOfSession(String sessionId) {
        return tx.read(
                em -> {
                    SessionEntity s = em.find(SessionEntity.class, sessionId);
                    if (s == null) {
                        return List.of();
                    }
                    List<FamilyEntity> families =
                            em.createQuery(
                                            "SELECT f FROM FamilyEntity f WHERE f."
                                                    + ("SUPPLEMENTARY".equals(s.kind())
                                                            ? "supplementSessionId"
                                                            : "sessionId")
                                                    + " = :s ORDER BY f.rank",
                                            FamilyEntity.class)
                                    .setParameter("s", sessionId)
                                    .getResultList();
                    return rows(em, s.batchId(), families);
                });
    }

    /** One session with its family counts, or empty. */
    public Optional<SessionCounts> session(String sessionId) {
        return tx.read(
                em -> {
                    SessionEntity s =
                            sessionId == null ? null : em.find(SessionEntity.class, sessionId);
                    if (s == null) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            counts(
                                    s,
                                    countsBySession(em, s.batchId())
                                            .getOrDefault(s.id(), Map.of())));
                });
    }

    /** The batch a session belongs to, or empty. */
    public Optional<String> batchOfSession(String sessionId) {
        return tx.read(
                em ->
                        Optional.ofNullable(
                                        sessionId == null
                                                ? null
                                                : em.find(SessionEntity.class, sessionId))
                                .map(SessionEntity::batchId));
    }

    private static List<FamilyRow> rows(
            EntityManager em, String batchId, List<FamilyEntity> families) {
        if (families.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> seqs = new HashMap<>();
        for (Object[] row :
                em.createQuery(
                                "SELECT s.id, s.seq FROM SessionEntity s WHERE s.batchId = :b",
                                Object[].class)
                        .setParameter("b", batchId)
                        .getResultList()) {
            seqs.put((String) row[0], ((Number) row[1]).intValue());
        }
        Map<String, String[]> units = new HashMap<>();
        for (Object[] row :
                em.createQuery(
                                "SELECT a.familyId, u.code, a.mode FROM AllocationEntity a,"
                                        + " UnitEntity u WHERE u.id = a.unitId"
                                        + " AND a.familyId IN :ids",
                                Object[].class)
                        .setParameter("ids", families.stream().map(FamilyEntity::id).toList())
                        .getResultList()) {
            units.put((String) row[0], new String[] {(String) row[1], (String) row[2]});
        }
        Map<String, FamilyRow> byId = new LinkedHashMap<>();
        for (FamilyEntity f : families) {
            String[] unit = units.get(f.id());
            byId.put(
                    f.id(),
                    new FamilyRow(
                            f.id(),
                            f.rank(),
                            Masking.name(f.applicantName()),
                            ResidentIdNumber.mask(f.idNumber()),
                            f.householdSize(),
                            f.sessionId(),
                            seqs.get(f.sessionId()),
                            f.status(),
                            unit == null ? null : unit[0],
                            unit == null ? null : unit[1],
                            f.supplementAppliedAt(),
                            f.supplementSessionId()));
        }
        return new ArrayList<>(byId.values());
    }

    private void audit(
            String action, String actorId, String target, String sourceAddress, String detail) {
        AuditLog log = auditLog;
        if (log == null) {
            LOG.info("{} by {} on {}: {}", action, actorId, target, detail);
            return;
        }
        try {
            log.record(action, actorId, target, sourceAddress, detail);
        } catch (RuntimeException e) {
            LOG.error("Audit entry {} for {} not stored", action, target, e);
        }
    }
}
