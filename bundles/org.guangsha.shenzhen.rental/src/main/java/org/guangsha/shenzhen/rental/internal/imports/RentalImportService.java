package org.guangsha.shenzhen.rental.internal.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.shenzhen.rental.data.ImportRejectedException;
import org.guangsha.shenzhen.rental.data.ImportRejectedException.ImportProblem;
import org.guangsha.shenzhen.rental.data.ImportSummary;
import org.guangsha.shenzhen.rental.data.RentalDataImport;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.Checked;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.NewHome;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.NewLease;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.NewRank;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.NewResident;
import org.guangsha.shenzhen.rental.internal.store.HomeEntity;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
import org.guangsha.shenzhen.rental.internal.store.ResidentEntity;
import org.guangsha.shenzhen.rental.internal.store.WaitingRankEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a city's homes, leases, residents and waiting lists ({@link ImportCheck} for what is
 * checked): refused whole with every problem, or stored in one transaction. Two imports at once
 * that both pass their checks are settled by the database: the unique home code, lease number,
 * active lease per home and waiting row refuse the second, which then answers the problem again as
 * a whole (nothing of it stored).
 */
@Component(service = {RentalDataImport.class, RentalImportService.class})
public class RentalImportService implements RentalDataImport {

    private static final Logger LOG = LoggerFactory.getLogger(RentalImportService.class);

    /** The city's zone: what "today" is for a rank's date. */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final JpaTransactions tx;
    private final Clock clock;
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public RentalImportService(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema) {
        this(new JpaTransactions(emf), Clock.system(CITY));
    }

    /** For tests (one DS constructor only: SCR must not choose between two of one arity). */
    public static RentalImportService forTests(JpaTransactions tx, Clock clock) {
        return new RentalImportService(tx, clock);
    }

