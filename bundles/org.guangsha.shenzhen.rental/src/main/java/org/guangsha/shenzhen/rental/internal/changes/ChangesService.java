package org.guangsha.shenzhen.rental.internal.changes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.Lessees;
import org.guangsha.shenzhen.rental.internal.MaritalStatus;
import org.guangsha.shenzhen.rental.internal.Views.FormField;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ChangeForm;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ChangeRequest;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ChangeView;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ChangesOverview;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ResidentInput;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ResidentView;
import org.guangsha.shenzhen.rental.internal.store.HomeEntity;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
import org.guangsha.shenzhen.rental.internal.store.ResidentEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-rental changes (SZ-3) and employer housing changes (SZ-5): the lessee (as {@link Lessees}
 * finds them) proposes the residents of a leased home after the change; a core case reviewed by the
 * district of the home decides; {@code SZR_RESIDENT} (and the citizen's mobile and marital status
 * on the lease) change only on approval, exactly once. One open change per lease (unique {@code
 * OPEN_KEY}).
 */
@Component(service = ChangesService.class)
public class ChangesService {

    /** SZ-3 case type: a citizen's post-rental change (个人租后信息变更). */
    public static final String PERSONAL_CASE = "shenzhen-resident-change";

    /** SZ-5 case type: an organization's housing change (单位住房承租信息变更). */
    public static final String EMPLOYER_CASE = "shenzhen-employer-housing-change";

    /** The core's generic 入住通知书 (SZ-5 print). */
    public static final String NOTICE_DOCUMENT = "occupancy-notice";

    static final int MAX_RESIDENTS = 30;

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(ChangesService.class);

    private final JpaTransactions tx;
    private final Lessees lessees;
    private final CaseService cases;
    private final AttachmentService attachments;
    private final DocumentService documents;
    private final AccountDirectory accounts;
    private final Regions regions;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    /** Built by DS. */
    @Activate
    public ChangesService(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema,
            @Reference Lessees lessees,
            @Reference CaseService cases,
            @Reference AttachmentService attachments,
            @Reference DocumentService documents,
            @Reference AccountDirectory accounts,
            @Reference Regions regions) {
        this(
                new JpaTransactions(emf),
                lessees,
                cases,
                attachments,
                documents,
                accounts,
                regions,
                Clock.systemUTC());
    }

    /** For tests (one DS constructor only: SCR must not choose between two of one arity). */
    public static ChangesService forTests(
            JpaTransactions tx,
            Lessees lessees,
            CaseService cases,
            AttachmentService attachments,
            DocumentService documents,
            AccountDirectory accounts,
            Regions regions,
            Clock clock) {
        return new ChangesService(
                tx, lessees, cases, attachments, documents, accounts, regions, clock);
    }

