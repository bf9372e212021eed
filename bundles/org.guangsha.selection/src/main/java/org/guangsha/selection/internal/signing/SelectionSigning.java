package org.guangsha.selection.internal.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.attachment.CaseFileAccess;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningRequest;
import org.guangsha.platform.document.SigningService;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.payment.OrderRequest;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentService;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.SelectionConfiguration;
import org.guangsha.selection.internal.SelectionModule;
import org.guangsha.selection.internal.signing.SigningProgress.Action;
import org.guangsha.selection.internal.signing.SigningProgress.Facts;
import org.guangsha.selection.internal.signing.SigningViews.ApplicantView;
import org.guangsha.selection.internal.signing.SigningViews.BankView;
import org.guangsha.selection.internal.signing.SigningViews.BatchRef;
import org.guangsha.selection.internal.signing.SigningViews.CaseForm;
import org.guangsha.selection.internal.signing.SigningViews.CeremonyView;
import org.guangsha.selection.internal.signing.SigningViews.DepositView;
import org.guangsha.selection.internal.signing.SigningViews.DocumentRef;
import org.guangsha.selection.internal.signing.SigningViews.FaceView;
import org.guangsha.selection.internal.signing.SigningViews.FormField;
import org.guangsha.selection.internal.signing.SigningViews.HomeView;
import org.guangsha.selection.internal.signing.SigningViews.Material;
import org.guangsha.selection.internal.signing.SigningViews.Materials;
import org.guangsha.selection.internal.signing.SigningViews.ReviewView;
import org.guangsha.selection.internal.signing.SigningViews.SigningView;
import org.guangsha.selection.internal.store.AllocationEntity;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.Families;
import org.guangsha.selection.internal.store.FamilyEntity;
import org.guangsha.selection.internal.store.UnitEntity;
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
 * Signing after selection (网上签约, S-12) and its materials (材料管理, S-13) for the main applicant of a
 * family that has a unit. Each step is checked on the server in the guide's order ({@link
 * SigningProgress}); the parts that are the same for every line are the core's: the signing
 * ceremony with its face check and handwritten signature, the payment order of the deposit, the
 * review case and the printable documents. What the core tells through listeners (contract signed,
 * deposit paid, case approved) is also looked up again on every read, so a listener that failed is
 * caught up with.
 */
@Component(service = SelectionSigning.class, configurationPid = SelectionConfiguration.PID)
public class SelectionSigning {

    /** The module id on ceremonies and payment orders; listeners filter on it. */
    static final String MODULE = SelectionModule.ID;

    /** A claim older than this was left by a node that stopped halfway, and is taken over. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(SelectionSigning.class);

    /**
     * A family of the caller with its allocation, and its signing row.
     *
     * @param family the family
     * @param batch its batch
     * @param unit the unit it was allocated
     * @param signing its signing row
     * @param account the main applicant's account
     */
    record Family(
            FamilyEntity family,
            BatchEntity batch,
            UnitEntity unit,
            SigningEntity signing,
            AccountProfile account) {}

    /** What the core holds for a family's signing, read once per request. */
    record Core(SigningFlow flow, PaymentOrder order, CaseRecord review) {}

    private final JpaTransactions tx;
    private final AccountDirectory directory;
    private final SigningService ceremonies;
    private final DocumentService documents;
    private final PaymentService payments;
    private final CaseService cases;
    private final AttachmentService attachments;
    private final CaseFileAccess access;
    private final Regions regions;
    private final Clock clock;
    private volatile SigningSettings settings;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public SelectionSigning(
            @Reference(target = "(osgi.unit.name=guangsha-selection)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=selection)") Schema schema,
            @Reference AccountDirectory directory,
            @Reference SigningService ceremonies,
            @Reference DocumentService documents,
            @Reference PaymentService payments,
            @Reference CaseService cases,
            @Reference AttachmentService attachments,
            @Reference CaseFileAccess access,
            @Reference Regions regions,
            SelectionConfiguration config) {
        this(
                new JpaTransactions(emf),
                directory,
                ceremonies,
                documents,
                payments,
                cases,
                attachments,
                access,
                regions,
                Clock.systemUTC(),
                SigningSettings.of(config));
    }

    SelectionSigning(
            JpaTransactions tx,
            AccountDirectory directory,
            SigningService ceremonies,
            DocumentService documents,
            PaymentService payments,
            CaseService cases,
            AttachmentService attachments,
            CaseFileAccess access,
            Regions regions,
            Clock clock,
            SigningSettings settings) {
        this.tx = tx;
        this.directory = directory;
        this.ceremonies = ceremonies;
        this.documents = documents;
        this.payments = payments;
        this.cases = cases;
        this.attachments = attachments;
        this.access = access;
        this.regions = regions;
        this.clock = clock;
        this.settings = settings;
    }

