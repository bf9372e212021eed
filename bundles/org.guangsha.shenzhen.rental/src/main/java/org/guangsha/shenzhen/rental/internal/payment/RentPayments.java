package org.guangsha.shenzhen.rental.internal.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.payment.OrderRequest;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentService;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.Lessees;
import org.guangsha.shenzhen.rental.internal.RentalConfiguration;
import org.guangsha.shenzhen.rental.internal.ShenzhenRentalModule;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Closed;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Run;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.BillView;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.Bills;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.Next;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.OrderView;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.Payable;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.Reason;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.RunView;
import org.guangsha.shenzhen.rental.internal.store.BillEntity;
import org.guangsha.shenzhen.rental.internal.store.CollectionRunEntity;
import org.guangsha.shenzhen.rental.internal.store.HomeEntity;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
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
 * Rent payment (微信扫码交租, SZ-4). A lease's monthly bills are created when read, from its first month
 * to the current one (city time) but not past its end, once each: the unique (LEASE_ID, PERIOD)
 * decides when two nodes create the same month. Only the oldest unpaid bill can be paid (SZ-4 a),
 * and only while {@link PaymentWindow} says paying is open (SZ-4 b–d); the time is the city's
 * {@link Clock} service of the highest ranking (the system clock, or the sandbox's settable one in
 * tests and demos).
 *
 * <p>Paying creates a core payment order (only the provider's signed notification makes it PAID). A
 * bill keeps one order at a time: an order still payable is answered again, and a new one is stored
 * only if the bill still names the order read before (compare-and-set on the row), so two requests
 * at once end with the same order and the other request's order, never shown to anyone, expires
 * unpaid. An order paid after the bill was paid by another (an expired code paid just in time, say)
 * is recorded in the audit trail as paid twice for a human to refund (M-1).
 */
@Component(service = RentPayments.class, configurationPid = RentalConfiguration.PID)
public class RentPayments {

    /** The module id on payment orders; the listener filters on it. */
    static final String MODULE = ShenzhenRentalModule.ID;

    static final String UNPAID = "UNPAID";
    static final String PAID = "PAID";

    private static final Logger LOG = LoggerFactory.getLogger(RentPayments.class);
    private static final int PURPOSE_MAX = 100;

    private final JpaTransactions tx;
    private final Lessees lessees;
    private final PaymentService payments;
    private volatile PaymentSettings settings;

    /** The city's clock: the highest ranking {@code Clock} service, followed as rankings change. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public RentPayments(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema,
            @Reference Lessees lessees,
            @Reference PaymentService payments,
            RentalConfiguration config) {
        this(new JpaTransactions(emf), lessees, payments, null, PaymentSettings.of(config));
    }

    RentPayments(
            JpaTransactions tx,
            Lessees lessees,
            PaymentService payments,
            Clock clock,
            PaymentSettings settings) {
        this.tx = tx;
        this.lessees = lessees;
        this.payments = payments;
        this.clock = clock;
        this.settings = settings;
    }

    /** The city changed its settings: the next request follows them. */
    @Modified
    void modified(RentalConfiguration config) {
        settings = PaymentSettings.of(config);
    }

    void auditLog(AuditLog log) {
        this.auditLog = log;
    }

    /** The city's time now. */
    Instant now() {
        return clock.instant();
    }

    // ---- the lessee's bills ----------------------------------------------------------------

    /**
     * {@code GET leases/{id}/bills}: the lessee's bills, the next to pay, whether paying is open.
     */
    public Bills bills(String leaseId, Caller caller) {
        Instant now = now();
        LeaseEntity lease = lesseeLease(leaseId, caller);
        ensureBills(lease, now);
        List<BillEntity> bills = catchUp(billsOf(lease.id()));
        List<Run> runs = runs(now);
        Optional<Closed> closed = new PaymentWindow(settings).closed(now, runs);
        BillEntity next = oldestUnpaid(bills).orElse(null);
        LocalDate today = now.atZone(PaymentWindow.CITY_ZONE).toLocalDate();
        return new Bills(
                lease.id(),
                homeName(lease),
                bills.stream().map(b -> view(b, today)).toList(),
                new Payable(closed.isEmpty(), closed.map(RentPayments::reason).orElse(null)),
                next == null ? null : new Next(next.id(), next.period(), next.amountFen()),
                city(now));
    }

    /**
     * {@code POST bills/{id}/payment}: the payment order of the bill, a new one or the one still
     * payable.
     *
     * @throws PaymentClosedException when the bill is not the oldest unpaid (SZ-4 a) or paying is
     *     closed now (SZ-4 b–d)
     */
    public OrderView pay(String billId, Caller caller) {
        Instant now = now();
        BillEntity bill = tx.read(em -> em.find(BillEntity.class, billId));
        if (bill == null) {
            throw ProblemException.notFound("没有这张账单 No such bill");
        }
        LeaseEntity lease = lesseeLease(bill.leaseId(), caller);
        List<BillEntity> bills = catchUp(billsOf(lease.id()));
        bill = bills.stream().filter(b -> b.id().equals(billId)).findFirst().orElseThrow();
        if (PAID.equals(bill.status())) {
            throw paid(bill);
        }
        BillEntity oldest = oldestUnpaid(bills).orElseThrow();
        if (!oldest.id().equals(bill.id())) {
            // SZ-4 a: every earlier month first
            throw new PaymentClosedException(
                    new Closed(
                            PaymentWindow.ARREARS_FIRST,
                            "请先缴清"
                                    + month(oldest.period())
                                    + "的租金，再缴纳"
                                    + month(bill.period())
                                    + "的租金",
                            "Pay the rent of " + oldest.period() + " first, then " + bill.period(),
                            null),
                    oldest.id());
        }
        List<Run> runs = runs(now);
        PaymentWindow window = new PaymentWindow(settings);
        Optional<Closed> closed = window.closed(now, runs);
        if (closed.isPresent()) {
            throw new PaymentClosedException(closed.get(), null);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            PaymentOrder open = openOrder(bill);
            if (open != null) {
                return orderView(open, bill.id());
            }
            PaymentOrder created =
                    payments.create(
                            new OrderRequest(
                                    caller.accountId(),
                                    bill.amountFen(),
                                    purpose(bill, lease),
                                    MODULE,
                                    bill.id(),
                                    lifetime(window, now, runs)));
            if (claim(bill, created.id())) {
                LOG.info("Rent order {} for bill {} ({})", created.id(), bill.id(), bill.period());
                audit(
                        "shenzhen-rental.rent.order-created",
                        caller.accountId(),
                        bill.id(),
                        "order="
                                + created.id()
                                + " period="
                                + bill.period()
                                + " amountFen="
                                + bill.amountFen());
                return orderView(created, bill.id());
            }
            // another request stored its order first: answer that one (never shown, ours expires)
            LOG.info("Rent order {} for bill {} lost to another request", created.id(), bill.id());
            String id = bill.id();
            bill = tx.read(em -> em.find(BillEntity.class, id));
            if (PAID.equals(bill.status())) {
                throw paid(bill);
            }
        }
        throw ProblemException.conflict(
                "bill-busy", "账单正在处理，请稍后再试", "The bill is busy, try again", null);
    }

    /**
     * A payment order of the line changed state: PAID marks its bill paid with the receipt (only
     * the provider's notification makes an order PAID).
     */
    void orderChanged(PaymentOrder order) {
        if (!MODULE.equals(order.module())
                || order.reference() == null
                || order.status() != PaymentStatus.PAID) {
            return;
        }
        recordPaid(order);
    }

    // ---- collection runs (SZ-4 d) -----------------------------------------------------------

    /** Every run, the latest start first. */
    public List<RunView> listRuns() {
        Instant now = now();
        return tx
                .read(
                        em ->
                                em.createQuery(
                                                "SELECT r FROM CollectionRunEntity r ORDER BY r.startsAt DESC",
                                                CollectionRunEntity.class)
                                        .getResultList())
                .stream()
                .map(r -> runView(r, now))
                .toList();
    }

    /** Stores runs checked before (all in one transaction); their views. */
    public List<RunView> addRuns(List<Run> runs, String actorId) {
        Instant now = now();
        Instant created = Instant.now();
        List<CollectionRunEntity> rows =
                tx.write(
                        em -> {
                            List<CollectionRunEntity> out = new ArrayList<>();
                            for (Run r : runs) {
                                CollectionRunEntity e =
                                        new CollectionRunEntity(UUID.randomUUID().toString());
                                e.startsAt(r.startsAt());
                                e.endsAt(r.endsAt());
                                e.description(r.description());
                                e.createdBy(actorId);
                                e.createdAt(created);
                                em.persist(e);
                                out.add(e);
                            }
                            return out;
                        });
        for (CollectionRunEntity e : rows) {
            audit(
                    "shenzhen-rental.collection-run.created",
                    actorId,
                    "collection-run:" + e.id(),
                    "startsAt=" + e.startsAt() + " endsAt=" + e.endsAt());
        }
        return rows.stream().map(r -> runView(r, now)).toList();
    }

    /** Deletes a run; false when there is none with this id. */
    public boolean deleteRun(String id, String actorId) {
        boolean deleted =
                tx.write(
                        em -> {
                            CollectionRunEntity e = em.find(CollectionRunEntity.class, id);
                            if (e == null) {
                                return false;
                            }
                            em.remove(e);
                            return true;
                        });
        if (deleted) {
            audit("shenzhen-rental.collection-run.deleted", actorId, "collection-run:" + id, null);
        }
        return deleted;
    }

    // ---- bills ------------------------------------------------------------------------------

    /** The lease if the caller holds it ({@link Lessees}); anyone else 404. */
    LeaseEntity lesseeLease(String leaseId, Caller caller) {
        return lessees.lease(caller, leaseId)
                .orElseThrow(() -> ProblemException.notFound("没有这份租赁合同 No such lease"));
    }

    /** Creates the lease's missing bills up to the current month (city time), once each. */
    void ensureBills(LeaseEntity lease, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(PaymentWindow.CITY_ZONE));
        if (lease.startDate() == null) {
            return;
        }
        YearMonth last = current;
        if (lease.endDate() != null && YearMonth.from(lease.endDate()).isBefore(last)) {
            last = YearMonth.from(lease.endDate());
        }
        Set<String> existing =
                new HashSet<>(
                        tx.read(
                                em ->
                                        em.createQuery(
                                                        "SELECT b.period FROM BillEntity b WHERE b.leaseId = :l",
                                                        String.class)
                                                .setParameter("l", lease.id())
                                                .getResultList()));
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth m = YearMonth.from(lease.startDate());
                !m.isAfter(last);
                m = m.plusMonths(1)) {
            if (!existing.contains(m.toString())) {
                missing.add(m);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            tx.run(em -> missing.forEach(m -> em.persist(newBill(lease, m))));
        } catch (PersistenceException e) {
            // another node created some of them meanwhile: the unique (LEASE_ID, PERIOD) refused
            // ours; create the rest one by one, each month once
            for (YearMonth m : missing) {
                try {
                    tx.run(em -> em.persist(newBill(lease, m)));
                } catch (PersistenceException alreadyThere) {
                    LOG.debug("Bill {} of lease {} created elsewhere", m, lease.id());
                }
            }
        }
    }

    private BillEntity newBill(LeaseEntity lease, YearMonth month) {
        BillEntity b = new BillEntity(UUID.randomUUID().toString());
        b.leaseId(lease.id());
        b.period(month.toString());
        b.amountFen(lease.rentFen());
        b.dueDate(month.atDay(Math.min(settings.dueDay(), month.lengthOfMonth())));
        b.status(UNPAID);
        b.createdAt(Instant.now());
        return b;
    }

    private List<BillEntity> billsOf(String leaseId) {
        return tx.read(
                em ->
                        em.createQuery(
                                        "SELECT b FROM BillEntity b WHERE b.leaseId = :l ORDER BY b.period",
                                        BillEntity.class)
                                .setParameter("l", leaseId)
                                .getResultList());
    }

    /**
     * Records what the payment listener may have missed (it can fail, or a receipt be issued by a
     * later sweep): an unpaid bill whose order is PAID, a paid one whose receipt came later.
     */
    private List<BillEntity> catchUp(List<BillEntity> bills) {
        boolean changed = false;
        String leaseId = null;
        for (BillEntity b : bills) {
            leaseId = b.leaseId();
            if (b.orderId() == null || (PAID.equals(b.status()) && b.receiptDocumentId() != null)) {
                continue;
            }
            PaymentOrder order = payments.find(b.orderId()).orElse(null);
            if (order != null && order.status() == PaymentStatus.PAID) {
                changed |= recordPaid(order);
            }
        }
        return changed ? billsOf(leaseId) : bills;
    }

    private static Optional<BillEntity> oldestUnpaid(List<BillEntity> bills) {
        return bills.stream()
                .filter(b -> UNPAID.equals(b.status()))
                .min(Comparator.comparing(BillEntity::period));
    }

    /** The bill's order if it can still be paid. */
    private PaymentOrder openOrder(BillEntity bill) {
        if (bill.orderId() == null) {
            return null;
        }
        return payments.find(bill.orderId())
                .filter(o -> o.status() == PaymentStatus.CREATED)
                .filter(o -> o.expiresAt().isAfter(Instant.now()))
                .orElse(null);
    }

    /**
     * Stores {@code orderId} as the bill's order if the bill is unpaid and still names the order it
     * named when read: compare-and-set, so of two requests at once exactly one stores its order.
     */
    private boolean claim(BillEntity read, String orderId) {
        String previous = read.orderId();
        int updated =
                tx.write(
                        em ->
                                (previous == null
                                                ? em.createNativeQuery(
                                                                "UPDATE SZR_BILL SET ORDER_ID = ?1,"
                                                                        + " ROW_VERSION = ROW_VERSION + 1"
                                                                        + " WHERE ID = ?2 AND STATUS = 'UNPAID'"
                                                                        + " AND ORDER_ID IS NULL")
                                                        .setParameter(1, orderId)
                                                        .setParameter(2, read.id())
                                                : em.createNativeQuery(
                                                                "UPDATE SZR_BILL SET ORDER_ID = ?1,"
                                                                        + " ROW_VERSION = ROW_VERSION + 1"
                                                                        + " WHERE ID = ?2 AND STATUS = 'UNPAID'"
                                                                        + " AND ORDER_ID = ?3")
                                                        .setParameter(1, orderId)
                                                        .setParameter(2, read.id())
                                                        .setParameter(3, previous))
                                        .executeUpdate());
        return updated == 1;
    }

    /** Marks the order's bill paid; true when this changed the bill. */
    private boolean recordPaid(PaymentOrder order) {
        String billId = order.reference();
        Instant paidAt = order.paidAt() == null ? Instant.now() : order.paidAt();
        String outcome =
                retried(
                        () ->
                                tx.write(
                                        em -> {
                                            BillEntity b = em.find(BillEntity.class, billId);
                                            if (b == null) {
                                                return "unknown";
                                            }
                                            if (PAID.equals(b.status())) {
                                                if (!order.id().equals(b.orderId())) {
                                                    return "twice";
                                                }
                                                if (b.receiptDocumentId() == null
                                                        && order.receiptDocumentId() != null) {
                                                    b.receiptDocumentId(order.receiptDocumentId());
                                                    return "receipt";
                                                }
                                                return "known";
                                            }
                                            b.status(PAID);
                                            b.orderId(order.id());
                                            b.paidAt(paidAt);
                                            b.receiptDocumentId(order.receiptDocumentId());
                                            return "paid";
                                        }));
        switch (outcome) {
            case "paid" -> {
                LOG.info("Rent bill {} paid (order {})", billId, order.id());
                audit(
                        "shenzhen-rental.rent.paid",
                        order.payerId(),
                        billId,
                        "order=" + order.id() + " amountFen=" + order.amountFen());
                return true;
            }
            case "receipt" -> {
                return true;
            }
            case "twice" -> {
                // a second order paid for one bill: a human refunds it (M-1); the trail keeps it
                LOG.warn("Rent bill {} paid twice; order {} to refund", billId, order.id());
                audit(
                        "shenzhen-rental.rent.paid-twice",
                        order.payerId(),
                        billId,
                        "order=" + order.id() + " amountFen=" + order.amountFen());
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Runs that cover now or start later (the window needs both). */
    private List<Run> runs(Instant now) {
        return tx
                .read(
                        em ->
                                em.createQuery(
                                                "SELECT r FROM CollectionRunEntity r WHERE r.endsAt > :now",
                                                CollectionRunEntity.class)
                                        .setParameter("now", Timestamp.from(now))
                                        .getResultList())
                .stream()
                .map(r -> new Run(r.startsAt(), r.endsAt(), r.description()))
                .toList();
    }

    /** The configured lifetime, cut short so that the code is not payable after paying closes. */
    private Duration lifetime(PaymentWindow window, Instant now, List<Run> runs) {
        Duration lifetime = settings.orderLifetime();
        Optional<Instant> closes = window.closesAt(now, runs);
        if (closes.isPresent()) {
            Duration left = Duration.between(now, closes.get());
            if (left.compareTo(lifetime) < 0) {
                // the core's shortest order is a minute
                lifetime = left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left;
            }
        }
        return lifetime;
    }

    private String purpose(BillEntity bill, LeaseEntity lease) {
        String p = month(bill.period()) + "租金 " + homeName(lease);
        return p.length() > PURPOSE_MAX ? p.substring(0, PURPOSE_MAX) : p.strip();
    }

    /** {@code 2026年11月} of {@code 2026-11}. */
    static String month(String period) {
        YearMonth m = YearMonth.parse(period);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    private String homeName(LeaseEntity lease) {
        HomeEntity home = tx.read(em -> em.find(HomeEntity.class, lease.homeId()));
        return home == null
                ? Objects.toString(lease.leaseNo(), "")
                : home.project() + home.building() + home.room();
    }

    private static BillView view(BillEntity b, LocalDate today) {
        return new BillView(
                b.id(),
                b.period(),
                b.amountFen(),
                b.dueDate(),
                b.status(),
                UNPAID.equals(b.status()) && b.dueDate() != null && b.dueDate().isBefore(today),
                b.paidAt() == null ? null : city(b.paidAt()),
                b.receiptDocumentId());
    }

    private static OrderView orderView(PaymentOrder o, String billId) {
        return new OrderView(o.id(), billId, o.qrPayload(), city(o.expiresAt()));
    }

    private static RunView runView(CollectionRunEntity r, Instant now) {
        return new RunView(
                r.id(),
                city(r.startsAt()),
                city(r.endsAt()),
                r.description(),
                !now.isBefore(r.startsAt()) && now.isBefore(r.endsAt()),
                r.createdAt() == null ? null : city(r.createdAt()));
    }

    static Reason reason(Closed c) {
        return new Reason(
                c.rule(),
                c.message(),
                c.messageEn(),
                c.opensAt() == null ? null : city(c.opensAt()));
    }

    static OffsetDateTime city(Instant t) {
        return t.atZone(PaymentWindow.CITY_ZONE).toOffsetDateTime();
    }

    private static ProblemException paid(BillEntity bill) {
        return ProblemException.conflict(
                "bill-paid",
                month(bill.period()) + "的租金已缴清",
                "The rent of " + bill.period() + " is paid",
                null);
    }

    private static <T> T retried(Supplier<T> work) {
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

    private void audit(String action, String actorId, String target, String detail) {
        AuditLog log = auditLog;
        if (log == null) {
            return;
        }
        String t = target.contains(":") ? target : "bill:" + target;
        try {
            log.record(action, actorId, t, null, detail);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit entry {} for {}", action, t, e);
        }
    }
}