    /** For tests. */
    private RentalImportService(JpaTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The audit trail is optional: without it, imports still reach the log. */
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
    public ImportSummary importFiles(Map<String, byte[]> files, String importedBy) {
        return importFiles(files, importedBy, null);
    }

    /**
     * As {@link #importFiles(Map, String)}, with the caller's address for the audit trail.
     *
     * @throws ImportRejectedException with every problem; nothing is stored then
     */
    public ImportSummary importFiles(Map<String, byte[]> files, String importedBy, String source) {
        Objects.requireNonNull(files, "files");
        List<ImportProblem> problems = new ArrayList<>();
        Checked checked =
                tx.read(
                        em ->
                                ImportCheck.check(
                                        files,
                                        stored(em),
                                        LocalDate.now(clock.withZone(CITY)),
                                        problems));
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        ImportSummary summary;
        try {
            summary = tx.write(em -> store(em, checked));
        } catch (PersistenceException e) {
            // another import stored the same home, lease or rank between the check and now
            LOG.info("A rental import collided with another one: {}", e.getMessage());
            problems.add(
                    new ImportProblem(
                            null,
                            0,
                            null,
                            null,
                            "导入时数据已被其他导入修改（如房屋编号或合同编号重复），未保存任何数据，请重新导入",
                            "The data changed during the import (e.g. another import stored the same"
                                    + " home or lease); nothing was stored, import again"));
            throw new ImportRejectedException(problems);
        }
        AuditLog audit = auditLog;
        String detail =
                "files="
                        + String.join(",", files.keySet())
                        + " homes="
                        + summary.homes()
                        + " leases="
                        + summary.leases()
                        + " residents="
                        + summary.residents()
                        + " waitingRanks="
                        + summary.waitingRanks();
        if (audit != null) {
            audit.record("shenzhen-rental.import", importedBy, "shenzhen-rental", source, detail);
        }
        LOG.info("Shenzhen rental import stored: {}", detail);
        return summary;
    }

    @Override
    public boolean homeExists(String homeCode) {
        return homeCode != null
                && tx.read(em -> !stored(em).homeCodes(List.of(homeCode)).isEmpty());
    }

    private ImportSummary store(EntityManager em, Checked c) {
        Instant now = clock.instant();
        Map<String, String> homeIds = new HashMap<>();
        for (NewHome h : c.homes()) {
            HomeEntity e = new HomeEntity(UUID.randomUUID().toString());
            e.homeCode(h.homeCode());
            e.project(h.project());
            e.building(h.building());
            e.room(h.room());
            e.address(h.address());
            e.districtCode(h.districtCode());
            e.areaM2(h.areaM2());
            e.layout(h.layout());
            e.createdAt(now);
            e.updatedAt(now);
            em.persist(e);
            homeIds.put(h.homeCode(), e.id());
        }
        Set<String> missing = new HashSet<>();
        c.leases().stream()
                .map(NewLease::homeCode)
                .filter(k -> !homeIds.containsKey(k))
                .forEach(missing::add);
        if (!missing.isEmpty()) {
            em.createQuery(
                            "select h from HomeEntity h where h.homeCode in :codes",
                            HomeEntity.class)
                    .setParameter("codes", missing)
                    .getResultList()
                    .forEach(h -> homeIds.put(h.homeCode(), h.id()));
        }
        Map<String, String> leaseIds = new HashMap<>();
        for (NewLease l : c.leases()) {
            LeaseEntity e = new LeaseEntity(UUID.randomUUID().toString());
            String homeId = homeIds.get(l.homeCode());
            e.leaseNo(l.leaseNo());
            e.homeId(homeId);
            e.activeHomeId("ACTIVE".equals(l.status()) ? homeId : null);
            e.lesseeKind(l.lesseeKind());
            e.lesseeName(l.lesseeName());
            e.lesseeId(l.lesseeId());
            e.maritalStatus(l.maritalStatus());
            e.policy(l.policy());
            e.startDate(l.startDate());
            e.endDate(l.endDate());
            e.rentFen(l.rentFen());
            e.status(l.status());
            e.createdAt(now);
            e.updatedAt(now);
            em.persist(e);
            leaseIds.put(l.leaseNo(), e.id());
        }
        Set<String> otherLeases = new HashSet<>();
        c.residents().stream()
                .map(NewResident::leaseNo)
                .filter(n -> !leaseIds.containsKey(n))
                .forEach(otherLeases::add);
        Map<String, Integer> positions = new HashMap<>();
        if (!otherLeases.isEmpty()) {
            for (LeaseEntity l :
                    em.createQuery(
                                    "select l from LeaseEntity l where l.leaseNo in :nos",
                                    LeaseEntity.class)
                            .setParameter("nos", otherLeases)
                            .getResultList()) {
                leaseIds.put(l.leaseNo(), l.id());
                Number max =
                        em.createQuery(
                                        "select max(r.position) from ResidentEntity r where r.leaseId = :id",
                                        Number.class)
                                .setParameter("id", l.id())
                                .getSingleResult();
                positions.put(l.id(), max == null ? 0 : max.intValue());
            }
        }
        // occupants first, so that a co-resident names its occupant's row
        Map<String, String> occupantIds = new HashMap<>();
        if (!otherLeases.isEmpty()) {
            em.createQuery(
                            "select r from ResidentEntity r where r.role = 'OCCUPANT' and r.leaseId in :ids",
                            ResidentEntity.class)
                    .setParameter("ids", otherLeases.stream().map(leaseIds::get).toList())
                    .getResultList()
                    .forEach(r -> occupantIds.put(r.leaseId() + "|" + r.idNumber(), r.id()));
        }
        List<NewResident> ordered = new ArrayList<>(c.residents());
        ordered.sort(
                (a, b) ->
                        Boolean.compare(
                                !"OCCUPANT".equals(a.role()), !"OCCUPANT".equals(b.role())));
        Map<NewResident, ResidentEntity> made = new HashMap<>();
        for (NewResident p : ordered) {
            String leaseId = leaseIds.get(p.leaseNo());
            ResidentEntity e = new ResidentEntity(UUID.randomUUID().toString());
            e.leaseId(leaseId);
            e.role(p.role());
            e.name(p.name());
            e.idNumber(p.idNumber());
            e.relation(p.relation());
            e.mobile(p.mobile());
            if (p.occupantIdNumber() != null) {
                e.occupantId(occupantIds.get(leaseId + "|" + p.occupantIdNumber()));
            }
            if ("OCCUPANT".equals(p.role())) {
                occupantIds.put(leaseId + "|" + p.idNumber(), e.id());
            }
            made.put(p, e);
        }
        // positions in the file's order within each lease
        for (NewResident p : c.residents()) {
            ResidentEntity e = made.get(p);
            int next = positions.merge(e.leaseId(), 1, Integer::sum);
            e.position(next);
            em.persist(e);
        }
        for (NewRank k : c.ranks()) {
            WaitingRankEntity e = new WaitingRankEntity(UUID.randomUUID().toString());
            e.listType(k.listType());
            e.idNumber(k.idNumber());
            e.name(k.name());
            e.rankNo(k.rank());
            e.asOf(k.asOf());
            em.persist(e);
        }
        em.flush();
        return new ImportSummary(
                c.homes().size(), c.leases().size(), c.residents().size(), c.ranks().size());
    }

    /** Values for an {@code in} clause, at most 500 at a time (databases limit its length). */
    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            parts.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return parts;
    }

