package org.guangsha.jiangxi.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.guangsha.jiangxi.application.internal.Views.ApplicationView;
import org.guangsha.jiangxi.application.internal.Views.AssetsStep;
import org.guangsha.jiangxi.application.internal.Views.Business;
import org.guangsha.jiangxi.application.internal.Views.Commitment;
import org.guangsha.jiangxi.application.internal.Views.ConsentView;
import org.guangsha.jiangxi.application.internal.Views.Employment;
import org.guangsha.jiangxi.application.internal.Views.FamilyStep;
import org.guangsha.jiangxi.application.internal.Views.Guide;
import org.guangsha.jiangxi.application.internal.Views.Member;
import org.guangsha.jiangxi.application.internal.Views.RealEstate;
import org.guangsha.jiangxi.application.internal.Views.Residence;
import org.guangsha.jiangxi.application.internal.Views.Steps;
import org.guangsha.jiangxi.application.internal.Views.Summary;
import org.guangsha.jiangxi.application.internal.Views.TypeStep;
import org.guangsha.jiangxi.application.internal.Views.Vehicle;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.jiangxi.application.internal.store.AssetEntity;
import org.guangsha.jiangxi.application.internal.store.ConsentEntity;
import org.guangsha.jiangxi.application.internal.store.MemberEntity;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.FaceSessions;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's life on the line's side (JX-1 … JX-7, JX-9, JX-10): consent, opening in a
 * region (online or at the counter), the face check, the steps saved as drafts or complete, the
 * checks before submission, and erasing on withdrawal. The core's {@code CaseService} keeps the
 * case; every change here is one transaction of the line's unit.
 */
@Component(service = ApplicationService.class, configurationPid = JiangxiConfiguration.PID)
@Designate(ocd = JiangxiConfiguration.class)
public class ApplicationService {

    /** The case type's id. */
    public static final String CASE_TYPE = "jiangxi-public-rental";

    /** The city's zone: ages and "this month" are the city's. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationService.class);

    private final ApplicationAccess access;
    private final AccountDirectory accounts;
    private final FaceSessions faces;
    private final DocumentService documents;
    private final MaterialsCheck materials;
    private final Clock clock;
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();
    private volatile AuditLog audit;

    /** Built by DS. */
    @Activate
    public ApplicationService(
            @Reference ApplicationAccess access,
            @Reference AccountDirectory accounts,
            @Reference FaceSessions faces,
            @Reference DocumentService documents,
            @Reference MaterialsCheck materials) {
        this(access, accounts, faces, documents, materials, Clock.systemUTC());
    }

