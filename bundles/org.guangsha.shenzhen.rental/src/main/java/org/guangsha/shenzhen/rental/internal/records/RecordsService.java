package org.guangsha.shenzhen.rental.internal.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.CaseForm;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.DocumentView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.Field;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.PoaApplicationView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.PoaOverview;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.PoaRequest;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.PurchaseView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.Reason;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.RecordApplicationView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.RecordRequest;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.RecordsOverview;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.ShareApplicationView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.ShareRequest;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.ShareView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.SharesOverview;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three certificate services of the line (SZ-6 … SZ-8): who may apply when, the cases that are
 * reviewed, and the documents issued at once or on approval. The city's time comes from the
 * highest-ranking {@link Clock} service (the sandbox's settable one in demos and tests), the system
 * clock without one.
 */
@Component(service = RecordsService.class)
public class RecordsService {

    /** SZ-6 case type: a record application of someone the city knows bought policy housing. */
    public static final String RECORD_CASE = "shenzhen-policy-housing-record";

    /** SZ-7 case type: an application for property-share information. */
    public static final String SHARE_CASE = "shenzhen-property-share";

    /** SZ-8 case type: an application for a power of attorney. */
    public static final String POA_CASE = "shenzhen-power-of-attorney";

    /** The certificate 政策性住房信息 (no validity). */
    public static final String RECORD_DOCUMENT = "policy-housing-record";

    /** The certificate 安居房产权份额 (valid one month, P-2). */
    public static final String SHARE_DOCUMENT = "property-share";

    /** The core's generic 授权委托书 (valid three months). */
    public static final String POA_DOCUMENT = "power-of-attorney";

    /** 深圳市不动产登记申请表, valid as long as the power of attorney it goes with. */
    public static final String FORM_DOCUMENT = "shenzhen-real-estate-registration-form";

    /** Shenzhen: a case's district must lie in it. */
    static final String SHENZHEN = "440300";

    /** The registrations an agent may be entrusted with (SZ-8). */
    static final List<String> REGISTRATION_TYPES =
            List.of("转移登记", "抵押登记", "变更登记", "注销登记", "首次登记", "更正登记", "补证换证");

    private static final Logger LOG = LoggerFactory.getLogger(RecordsService.class);

    private final JpaTransactions tx;
    private final CaseService cases;
    private final DocumentService documents;
    private final AccountDirectory accounts;
    private final Regions regions;
    private final Clock fixedClock;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clockService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    /** Built by DS. */
    @Activate
    public RecordsService(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema,
            @Reference CaseService cases,
            @Reference DocumentService documents,
            @Reference AccountDirectory accounts,
            @Reference Regions regions) {
        this(new JpaTransactions(emf), cases, documents, accounts, regions, null);
    }

    /** For tests (one DS constructor only: SCR must not choose between two of one arity). */
    public static RecordsService forTests(
            JpaTransactions tx,
            CaseService cases,
            DocumentService documents,
            AccountDirectory accounts,
            Regions regions,
            Clock clock) {
        return new RecordsService(tx, cases, documents, accounts, regions, clock);
    }

    /** For tests: {@code clock} fixed (null: the Clock service or the system's). */
    private RecordsService(
            JpaTransactions tx,
            CaseService cases,
            DocumentService documents,
            AccountDirectory accounts,
            Regions regions,
            Clock clock) {
        this.tx = tx;
        this.cases = cases;
        this.documents = documents;
        this.accounts = accounts;
        this.regions = regions;
        this.fixedClock = clock;
    }

    Clock clock() {
        if (fixedClock != null) {
            return fixedClock;
        }
        Clock c = clockService;
        return c != null ? c : Clock.system(CityMonth.CITY_ZONE);
    }

    JpaTransactions tx() {
        return tx;
    }

    // ---------------------------------------------------------------- SZ-6 policy-housing record

    /** SZ-6: the caller's applications and whether one is possible this month. */
    public RecordsOverview records(Caller caller) {
        AccountProfile me = citizen(caller);
        YearMonth month = CityMonth.now(clock());
        List<RecordApplicationEntity> rows =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT a FROM RecordApplicationEntity a WHERE"
                                                        + " a.idNumber = :id ORDER BY a.createdAt"
                                                        + " DESC",
                                                RecordApplicationEntity.class)
                                        .setParameter("id", me.idNumber())
                                        .getResultList());
        boolean used = rows.stream().anyMatch(r -> CityMonth.period(month).equals(r.period()));
        Reason reason = used ? onceAMonthReason(month) : null;
        return new RecordsOverview(
                rows.stream().map(this::view).toList(),
                !used,
                reason,
                CityMonth.nextStart(month),
                Guides.RECORD);
    }

    /**
     * SZ-6: applies for the policy-housing record certificate. At most one application per person
     * and city month, decided by the database's unique key (a second one is 409 {@code
     * record-once-a-month} saying when the next is possible). Without a purchase the certificate is
     * issued at once; with one a case goes to the district of the home for review.
     */
    public RecordApplicationView applyForRecord(Caller caller, RecordRequest body) {
        AccountProfile me = citizen(caller);
        String purpose = body == null ? null : trim(body.purpose());
        if (purpose != null && purpose.length() > 50) {
            throw ProblemException.invalidField(
                    "purpose", "查询用途不能超过 50 个字", "The purpose must not exceed 50 characters");
        }
        Instant now = clock().instant();
        YearMonth month = CityMonth.of(now);
        String period = CityMonth.period(month);
        List<PolicyPurchaseEntity> purchases = purchases(me.idNumber());
        String id = UUID.randomUUID().toString();
        RecordApplicationEntity row = new RecordApplicationEntity(id);
        row.accountId(me.id());
        row.idNumber(me.idNumber());
        row.period(period);
        row.purpose(purpose);
        row.purchases(purchases.size());
        row.status(purchases.isEmpty() ? "ISSUING" : "REVIEW");
        row.regionCode(purchases.isEmpty() ? null : purchases.get(0).districtCode());
        row.createdAt(now);
        row.updatedAt(now);
        if (periodTaken(me.idNumber(), period)) {
            throw new OnceAMonthException(month);
        }
        try {
            tx.run(em -> em.persist(row));
        } catch (RuntimeException e) {
            // SZ-6: the unique key (ID number, month) refused a second application of the month,
            // e.g. a double click that passed the check above on two threads or nodes at once
            if (periodTaken(me.idNumber(), period)) {
                throw new OnceAMonthException(month);
            }
            throw e;
        }
        try {
            if (purchases.isEmpty()) {
                IssuedDocument d = issueRecord(me, row, purchases, null);
                tx.run(
                        em -> {
                            RecordApplicationEntity r = em.find(RecordApplicationEntity.class, id);
                            r.status("ISSUED");
                            r.documentId(d.id());
                            r.updatedAt(clock().instant());
                        });
            } else {
                CaseRecord c =
                        cases.create(
                                new NewCase(
                                        RECORD_CASE,
                                        me.id(),
                                        row.regionCode(),
                                        channel(body == null ? null : body.channel()),
                                        null));
                tx.run(
                        em -> {
                            RecordApplicationEntity r = em.find(RecordApplicationEntity.class, id);
                            r.caseId(c.id());
                        });
                cases.submit(c.id(), me.id());
            }
        } catch (RuntimeException e) {
            // nothing half-done: the month stays free when the certificate or case failed
            tx.run(
                    em -> {
                        RecordApplicationEntity r = em.find(RecordApplicationEntity.class, id);
                        if (r != null) {
                            em.remove(r);
                        }
                    });
            throw e;
        }
        record(
                "shenzhen.record.applied",
                me.id(),
                "record:" + id,
                purchases.isEmpty() ? "no purchase: issued" : "purchases=" + purchases.size());
        RecordApplicationEntity saved = tx.read(em -> em.find(RecordApplicationEntity.class, id));
        return view(saved);
    }

    private boolean periodTaken(String idNumber, String period) {
        return tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT COUNT(a) FROM RecordApplicationEntity a"
                                                        + " WHERE a.idNumber = :id AND a.period ="
                                                        + " :p",
                                                Long.class)
                                        .setParameter("id", idNumber)
                                        .setParameter("p", period)
                                        .getSingleResult())
                > 0;
    }

    static Reason onceAMonthReason(YearMonth month) {
        String next = CityMonth.nextStart(month).toLocalDate().toString();
        return new Reason(
                "record-once-a-month",
                "本月已提交过政策性住房信息查询申请，一个月内不能重复申请；下次可于 " + next + " 起申请",
                "You applied this month already; the next application is possible from " + next);
    }

    private IssuedDocument issueRecord(
            AccountProfile me,
            RecordApplicationEntity row,
            List<PolicyPurchaseEntity> purchases,
            String caseId) {
        Map<String, String> v = new HashMap<>();
        v.put("idNumber", me.idNumber());
        v.put("applicationNo", row.id().substring(0, 8).toUpperCase());
        v.put("queryDate", CityMonth.today(clock()).toString());
        v.put("purpose", row.purpose() == null ? "住房保障业务办理" : row.purpose());
        if (purchases.isEmpty()) {
            v.put("resultText", "经查询，截至查询日期，未发现申请人在本市购买安居型商品房、经济适用住房、人才住房等政策性住房的记录。");
            v.put("purchaseTypes", "无");
            v.put("purchaseProjects", "无");
            v.put("purchaseAddresses", "无");
            v.put("purchaseDates", "无");
            v.put("reviewerName", "住房保障部门");
            v.put("reviewText", "无政策性住房购买记录，即时出具");
        } else {
            v.put("resultText", "经查询，申请人在本市有以下 " + purchases.size() + " 条政策性住房购买记录：");
            v.put("purchaseTypes", join(purchases, p -> typeName(p.housingType()).zh()));
            v.put("purchaseProjects", join(purchases, PolicyPurchaseEntity::project));
            v.put("purchaseAddresses", join(purchases, PolicyPurchaseEntity::address));
            v.put("purchaseDates", join(purchases, p -> p.purchasedOn().toString()));
            v.put("reviewerName", districtName(row.regionCode()) + "住房保障部门");
            v.put("reviewText", "已经" + districtName(row.regionCode()) + "住房保障部门审核通过");
        }
        return documents.issue(
                new IssueRequest(RECORD_DOCUMENT, me.id(), row.regionCode(), caseId, v));
    }

    /** SZ-6 on approval: the certificate, exactly once (the REVIEW → APPROVED change decides). */
    void recordApproved(String caseId) {
        RecordApplicationEntity row = claim(RecordApplicationEntity.class, caseId, "APPROVED");
        if (row == null) {
            return;
        }
        AccountProfile me = accounts.find(row.accountId()).orElseThrow();
        IssuedDocument d = issueRecord(me, row, purchases(row.idNumber()), caseId);
        tx.run(
                em -> {
                    RecordApplicationEntity r = em.find(RecordApplicationEntity.class, row.id());
                    r.documentId(d.id());
                });
        record("shenzhen.record.issued", null, "record:" + row.id(), "document=" + d.number());
    }

    // ---------------------------------------------------------------- SZ-7 property share

    /** SZ-7: the share information held, the applications, and whether to apply. */
    public SharesOverview shares(Caller caller) {
        AccountProfile me = citizen(caller);
        List<PropertyShareEntity> shares = sharesOf(me.idNumber());
        List<ShareApplicationEntity> apps =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT a FROM ShareApplicationEntity a WHERE"
                                                        + " a.idNumber = :id ORDER BY a.createdAt"
                                                        + " DESC",
                                                ShareApplicationEntity.class)
                                        .setParameter("id", me.idNumber())
                                        .getResultList());
        Reason reason = shareApplyRefusal(shares, apps);
        return new SharesOverview(
                shares.stream().map(this::view).toList(),
                apps.stream().map(this::view).toList(),
                purchases(me.idNumber()).stream()
                        .filter(p -> "ANJU".equals(p.housingType()))
                        .map(RecordsService::purchaseView)
                        .toList(),
                reason == null,
                reason,
                Guides.SHARE);
    }

    private static Reason shareApplyRefusal(
            List<PropertyShareEntity> shares, List<ShareApplicationEntity> apps) {
        if (!shares.isEmpty()) {
            return new Reason(
                    "property-share-exists",
                    "已有安居房产权份额信息，可直接打印，无需申请",
                    "Share information exists: print it, no application needed");
        }
        if (apps.stream().anyMatch(a -> "REVIEW".equals(a.status()))) {
            return new Reason(
                    "application-open", "已有一份安居房产权份额信息申请正在审核中", "An application is under review");
        }
        return null;
    }

    /** SZ-7: applies for share information when the city holds none; reviewed by the district. */
    public ShareApplicationView applyForShare(Caller caller, ShareRequest body) {
        AccountProfile me = citizen(caller);
        if (body == null) {
            throw ProblemException.invalidField(null, "请填写申请信息", "The application is missing");
        }
        List<FieldError> errors = new ArrayList<>();
        String project = required(errors, "project", body.project(), 100, "项目名称", "Project");
        String address = required(errors, "address", body.address(), 200, "房屋坐落", "Address");
        String district = district(errors, body.districtCode());
        String certificate = optional(errors, "certificateNo", body.certificateNo(), 40);
        String contract = optional(errors, "contractNo", body.contractNo(), 40);
        BigDecimal share = body.ownerSharePercent();
        if (share == null
                || share.signum() <= 0
                || share.compareTo(BigDecimal.valueOf(100)) >= 0
                || share.scale() > 2) {
            errors.add(
                    new FieldError(
                            "ownerSharePercent",
                            "请填写购房人产权份额（0 到 100 之间的百分比，最多两位小数）",
                            "The owner's share: a percentage above 0 and below 100, two decimals"));
        }
        BigDecimal area = body.areaM2();
        if (area != null && (area.signum() <= 0 || area.compareTo(BigDecimal.valueOf(10000)) > 0)) {
            errors.add(new FieldError("areaM2", "建筑面积不正确", "The floor area is wrong"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Reason refusal =
                shareApplyRefusal(
                        sharesOf(me.idNumber()),
                        tx.read(
                                em ->
                                        em.createQuery(
                                                        "SELECT a FROM ShareApplicationEntity a"
                                                                + " WHERE a.idNumber = :id AND"
                                                                + " a.status = 'REVIEW'",
                                                        ShareApplicationEntity.class)
                                                .setParameter("id", me.idNumber())
                                                .getResultList()));
        if (refusal != null) {
            throw ProblemException.conflict(
                    refusal.rule(), refusal.message(), refusal.messageEn(), null);
        }
        CaseRecord c =
                cases.create(
                        new NewCase(SHARE_CASE, me.id(), district, channel(body.channel()), null));
        Instant now = clock().instant();
        ShareApplicationEntity row = new ShareApplicationEntity(UUID.randomUUID().toString());
        row.accountId(me.id());
        row.idNumber(me.idNumber());
        row.openKey(me.idNumber());
        row.caseId(c.id());
        row.project(project);
        row.address(address);
        row.districtCode(district);
        row.certificateNo(certificate);
        row.contractNo(contract);
        row.areaM2(area);
        row.ownerShareBp(share.movePointRight(2).intValueExact());
        row.status("REVIEW");
        row.createdAt(now);
        row.updatedAt(now);
        try {
            tx.run(em -> em.persist(row));
        } catch (RuntimeException e) {
            // the unique OPEN_KEY: another application of the same person got in first
            throw ProblemException.conflict(
                    "application-open",
                    "已有一份安居房产权份额信息申请正在审核中",
                    "An application is under review",
                    null);
        }
        cases.submit(c.id(), me.id());
        record("shenzhen.share.applied", me.id(), "case:" + c.id(), null);
        ShareApplicationEntity saved =
                tx.read(em -> em.find(ShareApplicationEntity.class, row.id()));
        return view(saved);
    }

    /** SZ-7 on approval: the declared share becomes the city's share information, once. */
    void shareApproved(String caseId) {
        ShareApplicationEntity app = claim(ShareApplicationEntity.class, caseId, "APPROVED");
        if (app == null) {
            return;
        }
        AccountProfile holder = accounts.find(app.accountId()).orElseThrow();
        String shareId = UUID.randomUUID().toString();
        tx.run(
                em -> {
                    PropertyShareEntity s = new PropertyShareEntity(shareId);
                    s.idNumber(app.idNumber());
                    s.name(holder.name());
                    s.project(app.project());
                    s.address(app.address());
                    s.districtCode(app.districtCode());
                    s.certificateNo(app.certificateNo());
                    s.areaM2(app.areaM2());
                    s.ownerShareBp(app.ownerShareBp());
                    s.source("CASE");
                    s.caseId(caseId);
                    s.recordedAt(clock().instant());
                    em.persist(s);
                    em.find(ShareApplicationEntity.class, app.id()).shareId(shareId);
                });
        record("shenzhen.share.recorded", null, "case:" + caseId, null);
    }

    /**
     * SZ-7: prints the 安居房产权份额 certificate of share information the caller holds: the valid one
     * printed before, or a new one (valid one month, P-2) when there is none or it expired.
     *
     * @return the certificate and whether it was issued now
     */
    public Map.Entry<DocumentView, Boolean> printShare(Caller caller, String shareId) {
        AccountProfile me = citizen(caller);
        PropertyShareEntity share =
                shareId == null ? null : tx.read(em -> em.find(PropertyShareEntity.class, shareId));
        if (share == null || !me.idNumber().equals(share.idNumber())) {
            throw ProblemException.notFound(null);
        }
        if (share.documentId() != null) {
            Optional<IssuedDocument> before = documents.find(share.documentId());
            if (before.isPresent() && before.get().status() == DocumentStatus.VALID) {
                return Map.entry(DocumentView.of(before.get()), false);
            }
        }
        Map<String, String> v = new HashMap<>();
        v.put("idNumber", me.idNumber());
        v.put("project", share.project());
        v.put("address", share.address());
        v.put("certificateNo", share.certificateNo() == null ? "" : share.certificateNo());
        v.put("areaM2", share.areaM2() == null ? "" : share.areaM2().toPlainString());
        v.put("districtName", districtName(share.districtCode()));
        v.put("sourceText", "CASE".equals(share.source()) ? "经申请审核登记" : "住房保障部门登记");
        v.put("ownerSharePercent", percent(share.ownerShareBp()) + "%");
        v.put("governmentSharePercent", percent(10000 - share.ownerShareBp()) + "%");
        IssuedDocument d =
                documents.issue(
                        new IssueRequest(
                                SHARE_DOCUMENT, me.id(), share.districtCode(), share.caseId(), v));
        tx.run(em -> em.find(PropertyShareEntity.class, shareId).documentId(d.id()));
        record("shenzhen.share.printed", me.id(), "document:" + d.id(), d.number());
        return Map.entry(DocumentView.of(d), true);
    }

    // ---------------------------------------------------------------- SZ-8 power of attorney

    /** SZ-8: the caller's applications, the valid power of attorney and whether to apply. */
    public PoaOverview powersOfAttorney(Caller caller) {
        AccountProfile me = citizen(caller);
        List<PoaApplicationEntity> rows = poasOf(me.idNumber());
        List<PoaApplicationView> views = rows.stream().map(this::view).toList();
        PoaApplicationView current =
                views.stream().filter(PoaApplicationView::valid).findFirst().orElse(null);
        Reason reason = poaRefusal(rows);
        return new PoaOverview(
                views, current, reason == null, reason, REGISTRATION_TYPES, Guides.POA);
    }

    private Reason poaRefusal(List<PoaApplicationEntity> rows) {
        LocalDate today = CityMonth.today(clock());
        if (rows.stream().anyMatch(r -> valid(r, today))) {
            return new Reason(
                    "power-of-attorney-exists",
                    "已有有效的授权委托书，可直接打印，无需申请",
                    "A valid power of attorney exists: print it, no application needed");
        }
        if (rows.stream().anyMatch(r -> "REVIEW".equals(r.status()))) {
            return new Reason(
                    "application-open", "已有一份授权委托书申请正在审核中", "An application is under review");
        }
        return null;
    }

    private static boolean valid(PoaApplicationEntity r, LocalDate today) {
        return "APPROVED".equals(r.status())
                && r.validUntil() != null
                && !today.isAfter(r.validUntil());
    }

    /**
     * SZ-8: applies for a power of attorney when there is no valid one; reviewed by the district.
     */
    public PoaApplicationView applyForPoa(Caller caller, PoaRequest body) {
        AccountProfile me = citizen(caller);
        if (body == null) {
            throw ProblemException.invalidField(null, "请填写申请信息", "The application is missing");
        }
        List<FieldError> errors = new ArrayList<>();
        String agentName = required(errors, "agentName", body.agentName(), 50, "受托人姓名", "Agent");
        String agentId = trim(body.agentIdNumber());
        if (agentId == null || ResidentIdNumber.defect(agentId).isPresent()) {
            errors.add(
                    new FieldError(
                            "agentIdNumber",
                            "请填写受托人正确的身份证号码",
                            "The agent's resident ID number is invalid"));
        } else {
            agentId = ResidentIdNumber.normalize(agentId);
            if (agentId.equals(me.idNumber())) {
                errors.add(
                        new FieldError(
                                "agentIdNumber",
                                "受托人不能是委托人本人",
                                "The agent cannot be the principal"));
            }
        }
        String phone = trim(body.agentPhone());
        if (phone == null || !phone.matches("1\\d{10}")) {
            errors.add(
                    new FieldError("agentPhone", "请填写受托人 11 位手机号码", "The agent's 11-digit mobile"));
        }
        String relation =
                required(errors, "agentRelation", body.agentRelation(), 20, "与委托人关系", "Relation");
        String type = trim(body.registrationType());
        if (type == null || !REGISTRATION_TYPES.contains(type)) {
            errors.add(
                    new FieldError(
                            "registrationType",
                            "请选择委托办理的登记类型",
                            "Choose the registration entrusted"));
        }
        String reason = required(errors, "reason", body.reason(), 200, "委托原因", "Reason");
        String matters = optional(errors, "matters", body.matters(), 500);
        String property =
                required(errors, "propertyAddress", body.propertyAddress(), 200, "房屋坐落", "Address");
        String certificate = optional(errors, "certificateNo", body.certificateNo(), 40);
        String district = district(errors, body.districtCode());
        String principalAddress =
                required(
                        errors,
                        "principalAddress",
                        body.principalAddress(),
                        200,
                        "委托人通讯地址",
                        "Your postal address");
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Reason refusal = poaRefusal(poasOf(me.idNumber()));
        if (refusal != null) {
            throw ProblemException.conflict(
                    refusal.rule(), refusal.message(), refusal.messageEn(), null);
        }
        CaseRecord c =
                cases.create(
                        new NewCase(POA_CASE, me.id(), district, channel(body.channel()), null));
        Instant now = clock().instant();
        PoaApplicationEntity row = new PoaApplicationEntity(UUID.randomUUID().toString());
        row.accountId(me.id());
        row.idNumber(me.idNumber());
        row.openKey(me.idNumber());
        row.caseId(c.id());
        row.principalAddress(principalAddress);
        row.agentName(agentName);
        row.agentIdNumber(agentId);
        row.agentPhone(phone);
        row.agentRelation(relation);
        row.registrationType(type);
        row.reason(reason);
        row.matters(matters);
        row.propertyAddress(property);
        row.certificateNo(certificate);
        row.districtCode(district);
        row.status("REVIEW");
        row.createdAt(now);
        row.updatedAt(now);
        try {
            tx.run(em -> em.persist(row));
        } catch (RuntimeException e) {
            throw ProblemException.conflict(
                    "application-open", "已有一份授权委托书申请正在审核中", "An application is under review", null);
        }
        cases.submit(c.id(), me.id());
        record("shenzhen.poa.applied", me.id(), "case:" + c.id(), null);
        PoaApplicationEntity saved = tx.read(em -> em.find(PoaApplicationEntity.class, row.id()));
        return view(saved);
    }

    /**
     * SZ-8 on approval: the 授权委托书 (the core's generic type, three months) and the 深圳市不动产登记申请表 that
     * goes with it (same validity), exactly once.
     */
    void poaApproved(String caseId) {
        PoaApplicationEntity app = claim(PoaApplicationEntity.class, caseId, "APPROVED");
        if (app == null) {
            return;
        }
        AccountProfile me = accounts.find(app.accountId()).orElseThrow();
        LocalDate today = CityMonth.today(clock());
        String matters =
                app.matters() != null
                        ? app.matters()
                        : "1. 代为申请办理位于"
                                + app.propertyAddress()
                                + "的房屋的"
                                + app.registrationType()
                                + "；\n2. 代为提交、领取相关申请材料及不动产权证书、登记证明；\n3. 代为签署《深圳市不动产登记申请表》及询问笔录等相关文件。";
        Map<String, String> poa = new HashMap<>();
        poa.put("principalName", me.name());
        poa.put("principalIdNumber", me.idNumber());
        poa.put("principalPhone", me.mobile() == null ? "" : me.mobile());
        poa.put("principalAddress", app.principalAddress());
        poa.put("agentName", app.agentName());
        poa.put("agentIdNumber", app.agentIdNumber());
        poa.put("agentPhone", app.agentPhone());
        poa.put("agentRelation", app.agentRelation());
        poa.put("reason", app.reason());
        poa.put("matterTitle", "深圳市不动产" + app.registrationType());
        poa.put("entrustedMatters", matters);
        poa.put("periodFrom", today.toString());
        poa.put("periodTo", today.plusMonths(3).toString());
        poa.put("signedOn", "");
        IssuedDocument p =
                documents.issue(
                        new IssueRequest(POA_DOCUMENT, me.id(), app.districtCode(), caseId, poa));
        Map<String, String> form = new HashMap<>();
        form.put("receiptNo", "");
        form.put("registrationType", app.registrationType());
        form.put("powerOfAttorneyNo", p.number());
        form.put("idNumber", me.idNumber());
        form.put("principalPhone", me.mobile() == null ? "" : me.mobile());
        form.put("principalAddress", app.principalAddress());
        form.put("postalCode", "");
        form.put("agentName", app.agentName());
        form.put("agentIdNumber", app.agentIdNumber());
        form.put("agentPhone", app.agentPhone());
        form.put("agentRelation", app.agentRelation());
        form.put("propertyAddress", app.propertyAddress());
        form.put("districtName", districtName(app.districtCode()));
        form.put("certificateNo", app.certificateNo() == null ? "" : app.certificateNo());
        List<PropertyShareEntity> shares = sharesOf(me.idNumber());
        Optional<PropertyShareEntity> share =
                shares.stream().filter(s -> s.address().equals(app.propertyAddress())).findFirst();
        form.put("propertyNature", share.isPresent() ? "安居型商品房" : "");
        form.put(
                "shareText",
                share.map(
                                s ->
                                        "购房人 "
                                                + percent(s.ownerShareBp())
                                                + "%，政府 "
                                                + percent(10000 - s.ownerShareBp())
                                                + "%")
                        .orElse(""));
        form.put("reason", app.reason() + "，委托代理人办理" + app.registrationType() + "。");
        IssuedDocument f =
                documents.issue(
                        new IssueRequest(FORM_DOCUMENT, me.id(), app.districtCode(), caseId, form));
        tx.run(
                em -> {
                    PoaApplicationEntity r = em.find(PoaApplicationEntity.class, app.id());
                    r.poaDocumentId(p.id());
                    r.formDocumentId(f.id());
                    r.validUntil(p.validUntil());
                });
        record("shenzhen.poa.issued", null, "case:" + caseId, p.number() + " " + f.number());
    }

    // ---------------------------------------------------------------- cases

    /** A case of one of the three types was rejected or withdrawn: the application closes. */
    void closed(String caseId, String status) {
        for (Class<?> type :
                List.of(
                        RecordApplicationEntity.class,
                        ShareApplicationEntity.class,
                        PoaApplicationEntity.class)) {
            claim(type, caseId, status);
        }
    }

    /**
     * Moves the application of {@code caseId} from REVIEW to {@code status} and frees its open
     * place; null when it was not under review (already done, on this node or another: the row
     * version lets only one change it). This is what makes "issued on approval" happen once.
     */
    @SuppressWarnings("unchecked")
    <T> T claim(Class<T> type, String caseId, String status) {
        try {
            return tx.write(
                    em -> {
                        List<?> found =
                                em.createQuery(
                                                "SELECT a FROM "
                                                        + type.getSimpleName()
                                                        + " a WHERE a.caseId = :c")
                                        .setParameter("c", caseId)
                                        .getResultList();
                        if (found.isEmpty()) {
                            return null;
                        }
                        Object a = found.get(0);
                        Instant now = clock().instant();
                        if (a instanceof RecordApplicationEntity r && "REVIEW".equals(r.status())) {
                            r.status(status);
                            r.updatedAt(now);
                        } else if (a instanceof ShareApplicationEntity s
                                && "REVIEW".equals(s.status())) {
                            s.status(status);
                            s.openKey(null);
                            s.updatedAt(now);
                        } else if (a instanceof PoaApplicationEntity p
                                && "REVIEW".equals(p.status())) {
                            p.status(status);
                            p.openKey(null);
                            p.updatedAt(now);
                        } else {
                            return null;
                        }
                        em.flush();
                        return (T) a;
                    });
        } catch (RuntimeException e) {
            if (JpaTransactions.optimisticLockFailure(e)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * C-3: the withdrawn case's form data, erased (the month of a record application stays used).
     */
    void erase(String caseId) {
        tx.run(
                em -> {
                    for (RecordApplicationEntity r :
                            em.createQuery(
                                            "SELECT a FROM RecordApplicationEntity a WHERE"
                                                    + " a.caseId = :c",
                                            RecordApplicationEntity.class)
                                    .setParameter("c", caseId)
                                    .getResultList()) {
                        r.purpose(null);
                        r.status("WITHDRAWN");
                    }
                    for (ShareApplicationEntity s :
                            em.createQuery(
                                            "SELECT a FROM ShareApplicationEntity a WHERE"
                                                    + " a.caseId = :c",
                                            ShareApplicationEntity.class)
                                    .setParameter("c", caseId)
                                    .getResultList()) {
                        s.status("WITHDRAWN");
                        s.openKey(null);
                        s.project(null);
                        s.address(null);
                        s.certificateNo(null);
                        s.contractNo(null);
                        s.areaM2(null);
                        s.ownerShareBp(0);
                    }
                    for (PoaApplicationEntity p :
                            em.createQuery(
                                            "SELECT a FROM PoaApplicationEntity a WHERE"
                                                    + " a.caseId = :c",
                                            PoaApplicationEntity.class)
                                    .setParameter("c", caseId)
                                    .getResultList()) {
                        p.status("WITHDRAWN");
                        p.openKey(null);
                        p.principalAddress(null);
                        p.agentName(null);
                        p.agentIdNumber(null);
                        p.agentPhone(null);
                        p.agentRelation(null);
                        p.reason(null);
                        p.matters(null);
                        p.propertyAddress(null);
                        p.certificateNo(null);
                    }
                });
    }

    /**
     * The form of a case of the three types for its applicant or a caseworker who may act in its
     * region (personal data masked); 404 for anyone else.
     */
    public CaseForm caseForm(Caller caller, String caseId) {
        CaseRecord c = caseId == null ? null : cases.find(caseId).orElse(null);
        if (c == null
                || !List.of(RECORD_CASE, SHARE_CASE, POA_CASE).contains(c.typeId())
                || !(caller.accountId().equals(c.applicantId())
                        || regions.mayAct(caller, c.regionCode()))) {
            throw ProblemException.notFound(null);
        }
        AccountProfile applicant = accounts.find(c.applicantId()).orElseThrow();
        List<Field> fields = new ArrayList<>();
        List<PurchaseView> purchases = List.of();
        Function<String, String> id = ResidentIdNumber::mask;
        return tx.read(
                em -> {
                    switch (c.typeId()) {
                        case RECORD_CASE -> {
                            RecordApplicationEntity r =
                                    one(em, RecordApplicationEntity.class, caseId);
                            if (r != null) {
                                fields.add(field("purpose", "查询用途", "Purpose", r.purpose()));
                                fields.add(field("period", "申请月份", "Month", r.period()));
                            }
                            return new CaseForm(
                                    caseId,
                                    c.typeId(),
                                    Masking.name(applicant.name()),
                                    id.apply(applicant.idNumber()),
                                    fields,
                                    purchases(applicant.idNumber()).stream()
                                            .map(RecordsService::purchaseView)
                                            .toList());
                        }
                        case SHARE_CASE -> {
                            ShareApplicationEntity s =
                                    one(em, ShareApplicationEntity.class, caseId);
                            if (s != null) {
                                fields.add(field("project", "项目名称", "Project", s.project()));
                                fields.add(field("address", "房屋坐落", "Address", s.address()));
                                fields.add(
                                        field(
                                                "districtCode",
                                                "所在区",
                                                "District",
                                                districtName(s.districtCode())));
                                fields.add(
                                        field(
                                                "certificateNo",
                                                "不动产权证号",
                                                "Certificate",
                                                s.certificateNo()));
                                fields.add(
                                        field("contractNo", "购房合同编号", "Contract", s.contractNo()));
                                fields.add(
                                        field(
                                                "areaM2",
                                                "建筑面积（平方米）",
                                                "Area (m²)",
                                                s.areaM2() == null
                                                        ? null
                                                        : s.areaM2().toPlainString()));
                                fields.add(
                                        field(
                                                "ownerSharePercent",
                                                "购房人产权份额",
                                                "Owner's share",
                                                percent(s.ownerShareBp()) + "%"));
                            }
                        }
                        default -> {
                            PoaApplicationEntity p = one(em, PoaApplicationEntity.class, caseId);
                            if (p != null) {
                                fields.add(
                                        field(
                                                "agentName",
                                                "受托人",
                                                "Agent",
                                                Masking.name(p.agentName())));
                                fields.add(
                                        field(
                                                "agentIdNumber",
                                                "受托人身份证号",
                                                "Agent's ID number",
                                                p.agentIdNumber() == null
                                                        ? null
                                                        : id.apply(p.agentIdNumber())));
                                fields.add(
                                        field(
                                                "agentPhone",
                                                "受托人手机",
                                                "Agent's mobile",
                                                Masking.mobile(p.agentPhone())));
                                fields.add(
                                        field(
                                                "agentRelation",
                                                "与委托人关系",
                                                "Relation",
                                                p.agentRelation()));
                                fields.add(
                                        field(
                                                "registrationType",
                                                "登记类型",
                                                "Registration",
                                                p.registrationType()));
                                fields.add(field("reason", "委托原因", "Reason", p.reason()));
                                fields.add(field("matters", "委托事项", "Matters", p.matters()));
                                fields.add(
                                        field(
                                                "propertyAddress",
                                                "房屋坐落",
                                                "Address",
                                                p.propertyAddress()));
                                fields.add(
                                        field(
                                                "certificateNo",
                                                "不动产权证号",
                                                "Certificate",
                                                p.certificateNo()));
                            }
                        }
                    }
                    return new CaseForm(
                            caseId,
                            c.typeId(),
                            Masking.name(applicant.name()),
                            id.apply(applicant.idNumber()),
                            fields,
                            purchases);
                });
    }

    private static <T> T one(EntityManager em, Class<T> type, String caseId) {
        List<T> found =
                em.createQuery(
                                "SELECT a FROM " + type.getSimpleName() + " a WHERE a.caseId = :c",
                                type)
                        .setParameter("c", caseId)
                        .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Field field(String name, String zh, String en, String value) {
        return new Field(name, LocalizedText.of(zh, en), value);
    }

    // ---------------------------------------------------------------- views and helpers

    private RecordApplicationView view(RecordApplicationEntity r) {
        String number =
                r.caseId() == null
                        ? null
                        : cases.find(r.caseId()).map(CaseRecord::number).orElse(null);
        return new RecordApplicationView(
                r.id(),
                r.period(),
                r.purpose(),
                r.status(),
                statusText(r.status()),
                r.purchases() > 0,
                r.caseId(),
                number,
                document(r.documentId()),
                r.createdAt());
    }

    private ShareView view(PropertyShareEntity s) {
        return new ShareView(
                s.id(),
                s.project(),
                s.address(),
                s.districtCode(),
                s.certificateNo(),
                s.areaM2(),
                percent(s.ownerShareBp()),
                percent(10000 - s.ownerShareBp()),
                s.source(),
                document(s.documentId()));
    }

    private ShareApplicationView view(ShareApplicationEntity a) {
        return new ShareApplicationView(
                a.id(),
                a.caseId(),
                cases.find(a.caseId()).map(CaseRecord::number).orElse(null),
                a.status(),
                statusText(a.status()),
                a.project(),
                a.address(),
                a.ownerShareBp() == 0 ? null : percent(a.ownerShareBp()),
                a.createdAt());
    }

    private PoaApplicationView view(PoaApplicationEntity p) {
        return new PoaApplicationView(
                p.id(),
                p.caseId(),
                cases.find(p.caseId()).map(CaseRecord::number).orElse(null),
                p.status(),
                statusText(p.status()),
                Masking.name(p.agentName()),
                p.agentIdNumber() == null ? null : ResidentIdNumber.mask(p.agentIdNumber()),
                p.agentRelation(),
                p.registrationType(),
                p.propertyAddress(),
                p.validUntil(),
                valid(p, CityMonth.today(clock())),
                document(p.poaDocumentId()),
                document(p.formDocumentId()),
                p.createdAt());
    }

    static PurchaseView purchaseView(PolicyPurchaseEntity p) {
        return new PurchaseView(
                p.housingType(),
                typeName(p.housingType()),
                p.project(),
                p.address(),
                p.districtCode(),
                p.purchasedOn());
    }

    private DocumentView document(String id) {
        return id == null ? null : documents.find(id).map(DocumentView::of).orElse(null);
    }

    static LocalizedText statusText(String status) {
        return switch (status) {
            case "ISSUED" -> LocalizedText.of("已出具", "Issued");
            case "ISSUING" -> LocalizedText.of("出具中", "Being issued");
            case "REVIEW" -> LocalizedText.of("审核中", "Under review");
            case "APPROVED" -> LocalizedText.of("审核通过", "Approved");
            case "REJECTED" -> LocalizedText.of("审核不通过", "Rejected");
            case "WITHDRAWN" -> LocalizedText.of("已放弃", "Withdrawn");
            default -> LocalizedText.of(status, status);
        };
    }

    static LocalizedText typeName(String housingType) {
        return switch (housingType) {
            case "ANJU" -> LocalizedText.of("安居型商品房", "Affordable home (Anju)");
            case "JINGJI" -> LocalizedText.of("经济适用住房", "Economic home");
            case "RENCAI" -> LocalizedText.of("人才住房", "Talent home");
            default -> LocalizedText.of("其他政策性住房", "Other policy housing");
        };
    }

    static BigDecimal percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    List<PolicyPurchaseEntity> purchases(String idNumber) {
        return tx
                .read(
                        em ->
                                em.createQuery(
                                                "SELECT p FROM PolicyPurchaseEntity p WHERE p.idNumber ="
                                                        + " :id",
                                                PolicyPurchaseEntity.class)
                                        .setParameter("id", idNumber)
                                        .getResultList())
                .stream()
                .sorted(Comparator.comparing(PolicyPurchaseEntity::purchasedOn))
                .toList();
    }

    private List<PropertyShareEntity> sharesOf(String idNumber) {
        return tx.read(
                em ->
                        em.createQuery(
                                        "SELECT s FROM PropertyShareEntity s WHERE s.idNumber ="
                                                + " :id ORDER BY s.recordedAt",
                                        PropertyShareEntity.class)
                                .setParameter("id", idNumber)
                                .getResultList());
    }

    private List<PoaApplicationEntity> poasOf(String idNumber) {
        return tx.read(
                em ->
                        em.createQuery(
                                        "SELECT a FROM PoaApplicationEntity a WHERE a.idNumber ="
                                                + " :id ORDER BY a.createdAt DESC",
                                        PoaApplicationEntity.class)
                                .setParameter("id", idNumber)
                                .getResultList());
    }

    private AccountProfile citizen(Caller caller) {
        return accounts.find(caller.accountId())
                .filter(a -> a.idNumber() != null)
                .orElseThrow(
                        () ->
                                ProblemException.forbidden(
                                        "仅限实名认证的个人用户办理", "For verified citizens only"));
    }

    private String district(List<FieldError> errors, String code) {
        String c = trim(code);
        Optional<Region> r = c == null ? Optional.empty() : regions.region(c);
        if (r.isEmpty()
                || !("DISTRICT".equals(r.get().level()) || "COUNTY".equals(r.get().level()))
                || !regions.covers(SHENZHEN, c)) {
            errors.add(
                    new FieldError(
                            "districtCode",
                            "请选择房屋所在的深圳市辖区",
                            "Choose the Shenzhen district of the home"));
            return null;
        }
        return c;
    }

    /** Whether {@code code} is a district (or county) of Shenzhen. */
    boolean isShenzhenDistrict(String code) {
        List<FieldError> errors = new ArrayList<>();
        district(errors, code);
        return errors.isEmpty();
    }

    String districtName(String code) {
        if (code == null) {
            return "深圳市";
        }
        return regions.region(code).map(r -> r.name().zh()).orElse(code);
    }

    private static String required(
            List<FieldError> errors, String field, String value, int max, String zh, String en) {
        String v = trim(value);
        if (v == null || v.length() > max) {
            errors.add(
                    new FieldError(
                            field,
                            "请填写" + zh + "（不超过 " + max + " 个字）",
                            en + " is required (at most " + max + " characters)"));
            return null;
        }
        return v;
    }

    private static String optional(List<FieldError> errors, String field, String value, int max) {
        String v = trim(value);
        if (v != null && v.length() > max) {
            errors.add(
                    new FieldError(field, "不能超过 " + max + " 个字", "At most " + max + " characters"));
        }
        return v;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static Channel channel(String text) {
        return "MOBILE".equalsIgnoreCase(text) ? Channel.MOBILE : Channel.PC;
    }

    private static String join(
            List<PolicyPurchaseEntity> list, Function<PolicyPurchaseEntity, String> f) {
        return String.join("\n", list.stream().map(f).toList());
    }

    private void record(String action, String actor, String target, String detail) {
        AuditLog a = audit;
        if (a != null) {
            try {
                a.record(action, actor, target, null, detail);
            } catch (RuntimeException e) {
                LOG.warn("Audit entry {} not recorded", action, e);
            }
        }
    }

    /** Reads a template resource of this package. */
    static String template(String name) {
        try (InputStream in =
                RecordsService.class.getResourceAsStream("templates/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("Template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
