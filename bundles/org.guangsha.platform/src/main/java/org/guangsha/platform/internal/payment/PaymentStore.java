package org.guangsha.platform.internal.payment;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.util.RankedServices;
import org.guangsha.platform.payment.OrderRequest;
import org.guangsha.platform.payment.PaymentListener;
import org.guangsha.platform.payment.PaymentNotice;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentProvider;
import org.guangsha.platform.payment.PaymentService;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment orders (M-1) in {@code PLT_PAYMENT_ORDER}. An order becomes PAID only from a provider
 * notification whose signature the provider named in the path verified. Each verified notification
 * is stored in {@code PLT_PAYMENT_NOTICE} under a unique (provider, transaction, paid) key in the
 * same transaction as the change it causes, so the same notification arriving twice, or on two
 * nodes at once, changes the order once; the order's row version settles a notification racing the
 * expiry. Receipts are issued and {@link PaymentListener}s told after the commit.
 */
@Component(
        service = {PaymentStore.class, PaymentService.class},
        configurationPid = PaymentConfiguration.PID)
@Designate(ocd = PaymentConfiguration.class)
public class PaymentStore implements PaymentService {

    /** The longest notification body read; WeChat Pay's are about 1 KB. */
    public static final int MAX_NOTICE_BYTES = 16 * 1024;

    /** The largest order: 1亿元, far above any rent or deposit and exact in a JavaScript number. */
    static final long MAX_AMOUNT_FEN = 10_000_000_000L;

    /** A receipt claimed longer ago than this and still missing is issued again by the sweep. */
    static final Duration RECEIPT_RETRY_AFTER = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(PaymentStore.class);
    private static final int SWEEP_BATCH = 200;
    private static final int ATTEMPTS = 3;

    /** Audited events someone must look at: they are logged as warnings too. */
    private static final Set<String> ALARMS =
            Set.of(
                    "payment.notify.forged",
                    "payment.notify.unknown-order",
                    "payment.notify.amount-mismatch",
                    "payment.paid-after-close",
                    "payment.paid-twice");

    /** What a notification did; every one of them is answered 200 to the provider. */
    public enum NoticeResult {
        /** The order became PAID. */
        PAID,
        /** Money arrived for an order already closed: recorded and audited, a human refunds. */
        PAID_AFTER_CLOSE,
        /** Money arrived for an order already paid by another transaction, or refunded. */
        PAID_TWICE,
        /** The provider reported a failed or closed payment; recorded, nothing changed. */
        NOT_PAID,
        /** This notification was processed before; nothing changed. */
        DUPLICATE
    }

    /** Limits in force; replaced as a whole when the city changes them. */
    record Limits(Duration minExpiry, Duration maxExpiry) {
        static Limits of(PaymentConfiguration c) {
            return new Limits(
                    Duration.ofSeconds(Math.max(1, c.expires_min_seconds())),
                    Duration.ofHours(Math.max(1, c.expires_max_hours())));
        }
    }

    private record Audit(String action, String target, String detail) {}

    /** The result of one notification's transaction; audits and refusal act after it ended. */
    private record Processed(
            NoticeResult result,
            List<PaymentOrder> changed,
            List<Audit> audits,
            ProblemException refusal) {}

    private final JpaTransactions tx;
    private final DocumentService documents;
    private final Clock clock;
    private volatile Limits limits;
    private final RankedServices<PaymentProvider> providers = new RankedServices<>();
    private final List<PaymentListener> listeners = new CopyOnWriteArrayList<>();
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public PaymentStore(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference DocumentService documents,
            PaymentConfiguration config) {
        this(new JpaTransactions(emf), documents, Clock.systemUTC(), Limits.of(config));
    }

    PaymentStore(JpaTransactions tx, DocumentService documents, Clock clock, Limits limits) {
        this.tx = tx;
        this.documents = documents;
        this.clock = clock;
        this.limits = limits;
    }