    /** For tests. */
    public ApplicationService(
            ApplicationAccess access,
            AccountDirectory accounts,
            FaceSessions faces,
            DocumentService documents,
            MaterialsCheck materials,
            Clock clock) {
        this.access = access;
        this.accounts = accounts;
        this.faces = faces;
        this.documents = documents;
        this.materials = materials;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAudit(AuditLog log) {
        this.audit = log;
    }

    void unsetAudit(AuditLog log) {
        if (this.audit == log) {
            this.audit = null;
        }
    }

    /** The access checks every part of the line shares. */
    public ApplicationAccess access() {
        return access;
    }

    // ---------------------------------------------------------------- guide and consent (JX-2)

    /** The agreement, notice, flow and types. */
    public Guide guide() {
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("version", access.config().agreement_version());
        agreement.put("title", GuideTexts.AGREEMENT_TITLE);
        agreement.put("text", GuideTexts.AGREEMENT);
        return new Guide(
                agreement,
                GuideTexts.NOTICE,
                GuideTexts.FLOW,
                List.of(
                        Map.of(
                                "code",
                                Categories.IN_KIND,
                                "name",
                                LocalizedText.of("实物配租", "Public rental home")),
                        Map.of(
                                "code",
                                Categories.SUBSIDY,
                                "name",
                                LocalizedText.of("租赁补贴", "Rental subsidy"))),
                access.config().province_code());
    }

    /** The caller's consent. */
    public ConsentView consent(Caller caller) {
        ConsentEntity c = access.tx().read(em -> em.find(ConsentEntity.class, caller.accountId()));
        return c == null
                ? new ConsentView(false, null, null, null)
                : new ConsentView(true, c.agreementVersion(), c.grantedAt(), c.channel());
    }

    /** 同意授权: records the consent to the version the citizen read. */
    public ConsentView grant(Caller caller, String version, String channel) {
        String current = access.config().agreement_version();
        if (version == null || version.isBlank()) {
            throw ProblemException.invalidField(
                    "version", "请先阅读服务授权隐私协议", "Read the agreement first");
        }
        if (!current.equals(version)) {
            throw ProblemException.conflict(
                    "agreement-changed",
                    "服务授权隐私协议已更新，请重新阅读",
                    "The agreement changed; read it again",
                    current);
        }
        String ch = onlineChannel(channel);
        store(caller.accountId(), current, ch, null);
        record(
                "jiangxi.consent.granted",
                caller.accountId(),
                caller.accountId(),
                "version=" + current);
        return consent(caller);
    }

    /**
     * 取消授权 after a consent: refused while an application is open (放弃申请 first, which erases it), so
     * that nothing is left without a consent behind it.
     */
    public ConsentView revoke(Caller caller) {
        boolean open =
                access.tx()
                        .read(
                                em ->
                                        !em.createQuery(
                                                        "SELECT a.caseId FROM ApplicationEntity a"
                                                                + " WHERE a.openAccountId = :a",
                                                        String.class)
                                                .setParameter("a", caller.accountId())
                                                .getResultList()
                                                .isEmpty());
        if (open) {
            throw ProblemException.conflict(
                    "application-open",
                    "您有进行中的申请，请先在“我的申请”中放弃申请，再取消授权",
                    "An application is open: withdraw it under My applications first",
                    null);
        }
        access.tx()
                .run(
                        em -> {
                            ConsentEntity c = em.find(ConsentEntity.class, caller.accountId());
                            if (c != null) {
                                em.remove(c);
                            }
                        });
        record("jiangxi.consent.revoked", caller.accountId(), caller.accountId(), null);
        return consent(caller);
    }

    private void store(String accountId, String version, String channel, String recordedBy) {
        access.tx()
                .run(
                        em -> {
                            ConsentEntity c = em.find(ConsentEntity.class, accountId);
                            if (c == null) {
                                c = new ConsentEntity(accountId);
                                em.persist(c);
                            }
                            c.agreementVersion(version);
                            c.channel(channel);
                            c.recordedBy(recordedBy);
                            c.grantedAt(clock.instant());
                        });
    }

    // ---------------------------------------------------------------- opening (JX-1, JX-2)

    /** Opens an application online in a county the citizen confirmed twice. */
    public ApplicationView open(Caller caller, Views.NewApplication body) {
        String region =
                checkRegion(
                        body == null ? null : body.regionCode(),
                        body == null ? null : body.confirmRegion());
        String channel = onlineChannel(body.channel());
        ConsentEntity c = access.tx().read(em -> em.find(ConsentEntity.class, caller.accountId()));
        if (c == null || !c.agreementVersion().equals(access.config().agreement_version())) {
            throw ProblemException.conflict(
                    "consent-required",
                    "请先阅读并同意服务授权隐私协议",
                    "Accept the service authorization agreement first",
                    access.config().agreement_version());
        }
        String id =
                open(
                        caller.accountId(),
                        region,
                        Channel.valueOf(channel),
                        null,
                        c.agreementVersion());
        return view(access.read(caller, id));
    }

    /**
     * Opens an application at the counter (JX-1): a caseworker of the region, for a citizen in
     * front of them who signed the consent on paper and whose ID card the caseworker checked.
     */
    public ApplicationView openAtCounter(Caller staff, Views.CounterApplication body) {
        if (staff.kind() != AccountKind.STAFF || !staff.roles().contains("CASEWORKER")) {
            throw ProblemException.forbidden(
                    "只有业务人员可以窗口代办", "Only caseworkers file at the counter");
        }
        if (body == null || body.citizenId() == null || body.citizenId().isBlank()) {
            throw ProblemException.invalidField(
                    "citizenId", "请先查找或登记申请人", "Find or register the citizen first");
        }
        String region = checkRegion(body.regionCode(), body.confirmRegion());
        access.regions().checkScope(staff, region);
        List<FieldError> e = new ArrayList<>();
        if (!Boolean.TRUE.equals(body.consentSigned())) {
            e.add(
                    FormChecks.err(
                            "consentSigned",
                            "申请人须在纸质服务授权隐私协议上签字同意",
                            "The citizen must sign the agreement"));
        }
        if (!Boolean.TRUE.equals(body.identityChecked())) {
            e.add(FormChecks.err("identityChecked", "请现场核验申请人身份证件", "Check the ID card in person"));
        }
        if (!e.isEmpty()) {
            throw ProblemException.validation(e);
        }
        AccountProfile citizen =
                accounts.find(body.citizenId())
                        .filter(a -> a.kind() == AccountKind.CITIZEN)
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "citizenId", "找不到该居民账号", "No such citizen"));
        String version = access.config().agreement_version();
        String id = open(citizen.id(), region, Channel.COUNTER, staff.accountId(), version);
        // the paper consent is recorded once the filing is accepted: a refused one (the citizen
        // already has an application) leaves the citizen's own consent as it was
        store(citizen.id(), version, Channel.COUNTER.name(), staff.accountId());
        record(
                "jiangxi.consent.granted",
                staff.accountId(),
                citizen.id(),
                "version=" + version + " counter");
        access.tx()
                .run(
                        em -> {
                            ApplicationEntity a = em.find(ApplicationEntity.class, id);
                            a.faceMethod("IN_PERSON");
                            a.faceVerifiedAt(clock.instant());
                        });
        record("jiangxi.counter.opened", staff.accountId(), "case:" + id, "region=" + region);
        return view(access.read(staff, id));
    }

    private String open(
            String accountId, String region, Channel channel, String filedBy, String version) {
        // one open application per citizen: the unique OPEN_ACCOUNT_ID decides across nodes; the
        // lock keeps a double click on this node from leaving an empty case behind
        synchronized (openLocks.computeIfAbsent(accountId, k -> new Object())) {
            Optional<String> existing = openOf(accountId);
            if (existing.isPresent()) {
                throw exists(existing.get());
            }
            CaseRecord kase =
                    access.cases()
                            .create(new NewCase(CASE_TYPE, accountId, region, channel, filedBy));
            Instant now = clock.instant();
            try {
                access.tx()
                        .run(
                                em -> {
                                    ApplicationEntity a = new ApplicationEntity(kase.id());
                                    a.accountId(accountId);
                                    a.openAccountId(accountId);
                                    a.regionCode(region);
                                    a.channel(channel.name());
                                    a.filedBy(filedBy);
                                    a.consentVersion(version);
                                    a.createdAt(now);
                                    a.updatedAt(now);
                                    em.persist(a);
                                });
            } catch (PersistenceException e) {
                LOG.warn("Case {} opened but another application of the account won", kase.id());
                throw exists(openOf(accountId).orElse(null));
            }
            return kase.id();
        }
    }

    private Optional<String> openOf(String accountId) {
        return access.tx()
                .read(
                        em ->
                                em
                                        .createQuery(
                                                "SELECT a.caseId FROM ApplicationEntity a WHERE"
                                                        + " a.openAccountId = :a",
                                                String.class)
                                        .setParameter("a", accountId)
                                        .getResultList()
                                        .stream()
                                        .findFirst());
    }

    private static ProblemException exists(String id) {
        return ProblemException.conflict(
                "application-exists",
                "您已有一份进行中的公租房申请，请在“我的申请”中继续办理",
                "An application is already in progress",
                id);
    }

    private String checkRegion(String code, Boolean confirmed) {
        List<FieldError> e = new ArrayList<>();
        Region r = code == null ? null : access.regions().region(code).orElse(null);
        if (r == null
                || !("COUNTY".equals(r.level()) || "DISTRICT".equals(r.level()))
                || !access.regions().covers(access.config().province_code(), code)) {
            e.add(
                    FormChecks.err(
                            "regionCode",
                            "请选择本省的市和县（区）",
                            "Choose a city and county of the province"));
        }
        if (!Boolean.TRUE.equals(confirmed)) {
            e.add(FormChecks.err("confirmRegion", "请再次确认申请区域", "Confirm the region"));
        }
        if (!e.isEmpty()) {
            throw ProblemException.validation(e);
        }
        return code;
    }

    private static String onlineChannel(String channel) {
        if (channel == null || channel.isBlank()) {
            return Channel.MOBILE.name();
        }
        if (!Channel.MOBILE.name().equals(channel) && !Channel.PC.name().equals(channel)) {
            throw ProblemException.invalidField("channel", "渠道应为 MOBILE 或 PC", "MOBILE or PC");
        }
        return channel;
    }

    // ---------------------------------------------------------------- face check (JX-3)

    /** Consumes the applicant's PASSED face session of purpose {@code apply:<id>}. */
    public ApplicationView face(Caller caller, String id, String sessionId) {
        ApplicationAccess.Found f = access.read(caller, id);
        if (f.staff() || !caller.accountId().equals(f.application().accountId())) {
            throw ProblemException.forbidden("须由申请人本人扫脸认证", "The applicant does the face check");
        }
        if (!f.editable()) {
            throw notEditable(f);
        }
        if (f.application().faceVerifiedAt() == null) {
            if (!faces.consume(sessionId, caller.accountId(), "apply:" + id)) {
                throw ProblemException.invalidField(
                        "sessionId", "人脸识别未通过或已失效，请重新扫脸", "The face check did not pass or expired");
            }
            access.tx()
                    .run(
                            em -> {
                                ApplicationEntity a = em.find(ApplicationEntity.class, id);
                                a.faceMethod("FACE");
                                a.faceSessionId(sessionId);
                                a.faceVerifiedAt(clock.instant());
                                a.updatedAt(clock.instant());
                            });
        }
        return view(access.read(caller, id));
    }

    // ---------------------------------------------------------------- steps (JX-4 … JX-7, JX-5)

    /** Saves the {@code type} step. */
    public ApplicationView saveType(Caller caller, String id, TypeStep body, boolean draft) {
        ApplicationAccess.Found f = access.edit(caller, id);
        List<FieldError> e = FormChecks.type(body, access.categories(), draft);
        if (!e.isEmpty()) {
            throw ProblemException.validation(e);
        }
        change(
                id,
                (em, a) -> {
                    a.applicationType(
                            body == null ? null : FormChecks.blankToNull(body.applicationType()));
                    a.categoryCode(
                            body == null ? null : FormChecks.blankToNull(body.categoryCode()));
                    a.typeDone(!draft);
                });
        saved(caller, f);
        return view(access.read(caller, id));
    }

    /** Saves the {@code family} step; the applicant's name and ID number are the account's. */
    public ApplicationView saveFamily(Caller caller, String id, FamilyStep body, boolean draft) {
        ApplicationAccess.Found f = access.edit(caller, id);
        FamilyStep family = withAccount(f.application().accountId(), body);
        List<FieldError> e = new ArrayList<>(FormChecks.family(family, today(), draft));
        if (e.isEmpty() && !draft) {
            e.addAll(elsewhere(id, family));
        }
        if (!e.isEmpty()) {
            throw ProblemException.validation(e);
        }
        Set<String> removed = new HashSet<>();
        change(
                id,
                (em, a) -> {
                    List<MemberEntity> old = ApplicationAccess.members(em, id);
                    Map<String, MemberEntity> byId = new LinkedHashMap<>();
                    old.forEach(m -> byId.put(m.id(), m));
                    List<Member> all = new ArrayList<>();
                    if (family != null && family.applicant() != null) {
                        all.add(family.applicant());
                        if (family.members() != null) {
                            all.addAll(family.members());
                        }
                    }
                    Set<String> kept = new HashSet<>();
                    for (int i = 0; i < all.size(); i++) {
                        Member m = all.get(i);
                        MemberEntity row = m.id() == null ? null : byId.get(m.id());
                        if (row == null || kept.contains(row.id())) {
                            row = new MemberEntity(UUID.randomUUID().toString());
                            row.caseId(id);
                            em.persist(row);
                        }
                        kept.add(row.id());
                        copy(m, row, i);
                    }
                    for (MemberEntity m : old) {
                        if (!kept.contains(m.id())) {
                            removed.add(m.id());
                            em.remove(m);
                        }
                    }
                    a.familyDone(!draft);
                });
        // a member taken out takes their materials with them
        materials.membersRemoved(id, f.application().accountId(), removed);
        saved(caller, f);
        return view(access.read(caller, id));
    }

    /** Saves the {@code assets} step (the letter is signed or uploaded apart). */
    public ApplicationView saveAssets(Caller caller, String id, AssetsStep body, boolean draft) {
        ApplicationAccess.Found f = access.edit(caller, id);
        Set<String> names = names(access.members(id));
        List<FieldError> e =
                FormChecks.assets(body, names, f.application().commitmentMode() != null, draft);
        if (!e.isEmpty()) {
            throw ProblemException.validation(e);
        }
        change(
                id,
                (em, a) -> {
                    a.hasVehicle(body == null ? null : body.hasVehicle());
                    a.hasRealEstate(body == null ? null : body.hasRealEstate());
                    a.hasBusiness(body == null ? null : body.hasBusiness());
                    a.depositsFen(body == null ? null : body.depositsFen());
                    a.securitiesFen(body == null ? null : body.securitiesFen());
                    em.createQuery("DELETE FROM AssetEntity x WHERE x.caseId = :c")
                            .setParameter("c", id)
                            .executeUpdate();
                    if (body != null) {
                        int i = 0;
                        for (Vehicle v : nonNull(body.vehicles())) {
                            AssetEntity row = asset(em, id, "VEHICLE", i++, v.ownerName());
                            row.reference(
                                    v.plateNumber() == null
                                            ? null
                                            : FormChecks.plate(v.plateNumber()));
                            row.description(FormChecks.blankToNull(v.model()));
                            row.valueFen(v.valueFen());
                        }
                        for (RealEstate h : nonNull(body.realEstates())) {
                            AssetEntity row = asset(em, id, "REAL_ESTATE", i++, h.ownerName());
                            row.description(FormChecks.blankToNull(h.address()));
                            row.reference(FormChecks.blankToNull(h.certificateNumber()));
                            row.areaM2(h.areaM2());
                        }
                        for (Business b : nonNull(body.businesses())) {
                            AssetEntity row = asset(em, id, "BUSINESS", i++, b.ownerName());
                            row.description(FormChecks.blankToNull(b.name()));
                            row.reference(FormChecks.blankToNull(b.creditCode()));
                        }
                    }
                    a.assetsDone(!draft);
                });
        saved(caller, f);
        return view(access.read(caller, id));
    }

    private static AssetEntity asset(
            EntityManager em, String id, String kind, int position, String owner) {
        AssetEntity row = new AssetEntity(UUID.randomUUID().toString());
        row.caseId(id);
        row.kind(kind);
        row.position(position);
        row.ownerName(FormChecks.blankToNull(owner));
        em.persist(row);
        return row;
    }

    private void saved(Caller caller, ApplicationAccess.Found f) {
        if (f.record().status() == CaseStatus.DRAFT || f.record().status() == CaseStatus.RETURNED) {
            access.cases().save(f.id(), caller.accountId());
        }
    }

    /**
     * JX-6: a person may be in one open application only (一户一申请): co-applicants or the applicant
     * named in another open application are refused.
     */
    private List<FieldError> elsewhere(String id, FamilyStep family) {
        List<String> ids = new ArrayList<>();
        ids.add(ResidentIdNumber.normalize(family.applicant().idNumber()));
        nonNull(family.members()).forEach(m -> ids.add(ResidentIdNumber.normalize(m.idNumber())));
        List<String> known = ids.stream().filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return List.of();
        }
        Set<String> taken =
                new HashSet<>(
                        access.tx()
                                .read(
                                        em ->
                                                em.createQuery(
                                                                "SELECT m.idNumber FROM MemberEntity m,"
                                                                        + " ApplicationEntity a WHERE"
                                                                        + " a.caseId = m.caseId AND"
                                                                        + " a.openAccountId IS NOT NULL"
                                                                        + " AND a.caseId <> :c AND"
                                                                        + " m.idNumber IN :ids",
                                                                String.class)
                                                        .setParameter("c", id)
                                                        .setParameter("ids", known)
                                                        .getResultList()));
        List<FieldError> e = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (taken.contains(ids.get(i))) {
                e.add(
                        FormChecks.err(
                                i == 0
                                        ? "family.applicant.idNumber"
                                        : "family.members[" + (i - 1) + "].idNumber",
                                "该成员已在另一份进行中的公租房申请中",
                                "This person is in another application in progress"));
            }
        }
        return e;
    }

    private FamilyStep withAccount(String accountId, FamilyStep body) {
        AccountProfile p =
                accounts.find(accountId).orElseThrow(() -> ProblemException.notFound(null));
        Member in = body == null ? null : body.applicant();
        Member applicant =
                new Member(
                        in == null ? null : in.id(),
                        "SELF",
                        p.name(),
                        p.idNumber(),
                        in == null ? null : FormChecks.blankToNull(in.mobile()),
                        in == null ? null : in.maritalStatus(),
                        in == null ? null : in.employment(),
                        in == null ? null : in.residence());
        return new FamilyStep(applicant, body == null ? List.of() : nonNull(body.members()));
    }

    private static void copy(Member m, MemberEntity row, int position) {
        row.position(position);
        row.relation(position == 0 ? "SELF" : FormChecks.blankToNull(m.relation()));
        row.name(FormChecks.blankToNull(m.name()));
        row.idNumber(m.idNumber() == null ? null : ResidentIdNumber.normalize(m.idNumber()));
        row.mobile(FormChecks.blankToNull(m.mobile()));
        row.maritalStatus(FormChecks.blankToNull(m.maritalStatus()));
        Employment j = m.employment();
        row.employmentStatus(j == null ? null : FormChecks.blankToNull(j.status()));
        row.employer(j == null ? null : FormChecks.blankToNull(j.employer()));
        row.occupation(j == null ? null : FormChecks.blankToNull(j.occupation()));
        row.monthlyIncomeFen(j == null ? null : j.monthlyIncomeFen());
        Residence r = m.residence();
        row.hukouType(r == null ? null : FormChecks.blankToNull(r.hukouType()));
        row.hukouAddress(r == null ? null : FormChecks.blankToNull(r.hukouAddress()));
        row.currentAddress(r == null ? null : FormChecks.blankToNull(r.currentAddress()));
        row.housingSituation(r == null ? null : FormChecks.blankToNull(r.housingSituation()));
        row.livingAreaM2(r == null ? null : r.livingAreaM2());
        row.residentSince(r == null ? null : FormChecks.blankToNull(r.residentSince()));
    }

    // ---------------------------------------------------------------- submit (JX-9)

    /**
     * Every check of every step again on what is stored, the face check, the letter and the
     * materials; empty when the application may be submitted.
     */
    public List<FieldError> problems(String id) {
        ApplicationEntity a = access.tx().read(em -> em.find(ApplicationEntity.class, id));
        if (a == null || a.erasedAt() != null) {
            return List.of(FormChecks.err("id", "申请不存在", "No such application"));
        }
        List<FieldError> e = new ArrayList<>();
        if (a.faceVerifiedAt() == null) {
            e.add(FormChecks.err("face", "请先完成人脸识别身份验证", "Pass the face check first"));
        }
        e.addAll(
                FormChecks.type(
                        new TypeStep(a.applicationType(), a.categoryCode()),
                        access.categories(),
                        false));
        List<MemberEntity> members = access.members(id);
        FamilyStep family = family(members);
        e.addAll(FormChecks.family(family, today(), false));
        if (family.applicant() != null) {
            e.addAll(elsewhere(id, family));
        }
        Set<String> names = names(members);
        e.addAll(FormChecks.assets(assets(a), names, a.commitmentMode() != null, false));
        if (a.categoryCode() != null) {
            e.addAll(materials.problems(id));
        }
        return e;
    }

    /** Submits after the second confirmation (JX-9). */
    public ApplicationView submit(Caller caller, String id, Boolean confirm) {
        ApplicationAccess.Found f = access.read(caller, id);
        if (!f.editable()) {
            throw notEditable(f);
        }
        if (!Boolean.TRUE.equals(confirm)) {
            throw ProblemException.invalidField("confirm", "请确认提交申请", "Confirm the submission");
        }
        List<FieldError> e = problems(id);
        if (!e.isEmpty()) {
            throw ProblemException.validation(e);
        }
        access.cases().submit(id, caller.accountId());
        change(id, (em, a) -> {});
        record(
                "jiangxi.submitted",
                caller.accountId(),
                "case:" + id,
                "channel=" + f.application().channel());
        return view(access.read(caller, id));
    }

    private static ProblemException notEditable(ApplicationAccess.Found f) {
        return ProblemException.conflict(
                "application-not-editable",
                "申请已提交，不能再修改",
                "The application was submitted and cannot be changed",
                f.record().status().name());
    }

    // ---------------------------------------------------------------- withdrawal (JX-10, C-3)

    /**
     * Erases what the line holds of a withdrawn application: the members, assets and materials rows
     * and every answer; the letter issued on screen is revoked. The row stays as a shell (region,
     * channel, times) so that the case's history still points somewhere.
     */
    public void erase(String id) {
        String documentId =
                access.tx()
                        .write(
                                em -> {
                                    ApplicationEntity a = em.find(ApplicationEntity.class, id);
                                    if (a == null) {
                                        return null;
                                    }
                                    String doc = a.commitmentDocumentId();
                                    for (String entity :
                                            List.of(
                                                    "MemberEntity",
                                                    "AssetEntity",
                                                    "MaterialEntity")) {
                                        em.createQuery(
                                                        "DELETE FROM "
                                                                + entity
                                                                + " x WHERE x.caseId = :c")
                                                .setParameter("c", id)
                                                .executeUpdate();
                                    }
                                    a.openAccountId(null);
                                    a.applicationType(null);
                                    a.categoryCode(null);
                                    a.typeDone(false);
                                    a.familyDone(false);
                                    a.assetsDone(false);
                                    a.hasVehicle(null);
                                    a.hasRealEstate(null);
                                    a.hasBusiness(null);
                                    a.depositsFen(null);
                                    a.securitiesFen(null);
                                    a.faceSessionId(null);
                                    a.commitmentMode(null);
                                    a.commitmentDocumentId(null);
                                    a.commitmentAttachmentId(null);
                                    a.erasedAt(clock.instant());
                                    a.updatedAt(clock.instant());
                                    return doc;
                                });
        if (documentId != null) {
            documents.revoke(documentId, null, "申请已放弃，授权承诺书作废");
        }
        record("jiangxi.erased", null, "case:" + id, "withdrawn");
    }

    /** A rejected application no longer holds the citizen's one open place. */
    public void closed(String id) {
        access.tx()
                .run(
                        em -> {
                            ApplicationEntity a = em.find(ApplicationEntity.class, id);
                            if (a != null) {
                                a.openAccountId(null);
                            }
                        });
    }

    // ---------------------------------------------------------------- views

    /** The caller's applications, newest first (erased ones left out). */
    public List<Summary> mine(Caller caller) {
        return summaries(caller.accountId(), null);
    }

    /** A citizen's applications in the caseworker's region (counter). */
    public List<Summary> ofCitizen(Caller staff, String citizenId) {
        if (staff.kind() != AccountKind.STAFF || !staff.roles().contains("CASEWORKER")) {
            throw ProblemException.forbidden(
                    "只有业务人员可以窗口代办", "Only caseworkers file at the counter");
        }
        if (citizenId == null || citizenId.isBlank()) {
            throw ProblemException.invalidField("citizenId", "请指定居民账号", "citizenId required");
        }
        return summaries(citizenId, staff);
    }

    private List<Summary> summaries(String accountId, Caller staff) {
        List<ApplicationEntity> rows =
                access.tx()
                        .read(
                                em ->
                                        em.createQuery(
                                                        "SELECT a FROM ApplicationEntity a WHERE"
                                                                + " a.accountId = :a AND a.erasedAt IS NULL"
                                                                + " ORDER BY a.createdAt DESC",
                                                        ApplicationEntity.class)
                                                .setParameter("a", accountId)
                                                .getResultList());
        List<Summary> out = new ArrayList<>();
        for (ApplicationEntity a : rows) {
            if (staff != null && !access.regions().mayAct(staff, a.regionCode())) {
                continue;
            }
            access.cases().find(a.caseId()).ifPresent(r -> out.add(summary(a, r)));
        }
        return out;
    }

    /** The whole application as the README's {@code Application}. */
    public ApplicationView view(ApplicationAccess.Found f) {
        ApplicationEntity a = f.application();
        CaseRecord r = f.record();
        Summary s = summary(a, r);
        String filedBy = null;
        if (a.filedBy() != null) {
            filedBy = accounts.find(a.filedBy()).map(AccountProfile::name).orElse(null);
            if (filedBy != null && !f.staff()) {
                filedBy = Masking.name(filedBy);
            }
        }
        return new ApplicationView(
                s.id(),
                s.number(),
                s.status(),
                s.level(),
                s.regionCode(),
                s.regionName(),
                s.channel(),
                s.applicationType(),
                s.categoryCode(),
                s.categoryName(),
                s.steps(),
                s.faceVerifiedAt(),
                s.createdAt(),
                s.updatedAt(),
                s.submittedAt(),
                filedBy,
                a.consentVersion(),
                f.editable(),
                new TypeStep(a.applicationType(), a.categoryCode()),
                prefilled(a.accountId(), family(access.members(a.caseId()))),
                assets(a),
                a.version());
    }

    /**
     * Before the family step is first saved, the applicant comes from the account (name, ID number,
     * mobile), so that the form opens filled in, online and at the counter alike.
     */
    private FamilyStep prefilled(String accountId, FamilyStep family) {
        if (family.applicant() != null) {
            return family;
        }
        return accounts.find(accountId)
                .map(
                        p ->
                                new FamilyStep(
                                        new Member(
                                                null,
                                                "SELF",
                                                p.name(),
                                                p.idNumber(),
                                                p.mobile(),
                                                null,
                                                null,
                                                null),
                                        family.members()))
                .orElse(family);
    }

    private Summary summary(ApplicationEntity a, CaseRecord r) {
        LocalizedText regionName =
                access.regions().region(a.regionCode()).map(Region::name).orElse(null);
        LocalizedText categoryName =
                a.categoryCode() == null
                        ? null
                        : access.categories()
                                .category(a.categoryCode())
                                .map(Categories.Category::name)
                                .orElse(null);
        // complete once every required material is filed (a draft too), and once submitted
        boolean materialsDone =
                !ApplicationAccess.EDITABLE.contains(r.status())
                        || a.categoryCode() != null
                                && a.familyDone()
                                && materials.problems(a.caseId()).isEmpty();
        return new Summary(
                a.caseId(),
                r.number(),
                r.status(),
                r.level(),
                a.regionCode(),
                regionName,
                a.channel(),
                a.applicationType(),
                a.categoryCode(),
                categoryName,
                new Steps(a.typeDone(), a.familyDone(), a.assetsDone(), materialsDone),
                a.faceVerifiedAt(),
                a.createdAt(),
                a.updatedAt(),
                r.submittedAt());
    }

    /** The family's names, which asset owners must be among (JX-7). */
    private static Set<String> names(List<MemberEntity> members) {
        Set<String> names = new HashSet<>();
        for (MemberEntity m : members) {
            if (m.name() != null) {
                names.add(m.name().strip());
            }
        }
        return names;
    }

    static FamilyStep family(List<MemberEntity> rows) {
        Member applicant = null;
        List<Member> members = new ArrayList<>();
        for (MemberEntity m : rows) {
            Member v =
                    new Member(
                            m.id(),
                            m.relation(),
                            m.name(),
                            m.idNumber(),
                            m.mobile(),
                            m.maritalStatus(),
                            new Employment(
                                    m.employmentStatus(),
                                    m.employer(),
                                    m.occupation(),
                                    m.monthlyIncomeFen()),
                            new Residence(
                                    m.hukouType(),
                                    m.hukouAddress(),
                                    m.currentAddress(),
                                    m.housingSituation(),
                                    m.livingAreaM2(),
                                    m.residentSince()));
            if (m.position() == 0) {
                applicant = v;
            } else {
                members.add(v);
            }
        }
        return new FamilyStep(applicant, members);
    }

    AssetsStep assets(ApplicationEntity a) {
        List<AssetEntity> rows =
                access.tx()
                        .read(
                                em ->
                                        em.createQuery(
                                                        "SELECT x FROM AssetEntity x WHERE x.caseId = :c"
                                                                + " ORDER BY x.position",
                                                        AssetEntity.class)
                                                .setParameter("c", a.caseId())
                                                .getResultList());
        List<Vehicle> vehicles = new ArrayList<>();
        List<RealEstate> homes = new ArrayList<>();
        List<Business> businesses = new ArrayList<>();
        for (AssetEntity x : rows) {
            switch (x.kind()) {
                case "VEHICLE" -> vehicles.add(
                        new Vehicle(x.ownerName(), x.reference(), x.description(), x.valueFen()));
                case "REAL_ESTATE" -> homes.add(
                        new RealEstate(x.ownerName(), x.description(), x.areaM2(), x.reference()));
                default -> businesses.add(
                        new Business(x.ownerName(), x.description(), x.reference()));
            }
        }
        return new AssetsStep(
                a.hasVehicle(),
                vehicles,
                a.hasRealEstate(),
                homes,
                a.hasBusiness(),
                businesses,
                a.depositsFen(),
                a.securitiesFen(),
                new Commitment(
                        a.commitmentMode(),
                        a.commitmentDocumentId(),
                        a.commitmentAttachmentId(),
                        a.commitmentAt()));
    }

    // ---------------------------------------------------------------- helpers

    private interface Change {
        void apply(EntityManager em, ApplicationEntity a);
    }

    private void change(String id, Change change) {
        access.tx()
                .run(
                        em -> {
                            ApplicationEntity a = em.find(ApplicationEntity.class, id);
                            change.apply(em, a);
                            a.updatedAt(clock.instant());
                        });
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CITY_ZONE));
    }

    void record(String action, String actor, String target, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record(action, actor, target, null, detail);
        }
    }
}
