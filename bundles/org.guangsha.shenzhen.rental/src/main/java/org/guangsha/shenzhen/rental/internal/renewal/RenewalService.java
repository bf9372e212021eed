package org.guangsha.shenzhen.rental.internal.renewal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.EconomicStatusProvider;
import org.guangsha.platform.casework.EconomicStatusQuery;
import org.guangsha.platform.casework.EconomicStatusReport;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningRequest;
import org.guangsha.platform.document.SigningService;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.Lessees;
import org.guangsha.shenzhen.rental.internal.MaritalStatus;
import org.guangsha.shenzhen.rental.internal.RentalConfiguration;
import org.guangsha.shenzhen.rental.internal.Views.HomeView;
import org.guangsha.shenzhen.rental.internal.Views.ResidentView;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.CaseForm;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.CheckView;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.ConfirmationRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.DeclarationRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.DocumentsRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.Finding;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.Overview;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.RenewalView;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.SigningStarted;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.StartRequest;
import org.guangsha.shenzhen.rental.internal.store.HomeEntity;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
import org.guangsha.shenzhen.rental.internal.store.ResidentEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease renewal (个人租赁合同续签, SZ-2): the policy branch (SZ-2 a) with the core's {@link
 * EconomicStatusProvider}, the steps in their order (SZ-2 b) ending in a core case reviewed by the
 * district of the home, then the contract signed in the core's ceremony and approved by a
 * caseworker before the new term applies (SZ-2 c). Every access asks {@link Lessees#lease}: someone
 * else's lease reads as no lease (404).
 */
@Component(service = RenewalService.class, configurationPid = RentalConfiguration.PID)
public class RenewalService {

    /** The renewal application's case type (SZ-2 b). */
    public static final String RENEWAL_CASE = "shenzhen-lease-renewal";

    /** The signed renewal contract's case type (SZ-2 c): the caseworker approves the contract. */
    public static final String CONTRACT_CASE = "shenzhen-lease-renewal-contract";

    /** The core's generic lease contract, signed in the ceremony. */
    public static final String CONTRACT_DOCUMENT = "lease-contract";

    /** The module the ceremony belongs to. */
    public static final String MODULE = "shenzhen-rental";

    /** The commitment letter (承诺书, SZ-2 c), read and typed in the ceremony. */
    public static final String COMMITMENT =
            "本人承诺：在续约申请中提交的住房、承租人、其他入住人及婚姻状况等信息真实、准确、完整；"
                    + "续约后所租住房仅用于本家庭自住，按时缴纳租金及相关费用，"
                    + "不转租、转借、擅自调换、闲置或者改变房屋用途。"
                    + "如有违反，愿按合同约定及有关规定承担责任。";

    /** The renewal instructions (操作说明, seed 001). */
    public static final LocalizedText GUIDE =
            LocalizedText.of(
                    "原政策承租人可选择“按照原政策执行”续租，或先申请经济状况核对（收入财产核对），核对报告符合要求后按新政策续租；"
                            + "新政策承租人须核对报告符合要求方可续租。依次完成：申请声明（勾选个人续约声明，我已阅知）→ 确认续约信息"
                            + "（住房、承租人、其他入住人、续约信息，尤其是婚姻状况）→ 上传承租人身份证正、反面 → 提交。"
                            + "审核通过后在“个人租赁合同签订”中签订续约合同，业务人员审批后新租期生效，可在“我的”中查看、下载、打印合同。",
                    "Old-policy tenants renew under the old policy, or apply for the income-and-asset"
                            + " check first and, once the report passes, renew under the new policy;"
                            + " new-policy tenants renew when the report qualifies. Steps: the"
                            + " declaration, confirming the details (marriage status especially),"
                            + " the ID card's two sides, submit. After approval sign the contract;"
                            + " once a caseworker approves it the new term applies.");

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(RenewalService.class);

    private final JpaTransactions tx;
    private final Lessees lessees;
    private final CaseService cases;
    private final AttachmentService attachments;
    private final SigningService signing;
    private final AccountDirectory accounts;
    private final Regions regions;
    private final Clock fixedClock;
    private volatile RenewalSettings settings;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clockService;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EconomicStatusProvider economic;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    /** Built by DS. */
    @Activate
    public RenewalService(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema,
            @Reference Lessees lessees,
            @Reference CaseService cases,
            @Reference AttachmentService attachments,
            @Reference SigningService signing,
            @Reference AccountDirectory accounts,
            @Reference Regions regions,
            RentalConfiguration config) {
        this(
                new JpaTransactions(emf),
                lessees,
                cases,
                attachments,
                signing,
                accounts,
                regions,
                null,
                RenewalSettings.of(config));
    }

    /** The city changed its settings: renewals started from now on follow them. */
    @Modified
    void modified(RentalConfiguration config) {
        settings = RenewalSettings.of(config);
    }

    /** For tests (one DS constructor only: SCR must not choose between two of one arity). */
    public static RenewalService forTests(
            JpaTransactions tx,
            Lessees lessees,
            CaseService cases,
            AttachmentService attachments,
            SigningService signing,
            AccountDirectory accounts,
            Regions regions,
            Clock clock) {
        return new RenewalService(
                tx,
                lessees,
                cases,
                attachments,
                signing,
                accounts,
                regions,
                clock,
                RenewalSettings.DEFAULTS);
    }

    /** For tests: {@code clock} fixed (null: the Clock service or the system's). */
    private RenewalService(
            JpaTransactions tx,
            Lessees lessees,
            CaseService cases,
            AttachmentService attachments,
            SigningService signing,
            AccountDirectory accounts,
            Regions regions,
            Clock clock,
            RenewalSettings settings) {
        this.tx = tx;
        this.lessees = lessees;
        this.cases = cases;
        this.attachments = attachments;
        this.signing = signing;
        this.accounts = accounts;
        this.regions = regions;
        this.fixedClock = clock;
        this.settings = settings;
    }

    /** For tests: the economic-status service. */
    void economic(EconomicStatusProvider provider) {
        this.economic = provider;
    }

    Clock clock() {
        if (fixedClock != null) {
            return fixedClock;
        }
        Clock c = clockService;
        return c != null ? c : Clock.system(CITY);
    }

    // ------------------------------------------------------------------------------ overview

    /** The lease as it would be renewed, the latest check, the renewal and the open tracks. */
    public Overview overview(Caller caller, String leaseId) {
        LeaseEntity lease = lease(caller, leaseId);
        RenewalEntity signingNow = tx.read(em -> open(em, lease.id()));
        if (signingNow != null
                && "SIGNING".equals(signingNow.status())
                && signingNow.signingId() != null) {
            // catch up with a signature the SigningListener missed
            signing.find(signingNow.signingId(), caller.accountId())
                    .filter(f -> f.documentId() != null)
                    .ifPresent(f -> contractSigned(f, f.documentId()));
        }
        return tx.read(em -> overview(em, lease));
    }

    private Overview overview(EntityManager em, LeaseEntity l) {
        HomeEntity h = em.find(HomeEntity.class, l.homeId());
        EconomicCheckEntity check = latestCheck(em, l.id());
        RenewalEntity r = latest(em, l.id());
        List<String> options = options(l, check);
        LocalizedText reason = null;
        if (!"ACTIVE".equals(l.status())) {
            options = List.of();
            reason = LocalizedText.of("该租赁合同已终止，不能续约", "The lease has ended");
        } else if (options.isEmpty()) {
            reason = checkReason(check);
        }
        return new Overview(
                l.id(),
                l.leaseNo(),
                home(h),
                Masking.name(l.lesseeName()),
                ResidentIdNumber.mask(l.lesseeId()),
                l.maritalStatus(),
                l.policy(),
                l.startDate(),
                l.endDate(),
                l.rentFen(),
                residents(em, l.id()),
                newEnd(l.endDate()),
                options,
                reason,
                check == null ? null : view(check),
                r == null ? null : view(r),
                GUIDE,
                COMMITMENT);
    }

    /** SZ-2 a: OLD leases may renew under OLD; either renews under NEW after a passed report. */
    static List<String> options(LeaseEntity l, EconomicCheckEntity check) {
        List<String> out = new ArrayList<>();
        if ("OLD".equals(l.policy())) {
            out.add("OLD");
        }
        if (check != null && check.passed()) {
            out.add("NEW");
        }
        return out;
    }

    private static LocalizedText checkReason(EconomicCheckEntity check) {
        if (check == null) {
            return LocalizedText.of(
                    "新政策承租人须先申请经济状况核对，核对报告符合要求后方可续约",
                    "New-policy tenants need a qualifying income-and-asset report first");
        }
        return LocalizedText.of(
                "经济状况核对报告不符合续约要求（报告编号 " + check.reportNumber() + "）",
                "The income-and-asset report does not qualify (" + check.reportNumber() + ")");
    }

    /** The renewed term ends {@code renewal.term.years} (three by default) after the old end. */
    LocalDate newEnd(LocalDate oldEnd) {
        return oldEnd.plusYears(settings.termYears());
    }

    // ------------------------------------------------------------------------ economic check

    /**
     * SZ-2 a: asks the core's {@link EconomicStatusProvider} about the lessee and the co-residents
     * and keeps the report. 503 {@code economic-check-unavailable} without a provider or when it
     * fails (the lessee may try again).
     */
    public CheckView check(Caller caller, String leaseId) {
        LeaseEntity l = lease(caller, leaseId);
        requireActive(l);
        EconomicStatusProvider provider = economic;
        if (provider == null) {
            throw unavailable();
        }
        List<EconomicStatusQuery.Member> members = new ArrayList<>();
        members.add(new EconomicStatusQuery.Member(l.lesseeName(), l.lesseeId()));
        String region =
                tx.read(
                        em -> {
                            for (ResidentEntity r : people(em, l.id())) {
                                members.add(new EconomicStatusQuery.Member(r.name(), r.idNumber()));
                            }
                            HomeEntity h = em.find(HomeEntity.class, l.homeId());
                            return h == null ? "440300" : h.districtCode();
                        });
        EconomicStatusReport report;
        try {
            report = provider.check(new EconomicStatusQuery(null, region, members));
        } catch (RuntimeException e) {
            LOG.warn("Economic-status check of lease {} failed", l.id(), e);
            throw unavailable();
        }
        EconomicCheckEntity row = new EconomicCheckEntity(UUID.randomUUID().toString());
        row.leaseId(l.id());
        row.accountId(caller.accountId());
        row.providerId(report.providerId() == null ? provider.id() : report.providerId());
        row.reportNumber(report.reportNumber());
        row.passed(report.passed());
        row.findings(findingsJson(report.findings()));
        row.checkedAt(report.checkedAt() == null ? clock().instant() : report.checkedAt());
        tx.run(em -> em.persist(row));
        audit(
                "shenzhen-rental.renewal.economic-check",
                caller.accountId(),
                "lease:" + l.id(),
                "report=" + row.reportNumber() + " passed=" + row.passed());
        return view(row);
    }

    private static ProblemException unavailable() {
        return new ProblemException(
                new org.guangsha.platform.rest.Problem(
                        org.guangsha.platform.rest.Problem.type("economic-check-unavailable"),
                        "经济状况核对服务暂时不可用，请稍后再试",
                        "The income-and-asset check is not available; try again later",
                        503,
                        null,
                        null,
                        null));
    }

    // -------------------------------------------------------------------------------- steps

    /**
     * Starts a renewal under {@code track} (SZ-2 a). One open renewal per lease, by the unique
     * {@code OPEN_KEY}: 409 {@code renewal-open}. OLD only for old-policy leases; NEW only after a
     * passed report (409 {@code economic-check-required} / {@code economic-check-failed}).
     */
    public RenewalView start(Caller caller, String leaseId, StartRequest body) {
        LeaseEntity l = lease(caller, leaseId);
        requireActive(l);
        String track = body == null || body.track() == null ? null : body.track().trim();
        if (!"OLD".equals(track) && !"NEW".equals(track)) {
            throw ProblemException.invalidField(
                    "track", "请选择续约政策（OLD 原政策 / NEW 新政策）", "track must be OLD or NEW");
        }
        EconomicCheckEntity check = tx.read(em -> latestCheck(em, l.id()));
        if ("OLD".equals(track) && !"OLD".equals(l.policy())) {
            throw ProblemException.conflict(
                    "old-policy-not-applicable",
                    "新政策承租人不能按照原政策续约",
                    "A new-policy lease cannot renew under the old policy",
                    "policy=" + l.policy());
        }
        if ("NEW".equals(track)) {
            if (check == null) {
                throw ProblemException.conflict(
                        "economic-check-required",
                        "请先申请经济状况核对，核对报告符合要求后方可按新政策续约",
                        "Apply for the income-and-asset check first",
                        null);
            }
            if (!check.passed()) {
                throw ProblemException.conflict(
                        "economic-check-failed",
                        "经济状况核对报告不符合续约要求",
                        "The income-and-asset report does not qualify",
                        "report=" + check.reportNumber());
            }
        }
        if (tx.read(em -> open(em, l.id())) != null) {
            throw renewalOpen();
        }
        Instant now = clock().instant();
        RenewalEntity r = new RenewalEntity(UUID.randomUUID().toString());
        r.leaseId(l.id());
        r.openKey(l.id());
        r.accountId(caller.accountId());
        r.track(track);
        r.status("DRAFT");
        r.checkId("NEW".equals(track) ? check.id() : null);
        r.maritalStatus(l.maritalStatus());
        String region = tx.read(em -> em.find(HomeEntity.class, l.homeId()).districtCode());
        r.regionCode(region);
        r.oldEndDate(l.endDate());
        r.newEndDate(newEnd(l.endDate()));
        r.createdAt(now);
        r.updatedAt(now);
        try {
            tx.run(em -> em.persist(r));
        } catch (RuntimeException e) {
            // SZ-2: the unique OPEN_KEY refused a second open renewal (two requests at once)
            if (tx.read(em -> open(em, l.id())) != null) {
                throw renewalOpen();
            }
            throw e;
        }
        audit("shenzhen-rental.renewal.started", caller.accountId(), "renewal:" + r.id(), track);
        return view(r);
    }

    private static ProblemException renewalOpen() {
        return ProblemException.conflict(
                "renewal-open", "该租赁合同已有进行中的续约申请", "This lease has a renewal in progress", null);
    }

    /** SZ-2 b, step 1: the declaration accepted (勾选声明, 我已阅知). */
    public RenewalView declare(Caller caller, String leaseId, DeclarationRequest body) {
        if (body == null || !Boolean.TRUE.equals(body.accepted())) {
            throw ProblemException.invalidField(
                    "accepted", "请勾选个人续约声明", "Accept the renewal declaration");
        }
        return step(caller, leaseId, "DRAFT", "DECLARED", r -> r.declaredAt(clock().instant()));
    }

    /** SZ-2 b, step 2: the details confirmed, the marriage status especially. */
    public RenewalView confirm(Caller caller, String leaseId, ConfirmationRequest body) {
        if (body == null || !Boolean.TRUE.equals(body.confirmed())) {
            throw ProblemException.invalidField(
                    "confirmed", "请确认续约信息", "Confirm the renewal details");
        }
        String marital = body.maritalStatus() == null ? null : body.maritalStatus().trim();
        if (marital == null || !MaritalStatus.WORDS.contains(marital)) {
            throw ProblemException.invalidField(
                    "maritalStatus",
                    "请确认婚姻状况（未婚、已婚、离异、丧偶）",
                    "Confirm the marriage status (未婚, 已婚, 离异, 丧偶)");
        }
        return step(
                caller,
                leaseId,
                "DECLARED",
                "CONFIRMED",
                r -> {
                    r.maritalStatus(marital);
                    r.confirmedAt(clock().instant());
                });
    }

    /** SZ-2 b, step 3: the ID card's front and back, the lessee's own core attachments. */
    public RenewalView documents(Caller caller, String leaseId, DocumentsRequest body) {
        String front = body == null ? null : body.idFrontId();
        String back = body == null ? null : body.idBackId();
        ownAttachment(caller, front, AttachmentKinds.ID_CARD_FRONT, "idFrontId", "身份证正面");
        ownAttachment(caller, back, AttachmentKinds.ID_CARD_BACK, "idBackId", "身份证反面");
        return step(
                caller,
                leaseId,
                "CONFIRMED",
                "DOCUMENTS",
                r -> {
                    r.idFrontId(front);
                    r.idBackId(back);
                });
    }

    private void ownAttachment(Caller caller, String id, String kind, String field, String label) {
        Optional<Attachment> a =
                id == null || id.isBlank() ? Optional.empty() : attachments.find(caller, id);
        if (a.isEmpty()
                || !caller.accountId().equals(a.get().ownerId())
                || !kind.equals(a.get().kind())) {
            throw ProblemException.invalidField(
                    field, "请上传承租人" + label, "Upload the lessee's ID card (" + kind + ")");
        }
    }

    /**
     * SZ-2 b, step 4: submits. A core case of the district of the home (C-2) with the ID card's two
     * sides filed; the answer's message is 您的续约申请已经提交成功.
     */
    public RenewalView submit(Caller caller, String leaseId) {
        LeaseEntity l = lease(caller, leaseId);
        RenewalEntity r = tx.read(em -> open(em, l.id()));
        if (r == null || !"DOCUMENTS".equals(r.status())) {
            throw outOfOrder(r, "DOCUMENTS");
        }
        String caseId = r.caseId();
        if (caseId == null) {
            CaseRecord c =
                    cases.create(
                            new NewCase(
                                    RENEWAL_CASE,
                                    caller.accountId(),
                                    r.regionCode(),
                                    Channel.PC,
                                    null));
            caseId = c.id();
            String id = caseId;
            update(r.id(), row -> row.caseId(id));
        }
        attachments.fileWithCase(caseId, caller.accountId(), List.of(r.idFrontId(), r.idBackId()));
        // the row says REVIEW before the case is submitted, so a quick approval finds it
        update(
                r.id(),
                row -> {
                    row.status("REVIEW");
                    row.submittedAt(clock().instant());
                });
        try {
            cases.submit(caseId, caller.accountId());
        } catch (RuntimeException e) {
            update(r.id(), row -> row.status("DOCUMENTS"));
            throw e;
        }
        audit("shenzhen-rental.renewal.submitted", caller.accountId(), "renewal:" + r.id(), caseId);
        RenewalView v = view(reload(r.id()));
        return withMessage(v, "您的续约申请已经提交成功");
    }

    /**
     * SZ-2 c: starts (or resumes) the signing ceremony of the approved renewal's contract; the
     * lessee walks it at {@code /api/signing/{id}} (confirm, commitment read and typed, face by
     * phone, contract read, signature). 409 before approval.
     */
    public SigningStarted startSigning(Caller caller, String leaseId) {
        LeaseEntity l = lease(caller, leaseId);
        RenewalEntity r = tx.read(em -> open(em, l.id()));
        if (r == null || !("APPROVED".equals(r.status()) || "SIGNING".equals(r.status()))) {
            throw outOfOrder(r, "APPROVED");
        }
        if (r.signingId() != null) {
            Optional<SigningFlow> flow = signing.find(r.signingId(), caller.accountId());
            if (flow.isPresent() && flow.get().expiresAt().isAfter(clock().instant())) {
                return new SigningStarted(r.id(), flow.get().id(), flow.get().step().name());
            }
        }
        Map<String, String> values = tx.read(em -> contractValues(em, l, r));
        SigningFlow flow =
                signing.start(
                        new SigningRequest(
                                MODULE,
                                r.id(),
                                caller.accountId(),
                                CONTRACT_DOCUMENT,
                                values,
                                "tenant",
                                COMMITMENT,
                                settings.readCommitment(),
                                settings.readContract(),
                                r.regionCode(),
                                r.caseId()));
        update(
                r.id(),
                row -> {
                    row.signingId(flow.id());
                    row.status("SIGNING");
                });
        return new SigningStarted(r.id(), flow.id(), flow.step().name());
    }

    /**
     * The ceremony signed the contract (core {@code SigningListener}): the renewal becomes SIGNED
     * and a case for the caseworker's approval of the contract is submitted (SZ-2 c).
     */
    void contractSigned(SigningFlow flow, String documentId) {
        if (!MODULE.equals(flow.module()) || !CONTRACT_DOCUMENT.equals(flow.documentTypeId())) {
            return;
        }
        RenewalEntity r = reload(flow.reference());
        if (r == null || !flow.id().equals(r.signingId()) || !"SIGNING".equals(r.status())) {
            return;
        }
        CaseRecord c =
                cases.create(
                        new NewCase(
                                CONTRACT_CASE, r.accountId(), r.regionCode(), Channel.PC, null));
        boolean mine =
                tx.write(
                        em -> {
                            RenewalEntity row = em.find(RenewalEntity.class, r.id());
                            if (!"SIGNING".equals(row.status())) {
                                return false;
                            }
                            row.status("SIGNED");
                            row.contractDocumentId(documentId);
                            row.contractCaseId(c.id());
                            row.signedAt(clock().instant());
                            row.updatedAt(clock().instant());
                            return true;
                        });
        if (mine) {
            cases.submit(c.id(), r.accountId());
            audit("shenzhen-rental.renewal.signed", r.accountId(), "renewal:" + r.id(), documentId);
        }
    }

    /** The renewal case was approved: the lessee may sign (SZ-2 c). */
    void renewalApproved(String caseId) {
        transition(caseId, false, "REVIEW", "APPROVED", r -> {});
    }

    /**
     * The signed contract was approved: the new term applies (END_DATE extended; POLICY NEW when
     * renewed under the new policy) and the renewal is closed. Decided by the SIGNED → RENEWED
     * change of the row, so the lease is extended once even when told twice.
     */
    void contractApproved(String caseId) {
        tx.run(
                em -> {
                    RenewalEntity r = byCase(em, caseId, true);
                    if (r == null || !"SIGNED".equals(r.status())) {
                        return;
                    }
                    LeaseEntity l = em.find(LeaseEntity.class, r.leaseId());
                    l.endDate(r.newEndDate());
                    l.policy(r.track());
                    if (MaritalStatus.WORDS.contains(r.maritalStatus())) {
                        l.maritalStatus(r.maritalStatus());
                    }
                    l.updatedAt(clock().instant());
                    r.status("RENEWED");
                    r.openKey(null);
                    r.renewedAt(clock().instant());
                    r.updatedAt(clock().instant());
                });
        audit("shenzhen-rental.renewal.renewed", null, "case:" + caseId, null);
    }

    /** A renewal or contract case was rejected or withdrawn: the renewal ends, the lease stays. */
    void closed(String caseId, String status) {
        for (boolean contract : new boolean[] {false, true}) {
            tx.run(
                    em -> {
                        RenewalEntity r = byCase(em, caseId, contract);
                        if (r != null && r.openKey() != null) {
                            r.status(status);
                            r.openKey(null);
                            r.updatedAt(clock().instant());
                        }
                    });
        }
    }

    /** C-3: a withdrawn renewal's confirmed details are erased. */
    void erase(String caseId) {
        tx.run(
                em -> {
                    RenewalEntity r = byCase(em, caseId, false);
                    if (r != null) {
                        r.maritalStatus(null);
                        r.idFrontId(null);
                        r.idBackId(null);
                    }
                });
    }

    /** The masked review form of a renewal or contract case: its applicant and its caseworkers. */
    public CaseForm caseForm(Caller caller, String caseId) {
        CaseRecord c =
                cases.find(caseId)
                        .filter(
                                x ->
                                        RENEWAL_CASE.equals(x.typeId())
                                                || CONTRACT_CASE.equals(x.typeId()))
                        .orElseThrow(() -> ProblemException.notFound("case " + caseId));
        if (caller == null
                || !(caller.accountId().equals(c.applicantId())
                        || regions.mayAct(caller, c.regionCode()))) {
            throw ProblemException.notFound("case " + caseId);
        }
        boolean contract = CONTRACT_CASE.equals(c.typeId());
        return tx.read(
                em -> {
                    RenewalEntity r = byCase(em, caseId, contract);
                    if (r == null) {
                        throw ProblemException.notFound("case " + caseId);
                    }
                    LeaseEntity l = em.find(LeaseEntity.class, r.leaseId());
                    EconomicCheckEntity check =
                            r.checkId() == null
                                    ? null
                                    : em.find(EconomicCheckEntity.class, r.checkId());
                    return new CaseForm(
                            caseId,
                            c.typeId(),
                            l.leaseNo(),
                            Masking.name(l.lesseeName()),
                            ResidentIdNumber.mask(l.lesseeId()),
                            r.track(),
                            l.policy(),
                            r.maritalStatus(),
                            home(em.find(HomeEntity.class, l.homeId())),
                            residents(em, l.id()),
                            r.oldEndDate(),
                            r.newEndDate(),
                            check == null ? null : view(check),
                            r.contractDocumentId(),
                            null);
                });
    }

    // ------------------------------------------------------------------------------ helpers

    private LeaseEntity lease(Caller caller, String leaseId) {
        return lessees.lease(caller, leaseId)
                .orElseThrow(() -> ProblemException.notFound("lease " + leaseId));
    }

    private static void requireActive(LeaseEntity l) {
        if (!"ACTIVE".equals(l.status())) {
            throw ProblemException.conflict(
                    "lease-ended", "该租赁合同已终止，不能续约", "The lease has ended", null);
        }
    }

    /** SZ-2 b: a step only after the one before it, else 409 {@code renewal-step-out-of-order}. */
    private RenewalView step(
            Caller caller, String leaseId, String from, String to, Consumer<RenewalEntity> change) {
        LeaseEntity l = lease(caller, leaseId);
        RenewalEntity r = tx.read(em -> open(em, l.id()));
        if (r == null || !from.equals(r.status())) {
            throw outOfOrder(r, from);
        }
        boolean done =
                tx.write(
                        em -> {
                            RenewalEntity row = em.find(RenewalEntity.class, r.id());
                            if (!from.equals(row.status())) {
                                return false;
                            }
                            change.accept(row);
                            row.status(to);
                            row.updatedAt(clock().instant());
                            return true;
                        });
        if (!done) {
            throw outOfOrder(reload(r.id()), from);
        }
        return view(reload(r.id()));
    }

    private static ProblemException outOfOrder(RenewalEntity r, String expected) {
        if (r == null) {
            return ProblemException.conflict(
                    "renewal-step-out-of-order",
                    "请先选择续约政策并发起续约申请",
                    "Start a renewal first",
                    "no open renewal");
        }
        return ProblemException.conflict(
                "renewal-step-out-of-order",
                "请按顺序完成续约步骤（当前：" + statusText(r.status()).zh() + "）",
                "Take the renewal's steps in order (now: " + r.status() + ")",
                "status=" + r.status() + ", expected=" + expected);
    }

    private void transition(
            String caseId,
            boolean contract,
            String from,
            String to,
            Consumer<RenewalEntity> change) {
        tx.run(
                em -> {
                    RenewalEntity r = byCase(em, caseId, contract);
                    if (r != null && from.equals(r.status())) {
                        change.accept(r);
                        r.status(to);
                        r.updatedAt(clock().instant());
                    }
                });
    }

    private void update(String id, Consumer<RenewalEntity> change) {
        tx.run(
                em -> {
                    RenewalEntity r = em.find(RenewalEntity.class, id);
                    change.accept(r);
                    r.updatedAt(clock().instant());
                });
    }

    private RenewalEntity reload(String id) {
        return tx.read(em -> em.find(RenewalEntity.class, id));
    }

    private static RenewalEntity open(EntityManager em, String leaseId) {
        List<RenewalEntity> rows =
                em.createQuery(
                                "SELECT r FROM RenewalEntity r WHERE r.openKey = :k",
                                RenewalEntity.class)
                        .setParameter("k", leaseId)
                        .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static RenewalEntity latest(EntityManager em, String leaseId) {
        RenewalEntity o = open(em, leaseId);
        if (o != null) {
            return o;
        }
        List<RenewalEntity> rows =
                em.createQuery(
                                "SELECT r FROM RenewalEntity r WHERE r.leaseId = :l ORDER BY"
                                        + " r.createdAt DESC",
                                RenewalEntity.class)
                        .setParameter("l", leaseId)
                        .setMaxResults(1)
                        .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static RenewalEntity byCase(EntityManager em, String caseId, boolean contract) {
        List<RenewalEntity> rows =
                em.createQuery(
                                contract
                                        ? "SELECT r FROM RenewalEntity r WHERE r.contractCaseId = :c"
                                        : "SELECT r FROM RenewalEntity r WHERE r.caseId = :c",
                                RenewalEntity.class)
                        .setParameter("c", caseId)
                        .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static EconomicCheckEntity latestCheck(EntityManager em, String leaseId) {
        List<EconomicCheckEntity> rows =
                em.createQuery(
                                "SELECT c FROM EconomicCheckEntity c WHERE c.leaseId = :l ORDER BY"
                                        + " c.checkedAt DESC",
                                EconomicCheckEntity.class)
                        .setParameter("l", leaseId)
                        .setMaxResults(1)
                        .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<ResidentEntity> people(EntityManager em, String leaseId) {
        return em.createQuery(
                        "SELECT r FROM ResidentEntity r WHERE r.leaseId = :id ORDER BY r.position",
                        ResidentEntity.class)
                .setParameter("id", leaseId)
                .getResultList();
    }

    private static List<ResidentView> residents(EntityManager em, String leaseId) {
        List<ResidentView> out = new ArrayList<>();
        for (ResidentEntity r : people(em, leaseId)) {
            out.add(
                    new ResidentView(
                            r.id(),
                            r.role(),
                            Masking.name(r.name()),
                            ResidentIdNumber.mask(r.idNumber()),
                            r.relation(),
                            r.occupantId()));
        }
        return out;
    }

    private static HomeView home(HomeEntity h) {
        return h == null
                ? null
                : new HomeView(
                        h.homeCode(),
                        h.project(),
                        h.building(),
                        h.room(),
                        h.address(),
                        h.districtCode(),
                        h.areaM2(),
                        h.layout());
    }

    private Map<String, String> contractValues(EntityManager em, LeaseEntity l, RenewalEntity r) {
        HomeEntity h = em.find(HomeEntity.class, l.homeId());
        Map<String, String> v = new HashMap<>();
        v.put("tenantName", l.lesseeName());
        v.put("tenantIdNumber", l.lesseeId());
        v.put(
                "tenantPhone",
                accounts.find(r.accountId())
                        .map(AccountDirectory.AccountProfile::mobile)
                        .orElse(""));
        v.put("projectName", h.project());
        v.put("dwellingAddress", h.address());
        v.put("building", strip(h.building(), "栋"));
        v.put("unit", "—");
        v.put("room", strip(strip(h.room(), "室"), "房"));
        v.put("floorArea", h.areaM2() == null ? "—" : h.areaM2().toPlainString());
        v.put("monthlyRent", yuan(l.rentFen()));
        v.put("contractNumber", l.leaseNo() + "-R" + r.newEndDate().getYear());
        RenewalSettings city = settings;
        v.put("lessorName", city.lessorName());
        v.put("lessorIdNumber", "—");
        v.put("lessorPhone", city.lessorPhone());
        v.put("cityName", "深圳市");
        v.put("deposit", "沿用原合同");
        v.put("termFrom", date(r.oldEndDate().plusDays(1)));
        v.put("termTo", date(r.newEndDate()));
        v.put("wechatPayment", "按月微信扫码缴纳或银行托收");
        List<String> names = new ArrayList<>();
        for (ResidentEntity p : people(em, l.id())) {
            names.add(p.name() + (p.relation() == null ? "" : "（" + p.relation() + "）"));
        }
        v.put("coResidents", names.isEmpty() ? "无" : String.join("、", names));
        v.put("paymentDay", String.valueOf(city.rentDueDay()));
        v.put(
                "signedAt",
                "个人租赁合同续签（"
                        + ("NEW".equals(r.track()) ? "新政策" : "原政策")
                        + "，婚姻状况："
                        + r.maritalStatus()
                        + "）");
        return v;
    }

    private static String strip(String s, String suffix) {
        return s != null && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static String yuan(long fen) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(BigDecimal.valueOf(fen, 2));
    }

    private static String date(LocalDate d) {
        return String.format("%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static LocalizedText statusText(String status) {
        return switch (status) {
            case "DRAFT" -> LocalizedText.of("待阅读申请声明", "Declaration to read");
            case "DECLARED" -> LocalizedText.of("待确认续约信息", "Details to confirm");
            case "CONFIRMED" -> LocalizedText.of("待上传材料", "ID card to upload");
            case "DOCUMENTS" -> LocalizedText.of("待提交", "To submit");
            case "REVIEW" -> LocalizedText.of("审核中", "Under review");
            case "APPROVED" -> LocalizedText.of("审核通过，待签订合同", "Approved, contract to sign");
            case "SIGNING" -> LocalizedText.of("合同签订中", "Signing");
            case "SIGNED" -> LocalizedText.of("签订成功，待业务人员审批", "Signed, awaiting approval");
            case "RENEWED" -> LocalizedText.of("续约完成", "Renewed");
            case "REJECTED" -> LocalizedText.of("审核不通过", "Rejected");
            case "WITHDRAWN" -> LocalizedText.of("已撤回", "Withdrawn");
            default -> LocalizedText.of(status, status);
        };
    }

    static String next(String status) {
        return switch (status) {
            case "DRAFT" -> "declaration";
            case "DECLARED" -> "confirmation";
            case "CONFIRMED" -> "documents";
            case "DOCUMENTS" -> "submit";
            case "APPROVED", "SIGNING" -> "signing";
            default -> null;
        };
    }

    private RenewalView view(RenewalEntity r) {
        String number =
                r.caseId() == null
                        ? null
                        : cases.find(r.caseId()).map(CaseRecord::number).orElse(null);
        return new RenewalView(
                r.id(),
                r.leaseId(),
                r.track(),
                r.status(),
                statusText(r.status()),
                next(r.status()),
                r.maritalStatus(),
                r.idFrontId(),
                r.idBackId(),
                r.caseId(),
                number,
                r.signingId(),
                r.contractDocumentId(),
                r.contractCaseId(),
                r.oldEndDate(),
                r.newEndDate(),
                "SIGNED".equals(r.status()) ? "签订成功" : null,
                r.createdAt(),
                r.submittedAt(),
                r.signedAt(),
                r.renewedAt());
    }

    private static RenewalView withMessage(RenewalView v, String message) {
        return new RenewalView(
                v.id(),
                v.leaseId(),
                v.track(),
                v.status(),
                v.statusText(),
                v.next(),
                v.maritalStatus(),
                v.idFrontId(),
                v.idBackId(),
                v.caseId(),
                v.caseNumber(),
                v.signingId(),
                v.contractDocumentId(),
                v.contractCaseId(),
                v.oldEndDate(),
                v.newEndDate(),
                message,
                v.createdAt(),
                v.submittedAt(),
                v.signedAt(),
                v.renewedAt());
    }

    static CheckView view(EconomicCheckEntity c) {
        return new CheckView(
                c.id(),
                c.providerId(),
                c.reportNumber(),
                c.passed(),
                parseFindings(c.findings()),
                c.checkedAt());
    }

    // findings kept as a tiny tab-separated list (one line each) rather than pulling in JSON here
    static String findingsJson(List<EconomicStatusReport.Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (EconomicStatusReport.Finding f : findings) {
            b.append(clean(f.item() == null ? "" : f.item().zh()))
                    .append('\t')
                    .append(clean(f.item() == null ? "" : f.item().en()))
                    .append('\t')
                    .append(clean(f.value()))
                    .append('\t')
                    .append(clean(f.limit()))
                    .append('\t')
                    .append(f.passed())
                    .append('\n');
        }
        String s = b.toString();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    static List<Finding> parseFindings(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] p = line.split("\t", -1);
            if (p.length == 5) {
                out.add(new Finding(p[0], p[1], p[2], p[3], Boolean.parseBoolean(p[4])));
            }
        }
        return out;
    }

    private void audit(String action, String actor, String target, String detail) {
        AuditLog a = audit;
        if (a != null) {
            try {
                a.record(action, actor, target, null, detail);
            } catch (RuntimeException e) {
                LOG.warn("Audit entry {} not recorded", action, e);
            }
        }
    }
}