    /** The city changed the limits. */
    @Modified
    void modified(PaymentConfiguration config) {
        limits = Limits.of(config);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(PaymentProvider provider, Map<String, Object> properties) {
        providers.add(provider, properties);
    }

    void removeProvider(PaymentProvider provider) {
        providers.remove(provider);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(PaymentListener listener) {
        listeners.add(listener);
    }

    void removeListener(PaymentListener listener) {
        listeners.remove(listener);
    }

    /** The audit trail is optional: without it, audited events still reach the log. */
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

    /** The provider new orders go to: the highest ranking, then the oldest service. */
    public Optional<PaymentProvider> provider() {
        return providers.best();
    }

    /** The installed provider with this id, which handles the orders it prepared. */
    Optional<PaymentProvider> provider(String id) {
        return providers.all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public PaymentOrder create(OrderRequest request) {
        Limits l = limits;
        String purpose = request.purpose().strip();
        checkRequest(request, purpose, l);
        PaymentProvider provider = provider().orElseThrow(PaymentStore::noProvider);
        boolean payerKnown = tx.read(em -> em.find(AccountEntity.class, request.payerId()) != null);
        if (!payerKnown) {
            throw ProblemException.invalidField("payerId", "付款人不存在", "No such payer");
        }
        Instant now = clock.instant();
        PaymentOrder draft =
                new PaymentOrder(
                        UUID.randomUUID().toString(),
                        request.payerId(),
                        request.amountFen(),
                        purpose,
                        request.module(),
                        request.reference(),
                        PaymentStatus.CREATED,
                        provider.id(),
                        null,
                        now,
                        now.plus(request.expiresIn()),
                        null,
                        null,
                        null);
        String qr;
        try {
            qr = provider.prepare(draft);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn(
                    "Payment provider {} failed to prepare order {}", provider.id(), draft.id(), e);
            throw providerFailed();
        }
        if (qr == null || qr.isBlank() || qr.length() > 1000) {
            LOG.warn("Payment provider {} gave no usable QR payload", provider.id());
            throw providerFailed();
        }
        PaymentOrderEntity row = new PaymentOrderEntity(withQr(draft, qr));
        tx.run(em -> em.persist(row));
        return row.view();
    }

    private static void checkRequest(OrderRequest r, String purpose, Limits l) {
        List<FieldError> errors = new ArrayList<>();
        if (r.amountFen() <= 0 || r.amountFen() > MAX_AMOUNT_FEN) {
            errors.add(
                    new FieldError(
                            "amountFen",
                            "金额应为正数（以分计，不超过1亿元）",
                            "The amount is a positive number of fen, at most 100 million yuan"));
        }
        if (purpose.isEmpty() || purpose.length() > 100) {
            errors.add(
                    new FieldError(
                            "purpose",
                            "请填写缴费事项（100字以内）",
                            "Give the purpose (at most 100 characters)"));
        }
        if (r.module().isBlank() || r.module().length() > 40) {
            errors.add(new FieldError("module", "业务模块无效", "Invalid module"));
        }
        if (r.reference() != null && r.reference().length() > 100) {
            errors.add(
                    new FieldError(
                            "reference", "业务编号过长（100字以内）", "The reference is too long (100)"));
        }
        if (r.expiresIn().compareTo(l.minExpiry()) < 0
                || r.expiresIn().compareTo(l.maxExpiry()) > 0) {
            errors.add(
                    new FieldError(
                            "expiresIn",
                            "支付有效期应在"
                                    + l.minExpiry().toSeconds()
                                    + "秒至"
                                    + l.maxExpiry().toHours()
                                    + "小时之间",
                            "The order must be payable between "
                                    + l.minExpiry().toSeconds()
                                    + " s and "
                                    + l.maxExpiry().toHours()
                                    + " h"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /**
     * The order with this id. An order still CREATED after its expiry is closed by this call, so
     * what a reader sees never depends on when the sweep last ran.
     */
    @Override
    public Optional<PaymentOrder> find(String orderId) {
        if (orderId == null || orderId.length() > 36) {
            return Optional.empty();
        }
        Optional<PaymentOrderEntity> found =
                tx.read(em -> Optional.ofNullable(em.find(PaymentOrderEntity.class, orderId)));
        if (found.isPresent() && found.get().expired(clock.instant())) {
            closeIfExpired(orderId);
            return tx.read(
                    em ->
                            Optional.ofNullable(em.find(PaymentOrderEntity.class, orderId))
                                    .map(PaymentOrderEntity::view));
        }
        return found.map(PaymentOrderEntity::view);
    }

    @Override
    public PaymentOrder refund(String orderId, String actorId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalidField(
                    "reason", "请填写退款原因（500字以内）", "Give a reason (at most 500 characters)");
        }
        PaymentOrder order = find(orderId).orElseThrow(() -> ProblemException.notFound(null));
        if (order.status() != PaymentStatus.PAID) {
            throw notPaid(order.status());
        }
        PaymentProvider provider =
                provider(order.providerId()).orElseThrow(PaymentStore::noProvider);
        try {
            provider.refund(order, reason.strip());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Payment provider {} refused to refund order {}", provider.id(), orderId, e);
            throw providerFailed();
        }
        Instant now = clock.instant();
        PaymentOrder refunded =
                retrying(
                        () ->
                                tx.write(
                                        em -> {
                                            PaymentOrderEntity o =
                                                    em.find(PaymentOrderEntity.class, orderId);
                                            if (o.status() != PaymentStatus.PAID) {
                                                throw notPaid(o.status());
                                            }
                                            o.refunded(now, actorId, reason.strip());
                                            return o.view();
                                        }));
        audit(
                "payment.refund",
                actorId,
                target(orderId),
                null,
                "refunded " + order.amountFen() + " fen through " + order.providerId());
        tell(refunded);
        return refunded;
    }

    /**
     * Handles a provider's notification: verified by the provider {@code providerId} (404 when no
     * such provider is installed), refused with 401 and audited when the signature does not verify,
     * with 400 when it names an unknown order or the wrong amount; otherwise stored and answered
     * with what it did.
     */
    public NoticeResult notify(
            String providerId, Map<String, String> headers, byte[] body, String sourceAddress) {
        PaymentProvider provider = providerId == null ? null : provider(providerId).orElse(null);
        if (provider == null) {
            throw ProblemException.notFound("未安装该支付服务（no such payment provider）");
        }
        Optional<PaymentNotice> verified;
        try {
            verified = provider.verify(headers, body);
        } catch (RuntimeException e) {
            LOG.debug("Provider {} could not read a notification", providerId, e);
            verified = Optional.empty();
        }
        if (verified.isEmpty()) {
            audit(
                    "payment.notify.forged",
                    null,
                    "payment-provider:" + providerId,
                    sourceAddress,
                    "signature does not verify; " + body.length + " bytes");
            throw problem(
                    401,
                    "payment-notice-forged",
                    "支付通知签名验证失败，已拒绝",
                    "The notification's signature does not verify; refused",
                    null);
        }
        PaymentNotice notice = verified.get();
        if (notice.orderId() == null
                || notice.transactionId() == null
                || notice.transactionId().isBlank()
                || notice.transactionId().length() > 64) {
            throw problem(
                    400,
                    "payment-notice-invalid",
                    "支付通知缺少订单号或交易号",
                    "The notification lacks the order or transaction id",
                    null);
        }
        String evidenceHeaders = evidence(headers);
        String evidenceBody = new String(body, StandardCharsets.UTF_8);
        Processed done = null;
        for (int attempt = 1; done == null; attempt++) {
            try {
                done =
                        tx.write(
                                em ->
                                        process(
                                                em,
                                                providerId,
                                                notice,
                                                sourceAddress,
                                                evidenceHeaders,
                                                evidenceBody));
            } catch (PersistenceException e) {
                // another node stored the same notification first: the unique key refused ours
                if (noticeStored(providerId, notice)) {
                    LOG.debug("Notification {} was processed concurrently", notice, e);
                    return NoticeResult.DUPLICATE;
                }
                // the order changed meanwhile (expiry, another notification): look again
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Retrying notification {} after a concurrent change", notice, e);
            }
        }
        for (Audit a : done.audits()) {
            audit(a.action(), null, a.target(), sourceAddress, a.detail());
        }
        if (done.refusal() != null) {
            throw done.refusal();
        }
        for (PaymentOrder changed : done.changed()) {
            tell(changed.status() == PaymentStatus.PAID ? issueReceipt(changed) : changed);
        }
        return done.result();
    }

    private Processed process(
            EntityManager em,
            String providerId,
            PaymentNotice notice,
            String sourceAddress,
            String headers,
            String body) {
        if (storedNotice(em, providerId, notice)) {
            return new Processed(NoticeResult.DUPLICATE, List.of(), List.of(), null);
        }
        String target = target(notice.orderId());
        String facts =
                "provider "
                        + providerId
                        + ", transaction "
                        + notice.transactionId()
                        + ", "
                        + notice.amountFen()
                        + " fen";
        PaymentOrderEntity order =
                notice.orderId().length() > 36
                        ? null
                        : em.find(PaymentOrderEntity.class, notice.orderId());
        if (order == null || !order.providerId().equals(providerId)) {
            return refused(
                    new Audit("payment.notify.unknown-order", target, "no such order; " + facts),
                    problem(
                            400,
                            "payment-order-unknown",
                            "支付通知对应的订单不存在",
                            "The notification names no order of this provider",
                            null));
        }
        if (notice.paid() && notice.amountFen() != order.amountFen()) {
            return refused(
                    new Audit(
                            "payment.notify.amount-mismatch",
                            target,
                            "order is " + order.amountFen() + " fen; notice says " + facts),
                    problem(
                            400,
                            "payment-amount-mismatch",
                            "支付金额与订单金额不符，已拒绝",
                            "The paid amount differs from the order's; refused",
                            null));
        }
        Instant now = clock.instant();
        Instant at = notice.at() == null ? now : notice.at();
        List<PaymentOrder> changed = new ArrayList<>();
        List<Audit> audits = new ArrayList<>();
        NoticeResult result;
        if (!notice.paid()) {
            result = NoticeResult.NOT_PAID;
        } else if (order.status() == PaymentStatus.CREATED && order.inTime(at)) {
            order.paid(notice.transactionId(), at, now);
            changed.add(order.view());
            audits.add(new Audit("payment.paid", target, facts));
            result = NoticeResult.PAID;
        } else if (order.status() == PaymentStatus.CREATED
                || order.status() == PaymentStatus.CLOSED) {
            if (order.status() == PaymentStatus.CREATED) {
                // paid after its expiry by the provider's own clock: the order is over either way
                order.close(now);
                changed.add(order.view());
            }
            audits.add(
                    new Audit(
                            "payment.paid-after-close",
                            target,
                            "money arrived for a closed order, refund it; " + facts));
            result = NoticeResult.PAID_AFTER_CLOSE;
        } else {
            audits.add(
                    new Audit(
                            "payment.paid-twice",
                            target,
                            "money arrived for an order already "
                                    + order.status()
                                    + ", refund it; "
                                    + facts));
            result = NoticeResult.PAID_TWICE;
        }
        em.persist(
                new PaymentNoticeEntity(
                        UUID.randomUUID().toString(),
                        providerId,
                        notice,
                        now,
                        sourceAddress,
                        result,
                        headers,
                        body));
        // written now, so that a concurrent duplicate (unique key) or change (row version) fails
        // inside the caller's retry rather than at some later commit
        em.flush();
        if (result == NoticeResult.NOT_PAID) {
            LOG.info("Payment notice recorded, not paid: {}", facts);
        }
        return new Processed(result, changed, audits, null);
    }

    private static Processed refused(Audit audit, ProblemException refusal) {
        return new Processed(null, List.of(), List.of(audit), refusal);
    }

    private boolean noticeStored(String providerId, PaymentNotice notice) {
        return tx.read(em -> storedNotice(em, providerId, notice));
    }

    private static boolean storedNotice(EntityManager em, String providerId, PaymentNotice n) {
        return !em.createQuery(
                        "SELECT n.id FROM PaymentNoticeEntity n WHERE n.providerId = :p"
                                + " AND n.transactionId = :t AND n.paid = :paid",
                        String.class)
                .setParameter("p", providerId)
                .setParameter("t", n.transactionId())
                .setParameter("paid", n.paid())
                .getResultList()
                .isEmpty();
    }

    /**
     * Closes CREATED orders past their expiry, oldest first, and tells the listeners of each one
     * this node closed. Every node may sweep: the row version lets one of them close an order.
     *
     * @return how many this call closed
     */
    public int closeExpired() {
        Instant now = clock.instant();
        List<String> ids =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT o.id FROM PaymentOrderEntity o WHERE"
                                                        + " o.status = :s AND o.expiresAt < :now"
                                                        + " ORDER BY o.expiresAt",
                                                String.class)
                                        .setParameter("s", PaymentStatus.CREATED.name())
                                        .setParameter("now", Timestamp.from(now))
                                        .setMaxResults(SWEEP_BATCH)
                                        .getResultList());
        int closed = 0;
        for (String id : ids) {
            if (closeIfExpired(id)) {
                closed++;
            }
        }
        return closed;
    }

    private boolean closeIfExpired(String orderId) {
        Instant now = clock.instant();
        PaymentOrder closed;
        try {
            closed =
                    tx.write(
                            em -> {
                                PaymentOrderEntity o = em.find(PaymentOrderEntity.class, orderId);
                                if (o == null || !o.expired(now)) {
                                    return null;
                                }
                                o.close(now);
                                return o.view();
                            });
        } catch (PersistenceException e) {
            // a notification or another node changed the order first; it is no longer ours to close
            LOG.debug("Order {} changed while closing it", orderId, e);
            return false;
        }
        if (closed == null) {
            return false;
        }
        LOG.info("Payment order {} expired unpaid and is closed", orderId);
        tell(closed);
        return true;
    }

    /**
     * Issues the receipts a failure left out (the node crashed, the document service failed) once
     * their claim is older than {@link #RECEIPT_RETRY_AFTER}.
     *
     * @return how many this call issued
     */
    public int issueMissingReceipts() {
        Instant now = clock.instant();
        Instant stale = now.minus(RECEIPT_RETRY_AFTER);
        List<String> ids =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT o.id FROM PaymentOrderEntity o WHERE"
                                                        + " o.status = :s AND o.receiptDocumentId"
                                                        + " IS NULL AND (o.receiptClaimedAt IS NULL"
                                                        + " OR o.receiptClaimedAt < :stale)",
                                                String.class)
                                        .setParameter("s", PaymentStatus.PAID.name())
                                        .setParameter("stale", Timestamp.from(stale))
                                        .setMaxResults(20)
                                        .getResultList());
        int issued = 0;
        for (String id : ids) {
            PaymentOrder claimed;
            try {
                claimed =
                        tx.write(
                                em -> {
                                    PaymentOrderEntity o = em.find(PaymentOrderEntity.class, id);
                                    return o.claimReceipt(now, stale) ? o.view() : null;
                                });
            } catch (PersistenceException e) {
                LOG.debug("Receipt of order {} claimed elsewhere", id, e);
                continue;
            }
            if (claimed != null && issueReceipt(claimed).receiptDocumentId() != null) {
                issued++;
            }
        }
        return issued;
    }

    /** Issues the receipt of a PAID order this node claimed; a failure is retried by the sweep. */
    private PaymentOrder issueReceipt(PaymentOrder paid) {
        try {
            String providerName =
                    provider(paid.providerId()).map(p -> p.name().zh()).orElse(paid.providerId());
            IssuedDocument receipt =
                    documents.issue(
                            new IssueRequest(
                                    PaymentReceipt.TYPE_ID,
                                    paid.payerId(),
                                    null,
                                    null,
                                    PaymentReceipt.values(paid, providerName)));
            return retrying(
                    () ->
                            tx.write(
                                    em -> {
                                        PaymentOrderEntity o =
                                                em.find(PaymentOrderEntity.class, paid.id());
                                        o.receiptIssued(receipt.id());
                                        return o.view();
                                    }));
        } catch (RuntimeException e) {
            LOG.error(
                    "Receipt of paid order {} not issued; the sweep tries again after {}",
                    paid.id(),
                    RECEIPT_RETRY_AFTER,
                    e);
            return paid;
        }
    }

    private void tell(PaymentOrder order) {
        for (PaymentListener l : listeners) {
            try {
                l.changed(order);
            } catch (RuntimeException e) {
                LOG.warn("Payment listener {} failed for order {}", l, order.id(), e);
            }
        }
    }

    private void audit(
            String action, String actorId, String target, String sourceAddress, String detail) {
        if (ALARMS.contains(action)) {
            LOG.warn("Audit {} {} from {}: {}", action, target, sourceAddress, detail);
        } else {
            LOG.info("Audit {} {}: {}", action, target, detail);
        }
        AuditLog log = auditLog;
        if (log != null) {
            try {
                log.record(action, actorId, target, sourceAddress, detail);
            } catch (RuntimeException e) {
                LOG.error("Audit entry {} for {} not stored", action, target, e);
            }
        }
    }

    /** Retries work that lost an optimistic race to a change that does not matter to it. */
    private static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS || !JpaTransactions.optimisticLockFailure(e)) {
                    throw e;
                }
            }
        }
    }

    /** The request headers as evidence, without credentials a caller might have sent. */
    static String evidence(Map<String, String> headers) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(headers)
                .forEach(
                        (name, value) -> {
                            String n = name.toLowerCase(Locale.ROOT);
                            if (!n.equals("authorization") && !n.equals("cookie")) {
                                b.append(name).append(": ").append(value).append('\n');
                            }
                        });
        return b.length() > 4000 ? b.substring(0, 4000) : b.toString();
    }

    private static String target(String orderId) {
        return "payment:" + orderId;
    }

    private static PaymentOrder withQr(PaymentOrder o, String qr) {
        return new PaymentOrder(
                o.id(),
                o.payerId(),
                o.amountFen(),
                o.purpose(),
                o.module(),
                o.reference(),
                o.status(),
                o.providerId(),
                qr,
                o.createdAt(),
                o.expiresAt(),
                o.paidAt(),
                o.providerTransactionId(),
                o.receiptDocumentId());
    }

    static ProblemException noProvider() {
        return problem(
                503, "no-provider", "支付服务未安装，暂不能缴费", "No payment provider is installed", null);
    }

    private static ProblemException providerFailed() {
        return problem(
                502,
                "payment-provider-failed",
                "支付服务暂时不可用，请稍后再试",
                "The payment provider failed; try again later",
                null);
    }

    private static ProblemException notPaid(PaymentStatus status) {
        return ProblemException.conflict(
                "payment-not-paid",
                "只有已支付的订单可以退款",
                "Only a paid order can be refunded",
                "当前状态 status: " + status);
    }

    private static ProblemException problem(
            int status, String slug, String zh, String en, String detail) {
        return new ProblemException(
                new Problem(Problem.type(slug), zh, en, status, detail, null, null));
    }
}