    /** For tests. */
    private ChangesService(
            JpaTransactions tx,
            Lessees lessees,
            CaseService cases,
            AttachmentService attachments,
            DocumentService documents,
            AccountDirectory accounts,
            Regions regions,
            Clock clock) {
        this.tx = tx;
        this.lessees = lessees;
        this.cases = cases;
        this.attachments = attachments;
        this.documents = documents;
        this.accounts = accounts;
        this.regions = regions;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the lessee

    /** The lease as it is, its changes (newest first) and whether one may be proposed. */
    public ChangesOverview overview(Caller caller, String leaseId) {
        LeaseEntity lease = lease(caller, leaseId);
        HomeEntity home = tx.read(em -> em.find(HomeEntity.class, lease.homeId()));
        List<ResidentEntity> now = residents(lease.id());
        List<ChangeEntity> rows =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT c FROM ChangeEntity c WHERE c.leaseId = :l"
                                                        + " ORDER BY c.createdAt DESC",
                                                ChangeEntity.class)
                                        .setParameter("l", lease.id())
                                        .getResultList());
        LocalizedText reason = refusal(lease, rows);
        return new ChangesOverview(
                lease.id(),
                lease.leaseNo(),
                kindOf(lease),
                home == null ? null : home.homeCode(),
                home == null ? null : home.project(),
                home == null ? null : home.building(),
                home == null ? null : home.room(),
                home == null ? null : home.address(),
                home == null ? null : home.districtCode(),
                lease.lesseeName(),
                Masking.mobile(lease.lesseeMobile()),
                MaritalStatus.word(lease.maritalStatus()),
                now.stream().map(r -> view(r)).toList(),
                rows.stream().map(c -> view(c, now)).toList(),
                reason == null,
                reason);
    }

    private static LocalizedText refusal(LeaseEntity lease, List<ChangeEntity> rows) {
        if (!"ACTIVE".equals(lease.status())) {
            return LocalizedText.of("租赁合同已终止，不能变更", "The lease has ended");
        }
        if (rows.stream().anyMatch(c -> "REVIEW".equals(c.status()))) {
            return LocalizedText.of("已有一份变更申请正在审核中", "A change is under review");
        }
        return null;
    }

    /**
     * SZ-3 / SZ-5: proposes the residents after the change; 201 with the change under review. 409
     * {@code change-open} while another change of the lease is under review (the unique OPEN_KEY
     * settles two at once), {@code lease-not-active}; 400 naming the field.
     */
    public ChangeView propose(Caller caller, String leaseId, ChangeRequest body) {
        LeaseEntity lease = lease(caller, leaseId);
        if (!"ACTIVE".equals(lease.status())) {
            throw ProblemException.conflict(
                    "lease-not-active", "租赁合同已终止，不能变更", "The lease has ended", null);
        }
        if (body == null) {
            throw ProblemException.invalidField(null, "请填写变更信息", "The change is missing");
        }
        boolean personal = "CITIZEN".equals(lease.lesseeKind());
        List<ResidentEntity> stored = residents(lease.id());
        List<FieldError> errors = new ArrayList<>();
        List<ChangeResidentEntity> proposed = check(body, personal, lease, stored, errors);
        String mobile = null;
        String marital = null;
        if (personal) {
            mobile = blank(body.mobile()) ? null : body.mobile().trim();
            if (mobile != null && mobile.contains("*")) {
                mobile = null; // the masked value shown: unchanged
            }
            if (mobile != null && !MOBILE.matcher(mobile).matches()) {
                errors.add(new FieldError("mobile", "手机号码应为 11 位数字", "11 digits"));
            }
            marital = MaritalStatus.word(body.maritalStatus());
            if (marital != null && !MaritalStatus.WORDS.contains(marital)) {
                errors.add(
                        new FieldError(
                                "maritalStatus",
                                "婚姻状况应为未婚、已婚、离异或丧偶",
                                "Marital status: 未婚, 已婚, 离异 or 丧偶"));
            }
        }
        String reason = blank(body.reason()) ? null : body.reason().trim();
        if (reason != null && reason.length() > 200) {
            errors.add(new FieldError("reason", "变更原因不超过 200 字", "At most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (openChange(lease.id())) {
            throw changeOpen();
        }
        HomeEntity home = tx.read(em -> em.find(HomeEntity.class, lease.homeId()));
        CaseRecord c =
                cases.create(
                        new NewCase(
                                personal ? PERSONAL_CASE : EMPLOYER_CASE,
                                caller.accountId(),
                                home.districtCode(),
                                "MOBILE".equalsIgnoreCase(body.channel())
                                        ? Channel.MOBILE
                                        : Channel.PC,
                                null));
        List<String> files = body.attachmentIds() == null ? List.of() : body.attachmentIds();
        if (!files.isEmpty()) {
            // the caller's own files only (the core refuses others'), filed before the change
            // is stored so a refused file leaves no open change; frozen on submission
            attachments.fileWithCase(c.id(), caller.accountId(), files);
        }
        Instant now = clock.instant();
        ChangeEntity row = new ChangeEntity(UUID.randomUUID().toString());
        row.leaseId(lease.id());
        row.kind(personal ? "PERSONAL" : "EMPLOYER");
        row.accountId(caller.accountId());
        row.caseId(c.id());
        row.districtCode(home.districtCode());
        row.status("REVIEW");
        row.openKey(lease.id());
        row.mobile(mobile);
        row.maritalStatus(marital);
        row.reason(reason);
        row.createdAt(now);
        row.updatedAt(now);
        try {
            tx.run(
                    em -> {
                        em.persist(row);
                        for (ChangeResidentEntity r : proposed) {
                            r.changeId(row.id());
                            em.persist(r);
                        }
                    });
        } catch (RuntimeException e) {
            // the unique OPEN_KEY: another change of this lease got in first
            throw changeOpen();
        }
        CaseRecord submitted;
        try {
            submitted = cases.submit(c.id(), caller.accountId());
        } catch (RuntimeException e) {
            // not submitted: the change must not hold the lease's open place
            closed(c.id(), "WITHDRAWN");
            throw e;
        }
        record("shenzhen-rental.change.proposed", caller.accountId(), "case:" + c.id());
        return view(row, proposed, stored, submitted);
    }

    private List<ChangeResidentEntity> check(
            ChangeRequest body,
            boolean personal,
            LeaseEntity lease,
            List<ResidentEntity> stored,
            List<FieldError> errors) {
        List<ResidentInput> in = body.residents() == null ? List.of() : body.residents();
        if (in.size() > MAX_RESIDENTS) {
            errors.add(
                    new FieldError(
                            "residents",
                            "同住人不超过 " + MAX_RESIDENTS + " 人",
                            "At most " + MAX_RESIDENTS));
            return List.of();
        }
        Map<String, ResidentEntity> byId = new HashMap<>();
        stored.forEach(r -> byId.put(r.id(), r));
        List<ChangeResidentEntity> out = new ArrayList<>();
        Map<String, String> refOf = new HashMap<>(); // ref or stored id -> ref
        Set<String> occupantRefs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            ResidentInput r = in.get(i);
            String f = "residents[" + i + "].";
            if (r == null) {
                errors.add(new FieldError("residents[" + i + "]", "请填写", "Missing"));
                continue;
            }
            ResidentEntity before = r.id() == null ? null : byId.get(r.id());
            if (r.id() != null && before == null) {
                errors.add(new FieldError(f + "id", "该住户不属于本合同", "Not a resident of this lease"));
                continue;
            }
            String role = blank(r.role()) ? (personal ? "CO_RESIDENT" : null) : r.role().trim();
            if (personal && !"CO_RESIDENT".equals(role)) {
                errors.add(new FieldError(f + "role", "个人合同只登记同住人", "Co-residents only"));
            } else if (!personal && !"OCCUPANT".equals(role) && !"CO_RESIDENT".equals(role)) {
                errors.add(new FieldError(f + "role", "请选择入住人或同住人", "OCCUPANT or CO_RESIDENT"));
            }
            String name = keep(r.name(), before == null ? null : before.name());
            if (blank(name) || name.length() > 50) {
                errors.add(new FieldError(f + "name", "请填写姓名（不超过 50 字）", "Name, ≤ 50"));
            }
            String idNumber = keep(r.idNumber(), before == null ? null : before.idNumber());
            if (blank(idNumber)) {
                errors.add(new FieldError(f + "idNumber", "请填写身份证号码", "The ID number"));
            } else if (idNumber != null
                    && (before == null || !idNumber.equals(before.idNumber()))) {
                // GB 11643: format, region, birth date, check character; the message says which
                Optional<ResidentIdNumber.Defect> defect = ResidentIdNumber.defect(idNumber);
                if (defect.isPresent()) {
                    errors.add(
                            new FieldError(
                                    f + "idNumber",
                                    defect.get().message(),
                                    defect.get().messageEn()));
                } else {
                    idNumber = ResidentIdNumber.normalize(idNumber);
                }
            }
            if (idNumber != null && !blank(idNumber)) {
                if (!ids.add(idNumber)) {
                    errors.add(
                            new FieldError(f + "idNumber", "同一人只能登记一次", "A person once per lease"));
                } else if (personal && idNumber.equals(lease.lesseeId())) {
                    errors.add(
                            new FieldError(
                                    f + "idNumber",
                                    "承租人本人不必登记为同住人",
                                    "The lessee is not a co-resident"));
                }
            }
            String relation = blank(r.relation()) ? null : r.relation().trim();
            if (relation == null && before != null && r.relation() == null) {
                relation = before.relation();
            }
            if (relation != null && relation.length() > 10) {
                errors.add(new FieldError(f + "relation", "关系不超过 10 字", "≤ 10 characters"));
            } else if (personal && relation == null) {
                errors.add(new FieldError(f + "relation", "请填写与承租人关系", "The relation"));
            }
            String mobile = keep(r.mobile(), before == null ? null : before.mobile());
            if (!blank(mobile) && !MOBILE.matcher(mobile).matches()) {
                errors.add(new FieldError(f + "mobile", "手机号码应为 11 位数字", "11 digits"));
            }
            String ref = !blank(r.ref()) ? r.ref().trim() : r.id() != null ? r.id() : "r" + (i + 1);
            if (ref.length() > 36 || refOf.containsKey(ref)) {
                errors.add(new FieldError(f + "ref", "编号重复", "Duplicate ref"));
            }
            refOf.put(ref, ref);
            if (r.id() != null) {
                refOf.putIfAbsent(r.id(), ref);
            }
            if ("OCCUPANT".equals(role)) {
                occupantRefs.add(ref);
            }
            ChangeResidentEntity e = new ChangeResidentEntity(UUID.randomUUID().toString());
            e.residentId(r.id());
            e.ref(ref);
            e.role(role);
            e.occupantRef(blank(r.occupantRef()) ? null : r.occupantRef().trim());
            e.name(name == null ? null : name.trim());
            e.idNumber(idNumber);
            e.relation(relation);
            e.mobile(blank(mobile) ? null : mobile);
            e.position(i);
            out.add(e);
        }
        if (!personal) {
            for (int i = 0; i < out.size(); i++) {
                ChangeResidentEntity e = out.get(i);
                if ("CO_RESIDENT".equals(e.role())) {
                    String ref = e.occupantRef() == null ? null : refOf.get(e.occupantRef());
                    if (ref == null || !occupantRefs.contains(ref)) {
                        errors.add(
                                new FieldError(
                                        "residents[" + i + "].occupantRef",
                                        "请选择同住的入住人",
                                        "Name the occupant this co-resident lives with"));
                    } else {
                        e.occupantRef(ref);
                    }
                } else {
                    e.occupantRef(null);
                }
            }
        }
        return out;
    }

    /**
     * SZ-5: prints the 入住通知书 (core {@code occupancy-notice}) of an occupant of the organization's
     * lease after an approved change: 201 with a new document.
     */
    public IssuedDocument printNotice(
            Caller caller, String leaseId, String changeId, String occupantId) {
        LeaseEntity lease = lease(caller, leaseId);
        ChangeEntity change =
                changeId == null ? null : tx.read(em -> em.find(ChangeEntity.class, changeId));
        if (change == null || !change.leaseId().equals(lease.id())) {
            throw ProblemException.notFound(null);
        }
        if (!"APPROVED".equals(change.status()) || "CITIZEN".equals(lease.lesseeKind())) {
            throw ProblemException.conflict(
                    "change-not-approved",
                    "变更审核通过后才能打印入住通知书",
                    "Print the notice once the change is approved",
                    null);
        }
        List<ResidentEntity> now = residents(lease.id());
        ResidentEntity occupant =
                now.stream()
                        .filter(r -> "OCCUPANT".equals(r.role()))
                        .filter(r -> occupantId == null || r.id().equals(occupantId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "occupantId", "没有该入住人", "No such occupant"));
        HomeEntity home = tx.read(em -> em.find(HomeEntity.class, lease.homeId()));
        List<String> family =
                now.stream()
                        .filter(r -> occupant.id().equals(r.occupantId()))
                        .map(ResidentEntity::name)
                        .toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CITY);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tenantName", occupant.name());
        v.put("tenantIdNumber", occupant.idNumber());
        v.put("familyMembers", family.isEmpty() ? "无" : String.join("、", family));
        v.put("householdSize", String.valueOf(1 + family.size()));
        v.put("projectName", home.project());
        v.put("dwellingAddress", home.address());
        v.put("building", home.building());
        v.put("unit", "—");
        v.put("room", home.room());
        v.put("floorArea", home.areaM2() == null ? "—" : home.areaM2().toPlainString());
        v.put("monthlyRent", BigDecimal.valueOf(lease.rentFen(), 2).toPlainString());
        v.put("deposit", "—");
        v.put("checkInDate", today.toString());
        v.put("checkInPlace", home.project() + "管理处");
        v.put("contactPerson", lease.lesseeName());
        v.put(
                "contactPhone",
                accounts.find(caller.accountId())
                        .map(AccountDirectory.AccountProfile::mobile)
                        .filter(Objects::nonNull)
                        .orElse("—"));
        v.put(
                "authorityName",
                regions.region(home.districtCode()).map(r -> r.name().zh()).orElse("深圳市")
                        + "住房和建设局");
        v.put("noticeDate", today.toString());
        IssuedDocument d =
                documents.issue(
                        new IssueRequest(
                                NOTICE_DOCUMENT,
                                caller.accountId(),
                                home.districtCode(),
                                change.caseId(),
                                v));
        tx.run(em -> em.find(ChangeEntity.class, change.id()).noticeDocumentId(d.id()));
        record("shenzhen-rental.change.notice-printed", caller.accountId(), "document:" + d.id());
        return d;
    }

    // ---------------------------------------------------------------- the case

    /**
     * On approval: REVIEW → APPROVED and the residents replaced in one transaction; the row version
     * lets exactly one caller do it, so the change is applied once even when told twice. Returns
     * whether this call applied it.
     */
    boolean approved(String caseId) {
        try {
            return tx.write(
                    em -> {
                        ChangeEntity c = byCase(em, caseId);
                        if (c == null || !"REVIEW".equals(c.status())) {
                            return false;
                        }
                        c.status("APPROVED");
                        c.openKey(null);
                        c.updatedAt(clock.instant());
                        apply(em, c);
                        em.flush();
                        return true;
                    });
        } catch (RuntimeException e) {
            if (JpaTransactions.optimisticLockFailure(e)) {
                return false;
            }
            throw e;
        }
    }

    private void apply(EntityManager em, ChangeEntity c) {
        List<ChangeResidentEntity> proposed = proposed(em, c.id());
        em.createQuery("DELETE FROM ResidentEntity r WHERE r.leaseId = :l")
                .setParameter("l", c.leaseId())
                .executeUpdate();
        Map<String, String> idOfRef = new HashMap<>();
        for (ChangeResidentEntity p : proposed) {
            if (p.residentId() == null) {
                // an added person: the change keeps the id it got, so the approved change names its
                // new occupants (the 入住通知书 is printed for one of them, SZ-5)
                p.residentId(UUID.randomUUID().toString());
            }
            idOfRef.put(p.ref(), p.residentId());
        }
        for (ChangeResidentEntity p : proposed) {
            ResidentEntity r = new ResidentEntity(idOfRef.get(p.ref()));
            r.leaseId(c.leaseId());
            r.role(p.role());
            r.occupantId(p.occupantRef() == null ? null : idOfRef.get(p.occupantRef()));
            r.name(p.name());
            r.idNumber(p.idNumber());
            r.relation(p.relation());
            r.mobile(p.mobile());
            r.position(p.position());
            em.persist(r);
        }
        if (c.mobile() != null || c.maritalStatus() != null) {
            LeaseEntity lease = em.find(LeaseEntity.class, c.leaseId());
            if (c.mobile() != null) {
                lease.lesseeMobile(c.mobile());
            }
            if (c.maritalStatus() != null) {
                lease.maritalStatus(c.maritalStatus());
            }
            lease.updatedAt(clock.instant());
        }
    }

    /** Rejected or withdrawn: the change closes and frees the lease for the next. */
    void closed(String caseId, String status) {
        try {
            tx.run(
                    em -> {
                        ChangeEntity c = byCase(em, caseId);
                        if (c != null && "REVIEW".equals(c.status())) {
                            c.status(status);
                            c.openKey(null);
                            c.updatedAt(clock.instant());
                        }
                    });
        } catch (RuntimeException e) {
            if (!JpaTransactions.optimisticLockFailure(e)) {
                throw e;
            }
        }
    }

    /** C-3: a withdrawn change's proposed residents and basics, erased. */
    void erase(String caseId) {
        tx.run(
                em -> {
                    ChangeEntity c = byCase(em, caseId);
                    if (c == null) {
                        return;
                    }
                    em.createQuery("DELETE FROM ChangeResidentEntity r WHERE r.changeId = :c")
                            .setParameter("c", c.id())
                            .executeUpdate();
                    c.status("WITHDRAWN");
                    c.openKey(null);
                    c.mobile(null);
                    c.maritalStatus(null);
                    c.reason(null);
                });
    }

    /** The review form of a change's case: its applicant and its region's caseworkers; else 404. */
    public ChangeForm form(Caller caller, String caseId) {
        CaseRecord rec = caseId == null ? null : cases.find(caseId).orElse(null);
        if (rec == null
                || !List.of(PERSONAL_CASE, EMPLOYER_CASE).contains(rec.typeId())
                || !(caller.accountId().equals(rec.applicantId())
                        || regions.mayAct(caller, rec.regionCode()))) {
            throw ProblemException.notFound(null);
        }
        ChangeEntity c = tx.read(em -> byCase(em, caseId));
        if (c == null) {
            throw ProblemException.notFound(null);
        }
        LeaseEntity lease = tx.read(em -> em.find(LeaseEntity.class, c.leaseId()));
        HomeEntity home = tx.read(em -> em.find(HomeEntity.class, lease.homeId()));
        List<ResidentEntity> now = residents(lease.id());
        List<ChangeResidentEntity> proposed = tx.read(em -> proposed(em, c.id()));
        boolean open = "REVIEW".equals(c.status());
        String lessee =
                "CITIZEN".equals(lease.lesseeKind())
                        ? Masking.name(lease.lesseeName())
                        : lease.lesseeName();
        List<ResidentView> residents =
                proposed.stream().map(p -> view(p, open ? now : null)).toList();
        List<ResidentView> removed = open ? removed(now, proposed) : List.of();
        return new ChangeForm(
                caseId,
                rec.typeId(),
                lease.leaseNo(),
                home == null ? null : home.address(),
                lessee,
                Masking.mobile(c.mobile()),
                c.maritalStatus(),
                c.reason(),
                residents,
                removed,
                fields(lease, home, lessee, c, residents, removed));
    }

    /**
     * The review console's rows of a change: the lease, the lessee's new basics, every resident
     * after the change with what happens to them (新增, 修改, 不变) and the ones deleted; masked.
     */
    private static List<FormField> fields(
            LeaseEntity lease,
            HomeEntity home,
            String lessee,
            ChangeEntity c,
            List<ResidentView> residents,
            List<ResidentView> removed) {
        List<FormField> out = new ArrayList<>();
        out.add(field("leaseNo", "合同编号", "Lease no.", lease.leaseNo()));
        if (home != null) {
            out.add(field("address", "房屋地址", "Address", home.address()));
        }
        out.add(field("lesseeName", "承租人", "Lessee", lessee));
        if (c.mobile() != null) {
            out.add(field("mobile", "手机号码（变更为）", "Mobile (new)", Masking.mobile(c.mobile())));
        }
        if (c.maritalStatus() != null) {
            out.add(
                    field(
                            "maritalStatus",
                            "婚姻状况（变更后）",
                            "Marital status (after)",
                            c.maritalStatus()));
        }
        Map<String, String> occupantNames = new HashMap<>();
        residents.stream()
                .filter(r -> "OCCUPANT".equals(r.role()))
                .forEach(r -> occupantNames.put(r.ref(), r.name()));
        for (int i = 0; i < residents.size(); i++) {
            ResidentView r = residents.get(i);
            boolean occupant = "OCCUPANT".equals(r.role());
            String zh = occupant ? "入住人" : "同住人";
            String en = occupant ? "Occupant" : "Co-resident";
            if (!occupant
                    && r.occupantRef() != null
                    && occupantNames.containsKey(r.occupantRef())) {
                zh += "（随" + occupantNames.get(r.occupantRef()) + "）";
                en += " (with " + occupantNames.get(r.occupantRef()) + ")";
            }
            out.add(field("residents[" + i + "]", zh, en, person(r)));
        }
        for (int i = 0; i < removed.size(); i++) {
            ResidentView r = removed.get(i);
            boolean occupant = "OCCUPANT".equals(r.role());
            out.add(
                    field(
                            "removed[" + i + "]",
                            occupant ? "删除入住人" : "删除同住人",
                            occupant ? "Occupant deleted" : "Co-resident deleted",
                            person(r)));
        }
        if (c.reason() != null) {
            out.add(field("reason", "变更原因", "Reason", c.reason()));
        }
        return out;
    }

    /** {@code 【新增】王** · 4403**********1234 · 子女 · 139****5678}. */
    private static String person(ResidentView r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.name());
        parts.add(r.idNumber());
        if (r.relation() != null) {
            parts.add(r.relation());
        }
        if (r.mobile() != null) {
            parts.add(r.mobile());
        }
        String tag =
                r.action() == null
                        ? ""
                        : switch (r.action()) {
                            case "ADD" -> "【新增】";
                            case "EDIT" -> "【修改】";
                            case "DELETE" -> "【删除】";
                            default -> "【不变】";
                        };
        return tag + String.join(" · ", parts.stream().filter(Objects::nonNull).toList());
    }

    private static FormField field(String name, String zh, String en, String value) {
        return new FormField(name, LocalizedText.of(zh, en), value);
    }

    // ---------------------------------------------------------------- helpers

    private LeaseEntity lease(Caller caller, String leaseId) {
        return lessees.lease(caller, leaseId).orElseThrow(() -> ProblemException.notFound(null));
    }

    private boolean openChange(String leaseId) {
        return !tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT c.id FROM ChangeEntity c WHERE c.openKey = :l",
                                                String.class)
                                        .setParameter("l", leaseId)
                                        .getResultList())
                .isEmpty();
    }

    private static ProblemException changeOpen() {
        return ProblemException.conflict(
                "change-open",
                "本合同已有一份变更申请正在审核中，请等待审核结果",
                "A change of this lease is under review",
                null);
    }

    List<ResidentEntity> residents(String leaseId) {
        return tx.read(
                em ->
                        em.createQuery(
                                        "SELECT r FROM ResidentEntity r WHERE r.leaseId = :l"
                                                + " ORDER BY r.position",
                                        ResidentEntity.class)
                                .setParameter("l", leaseId)
                                .getResultList());
    }

    private static List<ChangeResidentEntity> proposed(EntityManager em, String changeId) {
        return em.createQuery(
                        "SELECT r FROM ChangeResidentEntity r WHERE r.changeId = :c ORDER BY"
                                + " r.position",
                        ChangeResidentEntity.class)
                .setParameter("c", changeId)
                .getResultList();
    }

    private static ChangeEntity byCase(EntityManager em, String caseId) {
        List<ChangeEntity> found =
                em.createQuery(
                                "SELECT c FROM ChangeEntity c WHERE c.caseId = :c",
                                ChangeEntity.class)
                        .setParameter("c", caseId)
                        .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private ChangeView view(ChangeEntity c, List<ResidentEntity> now) {
        List<ChangeResidentEntity> proposed = tx.read(em -> proposed(em, c.id()));
        CaseRecord rec = c.caseId() == null ? null : cases.find(c.caseId()).orElse(null);
        return view(c, proposed, now, rec);
    }

    private static ChangeView view(
            ChangeEntity c,
            List<ChangeResidentEntity> proposed,
            List<ResidentEntity> now,
            CaseRecord rec) {
        boolean open = "REVIEW".equals(c.status());
        return new ChangeView(
                c.id(),
                c.leaseId(),
                c.kind(),
                c.status(),
                statusText(c.status()),
                c.caseId(),
                rec == null ? null : rec.number(),
                Masking.mobile(c.mobile()),
                c.maritalStatus(),
                c.reason(),
                proposed.stream().map(p -> view(p, open ? now : null)).toList(),
                open ? removed(now, proposed) : List.of(),
                c.noticeDocumentId(),
                c.createdAt());
    }

    private static List<ResidentView> removed(
            List<ResidentEntity> now, List<ChangeResidentEntity> proposed) {
        Set<String> kept = new HashSet<>();
        proposed.forEach(p -> kept.add(p.residentId()));
        return now.stream()
                .filter(r -> !kept.contains(r.id()))
                .map(
                        r ->
                                new ResidentView(
                                        r.id(),
                                        r.id(),
                                        r.role(),
                                        r.occupantId(),
                                        Masking.name(r.name()),
                                        ResidentIdNumber.mask(r.idNumber()),
                                        r.relation(),
                                        Masking.mobile(r.mobile()),
                                        "DELETE"))
                .toList();
    }

    static ResidentView view(ResidentEntity r) {
        return new ResidentView(
                r.id(),
                r.id(),
                r.role(),
                r.occupantId(),
                Masking.name(r.name()),
                ResidentIdNumber.mask(r.idNumber()),
                r.relation(),
                Masking.mobile(r.mobile()),
                null);
    }

    /** {@code now} null: no action (the change is closed, the lease may have moved on). */
    private static ResidentView view(ChangeResidentEntity p, List<ResidentEntity> now) {
        String action = null;
        if (now != null) {
            if (p.residentId() == null) {
                action = "ADD";
            } else {
                ResidentEntity b =
                        now.stream()
                                .filter(r -> r.id().equals(p.residentId()))
                                .findFirst()
                                .orElse(null);
                action =
                        b != null
                                        && Objects.equals(b.name(), p.name())
                                        && Objects.equals(b.idNumber(), p.idNumber())
                                        && Objects.equals(b.relation(), p.relation())
                                        && Objects.equals(b.mobile(), p.mobile())
                                        && Objects.equals(b.role(), p.role())
                                ? "KEEP"
                                : "EDIT";
            }
        }
        return new ResidentView(
                p.residentId(),
                p.ref(),
                p.role(),
                p.occupantRef(),
                Masking.name(p.name()),
                ResidentIdNumber.mask(p.idNumber()),
                p.relation(),
                Masking.mobile(p.mobile()),
                action);
    }

    static LocalizedText statusText(String status) {
        return switch (status) {
            case "REVIEW" -> LocalizedText.of("审核中", "Under review");
            case "APPROVED" -> LocalizedText.of("已通过，已生效", "Approved, in effect");
            case "REJECTED" -> LocalizedText.of("未通过", "Rejected");
            case "WITHDRAWN" -> LocalizedText.of("已撤回", "Withdrawn");
            default -> LocalizedText.of(status, status);
        };
    }

    static String kindOf(LeaseEntity lease) {
        return "CITIZEN".equals(lease.lesseeKind()) ? "PERSONAL" : "EMPLOYER";
    }

    /** A value kept from before when not given or given masked (the lessee only sees it masked). */
    private static String keep(String given, String before) {
        if (given == null || (before != null && given.contains("*"))) {
            return before;
        }
        return given.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void record(String action, String actor, String target) {
        AuditLog a = audit;
        if (a != null) {
            try {
                a.record(action, actor, target, null, null);
            } catch (RuntimeException e) {
                LOG.warn("Audit entry {} not recorded", action, e);
            }
        }
    }
}