    /** What is stored, read in the checking transaction. */
    static ImportCheck.Stored stored(EntityManager em) {
        return new ImportCheck.Stored() {
            @Override
            public Set<String> homeCodes(Collection<String> codes) {
                if (codes.isEmpty()) {
                    return Set.of();
                }
                Set<String> found = new HashSet<>();
                for (List<String> part : chunks(codes)) {
                    found.addAll(
                            em.createQuery(
                                            "select h.homeCode from HomeEntity h where h.homeCode in :codes",
                                            String.class)
                                    .setParameter("codes", part)
                                    .getResultList());
                }
                return found;
            }

            @Override
            public Set<String> homesWithActiveLease(Collection<String> codes) {
                if (codes.isEmpty()) {
                    return Set.of();
                }
                Set<String> found = new HashSet<>();
                for (List<String> part : chunks(codes)) {
                    found.addAll(
                            em.createQuery(
                                            "select h.homeCode from HomeEntity h, LeaseEntity l"
                                                    + " where l.activeHomeId = h.id and h.homeCode in :codes",
                                            String.class)
                                    .setParameter("codes", part)
                                    .getResultList());
                }
                return found;
            }

            @Override
            public Map<String, String> leaseKinds(Collection<String> leaseNos) {
                Map<String, String> kinds = new HashMap<>();
                for (List<String> part : chunks(leaseNos)) {
                    em.createQuery(
                                    "select l from LeaseEntity l where l.leaseNo in :nos",
                                    LeaseEntity.class)
                            .setParameter("nos", part)
                            .getResultList()
                            .forEach(l -> kinds.put(l.leaseNo(), l.lesseeKind()));
                }
                return kinds;
            }

            @Override
            public Map<String, Set<String>> occupants(Collection<String> leaseNos) {
                Map<String, Set<String>> found = new HashMap<>();
                if (leaseNos.isEmpty()) {
                    return found;
                }
                List<Object[]> rows =
                        em.createQuery(
                                        "select l.leaseNo, r.idNumber from LeaseEntity l, ResidentEntity r"
                                                + " where r.leaseId = l.id and r.role = 'OCCUPANT' and l.leaseNo in :nos",
                                        Object[].class)
                                .setParameter("nos", leaseNos)
                                .getResultList();
                for (Object[] row : rows) {
                    found.computeIfAbsent((String) row[0], k -> new HashSet<>())
                            .add((String) row[1]);
                }
                return found;
            }

            @Override
            public Set<String> waitingKeys(Collection<NewRank> ranks) {
                if (ranks.isEmpty()) {
                    return Set.of();
                }
                Set<String> ids = new HashSet<>();
                ranks.forEach(k -> ids.add(k.idNumber()));
                Set<String> keys = new HashSet<>();
                for (List<String> part : chunks(ids)) {
                    em.createQuery(
                                    "select w from WaitingRankEntity w where w.idNumber in :ids",
                                    WaitingRankEntity.class)
                            .setParameter("ids", part)
                            .getResultList()
                            .forEach(
                                    w ->
                                            keys.add(
                                                    w.listType()
                                                            + "|"
                                                            + w.idNumber()
                                                            + "|"
                                                            + w.asOf()));
                }
                return keys;
            }
        };
    }
}