    /** The city changed its settings; running ceremonies and orders keep theirs. */
    @Modified
    void modified(SelectionConfiguration config) {
        settings = SigningSettings.of(config);
    }

    /** The settings now. */
    SigningSettings settings() {
        return settings;
    }

    // ---- reading --------------------------------------------------------------------------

    /** {@code GET …/signing}: where the family's signing stands. */
    public SigningView state(String familyId, Caller caller) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        return view(reload(f), core);
    }

    /** {@code GET …/materials}: the signed contract, and the occupancy notice once approved. */
    public Materials materials(String familyId, Caller caller) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        SigningEntity s = reload(f).signing();
        List<Material> items = new ArrayList<>();
        if (s.contractDocumentId() != null) {
            documents.find(s.contractDocumentId()).ifPresent(d -> items.add(material(d)));
        }
        boolean approved = core.review() != null && core.review().status() == CaseStatus.APPROVED;
        if (approved && s.noticeDocumentId() != null) {
            documents.find(s.noticeDocumentId()).ifPresent(d -> items.add(material(d)));
        }
        return new Materials(familyId, approved, items);
    }

    // ---- the steps ------------------------------------------------------------------------

    /** {@code POST …/signing/mobile/keep}: the mobile step (the number now on the account). */
    public SigningView keepMobile(String familyId, Caller caller) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        f = reload(f);
        SigningProgress.require(facts(f.signing(), core), Action.KEEP_MOBILE);
        Instant now = clock.instant();
        update(f, s -> s.mobileConfirmedAt(now));
        return view(reload(f), core);
    }

    /** {@code POST …/signing/bank}: the rent collection details (租金托收). */
    public SigningView saveBank(String familyId, Caller caller, BankDetails body) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        f = reload(f);
        SigningProgress.require(facts(f.signing(), core), Action.SAVE_BANK);
        BankDetails bank =
                (body == null ? new BankDetails(null, null, null, null, null) : body)
                        .checked(f.family().applicantName());
        List<FieldError> errors = new ArrayList<>();
        checkPhoto(
                caller,
                bank.frontAttachmentId(),
                "frontAttachmentId",
                AttachmentKinds.BANK_CARD_FRONT,
                errors);
        checkPhoto(
                caller,
                bank.backAttachmentId(),
                "backAttachmentId",
                AttachmentKinds.BANK_CARD_BACK,
                errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Instant now = clock.instant();
        update(
                f,
                s -> {
                    s.bankName(bank.bankName());
                    s.bankAccountName(bank.accountName());
                    s.bankCardNumber(bank.cardNumber());
                    s.bankFrontAttachmentId(bank.frontAttachmentId());
                    s.bankBackAttachmentId(bank.backAttachmentId());
                    s.bankSavedAt(now);
                });
        audit(
                "selection.signing.bank-saved",
                caller.accountId(),
                familyId,
                "bank=" + bank.bankName() + " card=" + BankDetails.masked(bank.cardNumber()));
        return view(reload(f), core);
    }

    /**
     * {@code POST …/signing/ceremony}: starts the core's signing ceremony for the lease (the face
     * check of the main applicant is its own step), or answers the one running.
     */
    public SigningView startCeremony(String familyId, Caller caller) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        f = reload(f);
        Facts facts = facts(f.signing(), core);
        SigningProgress.require(facts, Action.START_CEREMONY);
        if (facts.ceremonyStep() != null) {
            return view(f, core);
        }
        SigningSettings s = settings;
        String city = cityName(f.batch().regionCode());
        SigningFlow flow =
                ceremonies.start(
                        new SigningRequest(
                                MODULE,
                                familyId,
                                f.account().id(),
                                SigningDocuments.LEASE,
                                SigningDocuments.lease(
                                        f.batch(),
                                        f.unit(),
                                        f.family(),
                                        f.account().mobile(),
                                        s,
                                        city,
                                        today()),
                                SigningDocuments.TENANT_FIELD,
                                SigningDocuments.COMMITMENT,
                                s.commitmentReading(),
                                s.contractReading(),
                                f.batch().regionCode(),
                                null));
        update(f, row -> row.ceremonyId(flow.id()));
        LOG.info("Signing ceremony {} started for family {}", flow.id(), familyId);
        return view(reload(f), new Core(flow, core.order(), core.review()));
    }

    /**
     * {@code POST …/signing/deposit}: the payment order of the deposit (months × rent), paid by
     * scanning its QR code with another device; the order still payable is answered again.
     */
    public DepositView deposit(String familyId, Caller caller) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        f = reload(f);
        SigningProgress.require(facts(f.signing(), core), Action.PAY_DEPOSIT);
        PaymentOrder order = core.order();
        if (order == null || order.status() != PaymentStatus.CREATED) {
            SigningSettings s = settings;
            long amount = SigningDocuments.depositFen(f.unit().rentFen(), s.depositMonths());
            PaymentOrder created =
                    payments.create(
                            new OrderRequest(
                                    f.account().id(),
                                    amount,
                                    SigningDocuments.depositPurpose(f.unit()),
                                    MODULE,
                                    familyId,
                                    s.depositLifetime()));
            update(
                    f,
                    row -> {
                        row.depositOrderId(created.id());
                        row.depositFen(amount);
                    });
            LOG.info("Deposit order {} for family {}", created.id(), familyId);
            order = created;
        }
        return depositView(reload(f), order);
    }

    /**
     * {@code POST …/signing/submit}: opens the signing case (once), files the bank card photos with
     * it and submits it; a returned case is submitted again.
     */
    public SigningView submit(String familyId, Caller caller) {
        Family f = open(familyId, caller);
        Core core = catchUp(f);
        f = reload(f);
        SigningProgress.require(facts(f.signing(), core), Action.SUBMIT);
        CaseRecord review = core.review();
        if (review == null || review.status() == CaseStatus.WITHDRAWN) {
            review = openCase(f);
            f = reload(f);
        }
        SigningEntity s = f.signing();
        Set<String> filed = new LinkedHashSet<>();
        for (Attachment a : attachments.ofCase(review.id())) {
            filed.add(a.id());
        }
        List<String> toFile = new ArrayList<>();
        for (String id : List.of(s.bankFrontAttachmentId(), s.bankBackAttachmentId())) {
            if (!filed.contains(id)) {
                toFile.add(id);
            }
        }
        CaseRecord submitted;
        try {
            if (!toFile.isEmpty()) {
                attachments.fileWithCase(review.id(), f.account().id(), toFile);
            }
            submitted = cases.submit(review.id(), f.account().id());
        } finally {
            // a case that stays a draft (the core refused it) is submitted again, not reopened
            write(familyId, row -> row.submitClaimedAt(null));
        }
        audit(
                "selection.signing.submitted",
                caller.accountId(),
                familyId,
                "case=case:" + submitted.id() + " number=" + submitted.number());
        return view(reload(f), new Core(core.flow(), core.order(), submitted));
    }

    private CaseRecord openCase(Family f) {
        Instant now = clock.instant();
        update(
                f,
                s -> {
                    Instant claimed = s.submitClaimedAt();
                    if (claimed != null && claimed.plus(STALE_CLAIM).isAfter(now)) {
                        throw busy();
                    }
                    s.submitClaimedAt(now);
                });
        try {
            CaseRecord opened =
                    cases.create(
                            new NewCase(
                                    SigningCaseType.ID,
                                    f.account().id(),
                                    f.batch().regionCode(),
                                    Channel.MOBILE,
                                    null));
            // the claim keeps other requests out: no version check
            write(f.family().id(), s -> s.caseId(opened.id()));
            return opened;
        } catch (RuntimeException e) {
            write(f.family().id(), s -> s.submitClaimedAt(null));
            throw e;
        }
    }

    // ---- what the core tells ----------------------------------------------------------------

    /** The ceremony of a family ended with a signed contract. */
    void contractSigned(SigningFlow flow, IssuedDocument contract) {
        if (!MODULE.equals(flow.module()) || flow.reference() == null) {
            return;
        }
        recordContract(flow.reference(), flow.id(), contract.id());
    }

    /** A payment order of the line changed state (only the provider's notification pays it). */
    void orderChanged(PaymentOrder order) {
        if (!MODULE.equals(order.module())
                || order.reference() == null
                || order.status() != PaymentStatus.PAID) {
            return;
        }
        recordPaid(order);
    }

    /** A signing case was approved: the occupancy notice is issued (S-13). */
    void caseApproved(CaseRecord record) {
        if (!SigningCaseType.ID.equals(record.typeId()) || record.status() != CaseStatus.APPROVED) {
            return;
        }
        bySignedCase(record.id()).ifPresent(s -> issueNotice(s.familyId(), record));
    }

    // ---- the case type's callbacks ---------------------------------------------------------

    /** The checks before a signing case is submitted, each naming its field. */
    List<FieldError> validateCase(String caseId) {
        Optional<SigningEntity> found = bySignedCase(caseId);
        if (found.isEmpty()) {
            return List.of(new FieldError("signing", "找不到该签约信息", "No signing for this case"));
        }
        SigningEntity s = found.get();
        List<FieldError> errors = new ArrayList<>();
        if (s.bankSavedAt() == null) {
            errors.add(new FieldError("bank", "请先完成租金托收银行信息", "Give the rent collection details"));
        }
        if (s.contractDocumentId() == null) {
            errors.add(new FieldError("contract", "请先签订租赁合同", "Sign the lease first"));
        }
        if (s.depositPaidAt() == null) {
            errors.add(new FieldError("deposit", "请先缴纳租赁保证金", "Pay the deposit first"));
        }
        return errors;
    }

    /**
     * A signing case is withdrawn (C-3): its rent collection details are erased and the case let
     * go, so the family gives them again and submits a new case. The signed contract and the paid
     * deposit stay: they are the core's records of what happened.
     */
    void eraseCase(String caseId) {
        Optional<SigningEntity> found = bySignedCase(caseId);
        if (found.isEmpty()) {
            return;
        }
        String familyId = found.get().familyId();
        Instant now = clock.instant();
        tx.run(
                em -> {
                    SigningEntity s = em.find(SigningEntity.class, familyId);
                    s.bankName(null);
                    s.bankAccountName(null);
                    s.bankCardNumber(null);
                    s.bankFrontAttachmentId(null);
                    s.bankBackAttachmentId(null);
                    s.bankSavedAt(null);
                    s.caseId(null);
                    s.submitClaimedAt(null);
                    s.touched(now);
                });
        audit("selection.signing.erased", null, familyId, "case=case:" + caseId);
    }

    /**
     * A signing case's form for the console: the applicant sees it whole; caseworkers of its region
     * see names, the ID number, the mobile and the card number masked; anyone else 404.
     */
    public CaseForm caseForm(String caseId, Caller caller) {
        Optional<CaseRecord> found =
                cases.find(caseId).filter(c -> SigningCaseType.ID.equals(c.typeId()));
        boolean applicant =
                found.map(c -> c.applicantId().equals(caller.accountId())).orElse(false);
        if (found.isEmpty() || !(applicant || access.mayRead(caller, caseId))) {
            throw ProblemException.notFound(null);
        }
        SigningEntity s = bySignedCase(caseId).orElseThrow(() -> ProblemException.notFound(null));
        return tx.read(
                em -> {
                    FamilyEntity family = em.find(FamilyEntity.class, s.familyId());
                    BatchEntity batch = em.find(BatchEntity.class, family.batchId());
                    UnitEntity unit = em.find(UnitEntity.class, s.unitId());
                    String mobile =
                            directory.find(s.accountId()).map(AccountProfile::mobile).orElse(null);
                    List<FormField> fields = new ArrayList<>();
                    field(
                            fields,
                            "applicantName",
                            "主申请人",
                            "Main applicant",
                            applicant
                                    ? family.applicantName()
                                    : Masking.name(family.applicantName()));
                    field(
                            fields,
                            "idNumber",
                            "身份证号码",
                            "ID number",
                            ResidentIdNumber.mask(family.idNumber()));
                    field(fields, "mobile", "手机号码", "Mobile", Masking.mobile(mobile));
                    field(
                            fields,
                            "householdSize",
                            "家庭人数",
                            "Household size",
                            Integer.toString(family.householdSize()));
                    field(
                            fields,
                            "batch",
                            "选房批次",
                            "Batch",
                            batch.name() + "（" + batch.code() + "）");
                    field(
                            fields,
                            "unit",
                            "承租住房",
                            "Home",
                            nonBlank(unit.project())
                                    + " "
                                    + unit.building()
                                    + "-"
                                    + unit.roomNumber());
                    field(fields, "unitType", "户型", "Type", unit.unitType());
                    field(fields, "orientation", "朝向", "Orientation", unit.orientation());
                    field(fields, "floor", "楼层", "Floor", Integer.toString(unit.floor()));
                    field(
                            fields,
                            "area",
                            "建筑面积（平方米）",
                            "Area (m²)",
                            SigningDocuments.area(unit.areaCentiM2()));
                    field(
                            fields,
                            "rent",
                            "月租金（元）",
                            "Monthly rent (yuan)",
                            SigningDocuments.yuan(unit.rentFen()));
                    field(fields, "address", "房屋坐落", "Address", unit.address());
                    field(fields, "bankName", "开户银行", "Bank", s.bankName());
                    field(
                            fields,
                            "accountName",
                            "户名",
                            "Account holder",
                            applicant ? s.bankAccountName() : Masking.name(s.bankAccountName()));
                    field(
                            fields,
                            "cardNumber",
                            "银行卡号",
                            "Card number",
                            BankDetails.masked(s.bankCardNumber()));
                    field(
                            fields,
                            "frontAttachmentId",
                            "银行卡正面照片",
                            "Card front (file)",
                            s.bankFrontAttachmentId());
                    field(
                            fields,
                            "backAttachmentId",
                            "银行卡反面照片",
                            "Card back (file)",
                            s.bankBackAttachmentId());
                    List<DocumentRef> docs = new ArrayList<>();
                    if (s.contractDocumentId() != null) {
                        Optional<IssuedDocument> contract = documents.find(s.contractDocumentId());
                        field(
                                fields,
                                "contract",
                                "租赁合同编号",
                                "Lease number",
                                contract.map(IssuedDocument::number).orElse(null));
                        contract.ifPresent(d -> docs.add(ref(d, s.contractSignedAt())));
                    }
                    field(
                            fields,
                            "deposit",
                            "租赁保证金（元）",
                            "Deposit (yuan)",
                            s.depositFen() == null ? null : SigningDocuments.yuan(s.depositFen()));
                    field(
                            fields,
                            "depositPaidAt",
                            "保证金缴纳时间",
                            "Deposit paid at",
                            s.depositPaidAt() == null
                                    ? null
                                    : SigningViews.cityTime(s.depositPaidAt()).toString());
                    return new CaseForm(caseId, SigningCaseType.ID, fields, docs);
                });
    }

    // ---- internals -------------------------------------------------------------------------

    /**
     * The caller's family with its unit: 404 for anyone but its main applicant (the citizen whose
     * account carries the family's ID number), 409 {@code no-allocation} before it has a unit. The
     * signing row is made on first use.
     */
    Family open(String familyId, Caller caller) {
        if (familyId == null || caller == null || caller.kind() != AccountKind.CITIZEN) {
            throw ProblemException.notFound(null);
        }
        AccountProfile account =
                directory
                        .find(caller.accountId())
                        .orElseThrow(() -> ProblemException.notFound(null));
        Family f =
                tx.read(
                        em -> {
                            FamilyEntity family = em.find(FamilyEntity.class, familyId);
                            if (!Families.mainApplicant(family, account.idNumber())) {
                                throw ProblemException.notFound(null);
                            }
                            AllocationEntity allocation =
                                    Families.allocation(em, familyId)
                                            .orElseThrow(
                                                    () ->
                                                            ProblemException.conflict(
                                                                    "no-allocation",
                                                                    "尚未选定住房，暂不能签约",
                                                                    "The family has no home yet;"
                                                                            + " signing comes after"
                                                                            + " selection",
                                                                    null));
                            return new Family(
                                    family,
                                    em.find(BatchEntity.class, family.batchId()),
                                    em.find(UnitEntity.class, allocation.unitId()),
                                    em.find(SigningEntity.class, familyId),
                                    account);
                        });
        if (f.signing() != null) {
            return f;
        }
        SigningEntity row =
                new SigningEntity(familyId, f.unit().id(), account.id(), clock.instant());
        try {
            tx.run(em -> em.persist(row));
        } catch (PersistenceException anotherRequestMadeItFirst) {
            LOG.debug(
                    "Signing row of {} made by another request",
                    familyId,
                    anotherRequestMadeItFirst);
        }
        return reload(f);
    }

    /** The family with its signing row read again. */
    private Family reload(Family f) {
        SigningEntity s = tx.read(em -> em.find(SigningEntity.class, f.family().id()));
        return new Family(f.family(), f.batch(), f.unit(), s, f.account());
    }

    /**
     * Reads what the core holds (ceremony, order, case) and records what the listeners may have
     * missed: a contract signed, a deposit paid, a case approved without its occupancy notice.
     */
    private Core catchUp(Family f) {
        SigningEntity s = f.signing();
        String account = f.account().id();
        SigningFlow flow =
                s.ceremonyId() == null
                        ? null
                        : ceremonies.find(s.ceremonyId(), account).orElse(null);
        if (flow != null
                && flow.step() == SigningStep.DONE
                && flow.documentId() != null
                && s.contractDocumentId() == null) {
            recordContract(s.familyId(), flow.id(), flow.documentId());
        }
        PaymentOrder order =
                s.depositOrderId() == null ? null : payments.find(s.depositOrderId()).orElse(null);
        if (order != null && order.status() == PaymentStatus.PAID && s.depositPaidAt() == null) {
            recordPaid(order);
        }
        CaseRecord review = s.caseId() == null ? null : cases.find(s.caseId()).orElse(null);
        if (review != null
                && review.status() == CaseStatus.APPROVED
                && s.noticeDocumentId() == null) {
            issueNotice(s.familyId(), review);
        }
        return new Core(flow, order, review);
    }

    /** What {@link SigningProgress} decides on. */
    private Facts facts(SigningEntity s, Core core) {
        SigningStep ceremonyStep = null;
        SigningFlow flow = core.flow();
        if (flow != null
                && flow.step() != SigningStep.DONE
                && (flow.expiresAt() == null || clock.instant().isBefore(flow.expiresAt()))) {
            ceremonyStep = flow.step();
        }
        CaseStatus status = core.review() == null ? null : core.review().status();
        return new Facts(
                s.mobileConfirmedAt() != null,
                s.bankSavedAt() != null,
                ceremonyStep,
                s.contractDocumentId() != null,
                s.depositPaidAt() != null,
                status == CaseStatus.WITHDRAWN ? null : status);
    }

    private SigningView view(Family f, Core core) {
        SigningEntity s = f.signing();
        Facts facts = facts(s, core);
        UnitEntity u = f.unit();
        BankView bank =
                s.bankSavedAt() == null
                        ? null
                        : new BankView(
                                s.bankName(),
                                s.bankAccountName(),
                                BankDetails.masked(s.bankCardNumber()),
                                BankDetails.last4(s.bankCardNumber()),
                                s.bankFrontAttachmentId(),
                                s.bankBackAttachmentId(),
                                SigningViews.cityTime(s.bankSavedAt()));
        SigningFlow flow = core.flow();
        boolean running = facts.ceremonyStep() != null;
        CeremonyView ceremony =
                flow == null
                        ? null
                        : new CeremonyView(
                                flow.id(),
                                flow.step(),
                                SigningViews.cityTime(flow.expiresAt()),
                                flow.documentId());
        FaceView face =
                new FaceView(SigningProgress.face(facts), running ? "sign:" + flow.id() : null);
        DocumentRef contract =
                s.contractDocumentId() == null
                        ? null
                        : documents
                                .find(s.contractDocumentId())
                                .map(d -> ref(d, s.contractSignedAt()))
                                .orElse(null);
        CaseRecord c = core.review();
        ReviewView review =
                c == null || c.status() == CaseStatus.WITHDRAWN
                        ? null
                        : new ReviewView(
                                c.id(),
                                c.number(),
                                c.status(),
                                c.level(),
                                SigningViews.cityTime(c.submittedAt()),
                                SigningViews.cityTime(c.closedAt()));
        DocumentRef notice =
                s.noticeDocumentId() == null
                        ? null
                        : documents.find(s.noticeDocumentId()).map(d -> ref(d, null)).orElse(null);
        return new SigningView(
                f.family().id(),
                new BatchRef(
                        f.batch().id(), f.batch().code(), f.batch().name(), f.batch().regionCode()),
                SigningProgress.current(facts),
                SigningProgress.steps(facts),
                HomeView.of(u),
                new ApplicantView(
                        f.family().applicantName(),
                        ResidentIdNumber.mask(f.family().idNumber()),
                        Masking.mobile(f.account().mobile()),
                        SigningViews.cityTime(s.mobileConfirmedAt())),
                bank,
                face,
                ceremony,
                contract,
                depositView(f, core.order()),
                review == null ? null : review.caseId(),
                review,
                notice);
    }

    private DepositView depositView(Family f, PaymentOrder order) {
        SigningEntity s = f.signing();
        int months = settings.depositMonths();
        long amount =
                order != null
                        ? order.amountFen()
                        : s.depositFen() != null
                                ? s.depositFen()
                                : SigningDocuments.depositFen(f.unit().rentFen(), months);
        if (order == null) {
            return new DepositView(
                    amount,
                    months,
                    SigningDocuments.depositPurpose(f.unit()),
                    null,
                    "NONE",
                    null,
                    null,
                    null,
                    null);
        }
        boolean payable = order.status() == PaymentStatus.CREATED;
        return new DepositView(
                amount,
                months,
                order.purpose(),
                order.id(),
                order.status().name(),
                payable ? order.qrPayload() : null,
                SigningViews.cityTime(order.expiresAt()),
                SigningViews.cityTime(order.paidAt()),
                order.receiptDocumentId());
    }

    private void recordContract(String familyId, String flowId, String documentId) {
        Instant now = clock.instant();
        boolean recorded =
                retried(
                        () ->
                                tx.write(
                                        em -> {
                                            SigningEntity s =
                                                    em.find(SigningEntity.class, familyId);
                                            if (s == null || s.contractDocumentId() != null) {
                                                return false;
                                            }
                                            // a ceremony started by a request that lost a race
                                            // still signs the one lease of the family
                                            s.ceremonyId(flowId);
                                            s.contractDocumentId(documentId);
                                            s.contractSignedAt(now);
                                            s.touched(now);
                                            return true;
                                        }));
        if (recorded) {
            LOG.info("Lease {} signed for family {}", documentId, familyId);
        }
    }

    private void recordPaid(PaymentOrder order) {
        String familyId = order.reference();
        Instant paidAt = order.paidAt() == null ? clock.instant() : order.paidAt();
        String outcome =
                retried(
                        () ->
                                tx.write(
                                        em -> {
                                            SigningEntity s =
                                                    em.find(SigningEntity.class, familyId);
                                            if (s == null) {
                                                return "unknown";
                                            }
                                            if (s.depositPaidAt() != null) {
                                                return order.id().equals(s.depositOrderId())
                                                        ? "known"
                                                        : "twice";
                                            }
                                            s.depositOrderId(order.id());
                                            s.depositFen(order.amountFen());
                                            s.depositPaidAt(paidAt);
                                            s.touched(clock.instant());
                                            return "paid";
                                        }));
        switch (outcome) {
            case "paid" -> {
                LOG.info("Deposit of family {} paid (order {})", familyId, order.id());
                audit(
                        "selection.signing.deposit-paid",
                        order.payerId(),
                        familyId,
                        "order=" + order.id() + " amountFen=" + order.amountFen());
            }
            case "twice" -> {
                // two orders paid for one deposit: a human refunds the second (M-1)
                LOG.warn(
                        "Family {} paid its deposit twice; order {} to refund",
                        familyId,
                        order.id());
                audit(
                        "selection.signing.deposit-paid-twice",
                        order.payerId(),
                        familyId,
                        "order=" + order.id() + " amountFen=" + order.amountFen());
            }
            default -> {
                // already recorded, or not a family's deposit
            }
        }
    }

    /**
     * Issues the occupancy notice once: the row is claimed first (its version settles two nodes),
     * the notice issued, then recorded; a failure lets the next read try again.
     */
    private void issueNotice(String familyId, CaseRecord review) {
        Instant now = clock.instant();
        boolean claimed;
        try {
            claimed =
                    tx.write(
                            em -> {
                                SigningEntity s = em.find(SigningEntity.class, familyId);
                                if (s == null || s.noticeDocumentId() != null) {
                                    return false;
                                }
                                Instant at = s.noticeClaimedAt();
                                if (at != null && at.plus(STALE_CLAIM).isAfter(now)) {
                                    return false;
                                }
                                s.noticeClaimedAt(now);
                                return true;
                            });
        } catch (PersistenceException anotherNodeClaimedIt) {
            LOG.debug("Occupancy notice of {} claimed elsewhere", familyId, anotherNodeClaimedIt);
            return;
        }
        if (!claimed) {
            return;
        }
        try {
            IssueRequest request =
                    tx.read(
                            em -> {
                                SigningEntity s = em.find(SigningEntity.class, familyId);
                                FamilyEntity family = em.find(FamilyEntity.class, familyId);
                                BatchEntity batch = em.find(BatchEntity.class, family.batchId());
                                UnitEntity unit = em.find(UnitEntity.class, s.unitId());
                                long deposit =
                                        s.depositFen() != null
                                                ? s.depositFen()
                                                : SigningDocuments.depositFen(
                                                        unit.rentFen(), settings.depositMonths());
                                LocalDate approvedOn =
                                        (review.closedAt() == null ? now : review.closedAt())
                                                .atZone(SigningViews.CITY_ZONE)
                                                .toLocalDate();
                                return new IssueRequest(
                                        SigningDocuments.NOTICE,
                                        s.accountId(),
                                        batch.regionCode(),
                                        review.id(),
                                        SigningDocuments.occupancyNotice(
                                                unit,
                                                family,
                                                deposit,
                                                settings,
                                                cityName(batch.regionCode()),
                                                approvedOn));
                            });
            IssuedDocument notice = documents.issue(request);
            tx.run(
                    em -> {
                        SigningEntity s = em.find(SigningEntity.class, familyId);
                        s.noticeDocumentId(notice.id());
                        s.touched(clock.instant());
                    });
            audit(
                    "selection.signing.notice-issued",
                    null,
                    familyId,
                    "document=document:" + notice.id() + " number=" + notice.number());
            try {
                cases.note(review.id(), "document", null, "入住通知书 " + notice.number());
            } catch (RuntimeException e) {
                LOG.warn("Could not note the occupancy notice on case {}", review.id(), e);
            }
            LOG.info("Occupancy notice {} issued to family {}", notice.number(), familyId);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Occupancy notice of family {} not issued; tried again on the next read",
                    familyId,
                    e);
            tx.run(em -> em.find(SigningEntity.class, familyId).noticeClaimedAt(null));
        }
    }

    /**
     * Changes the family's signing row, refusing with 409 when another request changed it since it
     * was read (the row version).
     */
    private void update(Family f, Consumer<SigningEntity> change) {
        long seen = f.signing().version();
        Instant now = clock.instant();
        try {
            tx.run(
                    em -> {
                        SigningEntity s = em.find(SigningEntity.class, f.family().id());
                        if (s.version() != seen) {
                            throw busy();
                        }
                        change.accept(s);
                        s.touched(now);
                    });
        } catch (PersistenceException e) {
            if (JpaTransactions.optimisticLockFailure(e)) {
                throw busy();
            }
            throw e;
        }
    }

    /** Changes the family's signing row whatever its version (the caller holds a claim). */
    private void write(String familyId, Consumer<SigningEntity> change) {
        Instant now = clock.instant();
        retried(
                () ->
                        tx.write(
                                em -> {
                                    SigningEntity s = em.find(SigningEntity.class, familyId);
                                    change.accept(s);
                                    s.touched(now);
                                    return s;
                                }));
    }

    private Optional<SigningEntity> bySignedCase(String caseId) {
        if (caseId == null) {
            return Optional.empty();
        }
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT s FROM SigningEntity s WHERE s.caseId = :c",
                                        SigningEntity.class)
                                .setParameter("c", caseId)
                                .getResultList()
                                .stream()
                                .findFirst());
    }

    private void checkPhoto(
            Caller caller, String id, String field, String kind, List<FieldError> errors) {
        Optional<Attachment> a =
                attachments.find(caller, id).filter(x -> x.ownerId().equals(caller.accountId()));
        if (a.isEmpty()) {
            errors.add(new FieldError(field, "只能使用本人上传的照片", "Only your own uploads can be used"));
        } else if (!kind.equals(a.get().kind())
                && !AttachmentKinds.BANK_CARD.equals(a.get().kind())) {
            errors.add(new FieldError(field, "照片类别应为 " + kind, "The photo's kind must be " + kind));
        }
    }

    /** The name of the city the region lies in (itself when it is one), or null. */
    String cityName(String regionCode) {
        for (Region top : regions.tree()) {
            String found = cityName(top, regionCode, null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String cityName(Region r, String code, String city) {
        String here = "CITY".equals(r.level()) ? r.name().zh() : city;
        if (r.code().equals(code)) {
            return here;
        }
        for (Region child : r.children()) {
            String found = cityName(child, code, here);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private LocalDate today() {
        return clock.instant().atZone(SigningViews.CITY_ZONE).toLocalDate();
    }

    private static Material material(IssuedDocument d) {
        String pdf = "/api/documents/" + d.id() + "/pdf";
        return new Material(
                d.typeId(),
                d.typeName(),
                d.id(),
                d.number(),
                d.issuedOn(),
                d.validUntil(),
                d.status().name(),
                d.signed(),
                pdf,
                pdf + "?download=true");
    }

    private static DocumentRef ref(IssuedDocument d, Instant at) {
        return new DocumentRef(d.id(), d.number(), d.issuedOn(), SigningViews.cityTime(at));
    }

    private static void field(
            List<FormField> fields, String name, String zh, String en, String value) {
        fields.add(new FormField(name, LocalizedText.of(zh, en), value));
    }

    private static String nonBlank(String text) {
        return text == null ? "" : text;
    }

    /** Listener writes race with requests on the same row: tried again on fresh data. */
    private static <T> T retried(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PersistenceException e) {
                if (attempt >= 3 || !JpaTransactions.optimisticLockFailure(e)) {
                    throw e;
                }
            }
        }
    }

    private void audit(String action, String actorId, String familyId, String detail) {
        AuditLog log = auditLog;
        if (log == null) {
            return;
        }
        try {
            log.record(action, actorId, "family:" + familyId, null, detail);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit entry {} for family {}", action, familyId, e);
        }
    }

    private static ProblemException busy() {
        return ProblemException.conflict(
                "signing-changed",
                "签约信息刚被另一请求更改，请刷新后重试",
                "Another request changed the signing; reload and try again",
                null);
    }
}
