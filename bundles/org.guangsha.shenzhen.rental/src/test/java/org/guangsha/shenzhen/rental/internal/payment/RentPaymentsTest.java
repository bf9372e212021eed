package org.guangsha.shenzhen.rental.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.payment.OrderRequest;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentService;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.Lessees;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Run;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.Bills;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.OrderView;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rent payment (SZ-4) on an in-memory H2 database with the line's schema, a fixed city clock and a
 * payment service that pays only when told (as the provider's notification would).
 */
class RentPaymentsTest {

    private static final String ID_NUMBER = "440304199001011233";

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private EntityManagerFactory emf;
    private final TestClock clock = new TestClock();
    private final FakePayments payments = new FakePayments();
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private RentPayments rent;
    private final Caller zhang =
            new Caller("acc-zhang", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);
    private final Caller li =
            new Caller("acc-li", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);
    private String leaseId;

    @BeforeEach
    void setUp() throws Exception {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String sql : statements(read("/db/migration/V1__homes_leases_bills.sql"))) {
                st.execute(sql);
            }
            for (String sql : statements(read("/db/migration/V6__resident_changes.sql"))) {
                st.execute(sql);
            }
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-shenzhen-rental",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        AccountDirectory directory =
                new AccountDirectory() {
                    @Override
                    public Optional<AccountProfile> find(String id) {
                        return Optional.of(
                                new AccountProfile(
                                        id,
                                        AccountKind.CITIZEN,
                                        "张三",
                                        id.equals("acc-zhang") ? ID_NUMBER : "440304198505054327",
                                        "13800000001",
                                        TrustLevel.L2));
                    }

                    @Override
                    public Optional<AccountProfile> citizenByIdNumber(String idNumber) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> creditCode(String accountId) {
                        return Optional.empty();
                    }
                };
        rent =
                new RentPayments(
                        new JpaTransactions(emf),
                        Lessees.forTests(new JpaTransactions(emf), directory, clock),
                        payments,
                        clock,
                        PaymentSettings.DEFAULTS);
        rent.auditLog(
                new AuditLog() {
                    @Override
                    public void record(
                            String action,
                            String actor,
                            String target,
                            String source,
                            String detail) {
                        audited.add(action + " " + target + " " + detail);
                    }
                });
        clock.set("2026-11-10T10:00:00");
        leaseId = lease(LocalDate.of(2026, 9, 1), LocalDate.of(2028, 8, 31), 120000);
    }

    @AfterEach
    void tearDown() {
        emf.close();
    }

    @Test
    void billsAreCreatedOnceFromTheFirstMonthToTheCurrentOne() throws Exception {
        Bills bills = rent.bills(leaseId, zhang);
        assertEquals(
                List.of("2026-09", "2026-10", "2026-11"),
                bills.bills().stream().map(b -> b.period()).toList());
        assertEquals(120000, bills.bills().get(0).amountFen());
        assertEquals(LocalDate.of(2026, 9, 5), bills.bills().get(0).dueDate());
        assertTrue(bills.bills().get(0).overdue());
        assertTrue(bills.payable().open());
        // SZ-4 a: the next bill is the oldest unpaid
        assertEquals("2026-09", bills.next().period());
        assertEquals("福田安居苑1栋101", bills.home());
        rent.bills(leaseId, zhang);
        assertEquals(3, count("SELECT COUNT(*) FROM SZR_BILL"));
        clock.set("2026-12-02T10:00:00");
        assertEquals(4, rent.bills(leaseId, zhang).bills().size());
        // nobody else sees the lease
        ProblemException e = assertThrows(ProblemException.class, () -> rent.bills(leaseId, li));
        assertEquals(404, e.problem().status());
    }

    @Test
    void arrearsFirstSZ4a() {
        Bills bills = rent.bills(leaseId, zhang);
        String november = bills.bills().get(2).id();
        PaymentClosedException e =
                assertThrows(PaymentClosedException.class, () -> rent.pay(november, zhang));
        assertEquals("arrears-first", e.closed().rule());
        assertEquals(bills.bills().get(0).id(), e.payFirstBillId());
        assertTrue(e.closed().message().startsWith("请先缴清2026年9月的租金"), e.closed().message());
        assertNull(e.closed().opensAt());
        assertEquals(0, payments.created.get());
    }

    @Test
    void nightMonthEndAndCollectionRunsRefuseWithTheOpeningTime() {
        String september = rent.bills(leaseId, zhang).next().billId();
        clock.set("2026-11-10T23:30:00");
        PaymentClosedException night =
                assertThrows(PaymentClosedException.class, () -> rent.pay(september, zhang));
        assertEquals("night", night.closed().rule());
        assertEquals(at("2026-11-11T01:00:00"), night.closed().opensAt());
        Bills atNight = rent.bills(leaseId, zhang);
        assertEquals("night", atNight.payable().reason().rule());
        assertEquals(
                OffsetDateTime.parse("2026-11-11T01:00:00+08:00"),
                atNight.payable().reason().opensAt());

        clock.set("2026-11-29T10:00:00");
        assertEquals(
                "month-end",
                assertThrows(PaymentClosedException.class, () -> rent.pay(september, zhang))
                        .closed()
                        .rule());

        clock.set("2026-11-11T10:00:00");
        rent.addRuns(
                List.of(new Run(at("2026-11-11T09:00:00"), at("2026-11-11T17:00:00"), "11月托收")),
                "staff");
        PaymentClosedException run =
                assertThrows(PaymentClosedException.class, () -> rent.pay(september, zhang));
        assertEquals("bank-collection", run.closed().rule());
        assertEquals(at("2026-11-11T17:00:00"), run.closed().opensAt());
        assertEquals(0, payments.created.get());
        clock.set("2026-11-11T17:00:00");
        assertNotNull(rent.pay(september, zhang).orderId());
    }

    @Test
    void payingTheOldestThenTheNextWithReceipts() {
        String september = rent.bills(leaseId, zhang).next().billId();
        OrderView order = rent.pay(september, zhang);
        assertEquals("/pay/" + order.orderId(), order.qrPayload());
        PaymentOrder core = payments.orders.get(order.orderId());
        assertEquals(120000, core.amountFen());
        assertEquals("2026年9月租金 福田安居苑1栋101", core.purpose());
        assertEquals("shenzhen-rental", core.module());
        assertEquals(september, core.reference());
        assertEquals("acc-zhang", core.payerId());
        // asked again while payable: the same order
        assertEquals(order.orderId(), rent.pay(september, zhang).orderId());
        assertEquals(1, payments.created.get());

        rent.orderChanged(payments.pay(order.orderId()));
        Bills after = rent.bills(leaseId, zhang);
        assertEquals("PAID", after.bills().get(0).status());
        assertEquals(
                payments.receipts.get(order.orderId()), after.bills().get(0).receiptDocumentId());
        assertNotNull(after.bills().get(0).paidAt());
        assertEquals("2026-10", after.next().period());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> rent.pay(september, zhang))
                        .problem()
                        .status());
        assertTrue(audited.stream().anyMatch(a -> a.startsWith("shenzhen-rental.rent.paid bill:")));
    }

    @Test
    void aMissedNotificationIsCaughtUpWhenTheBillsAreRead() {
        String september = rent.bills(leaseId, zhang).next().billId();
        OrderView order = rent.pay(september, zhang);
        payments.pay(order.orderId()); // the listener never heard of it
        assertEquals("PAID", rent.bills(leaseId, zhang).bills().get(0).status());
    }

    @Test
    void payingTwiceAtOnceGivesOneOrderAndASecondPaidOrderIsKeptTrackOf() throws Exception {
        String september = rent.bills(leaseId, zhang).next().billId();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(
                    pool.submit(
                            () -> {
                                start.await();
                                return rent.pay(september, zhang).orderId();
                            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<String> f : answers) {
            ids.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        String stored = text("SELECT ORDER_ID FROM SZR_BILL WHERE ID = '" + september + "'");
        assertEquals(ids.get(0), stored);

        // an order of the bill paid after another paid it (an expired code paid just in time):
        // the bill keeps the first, the second is in the audit trail to refund
        rent.orderChanged(payments.pay(stored));
        PaymentOrder other =
                payments.create(
                        new OrderRequest(
                                "acc-zhang",
                                120000,
                                "2026年9月租金",
                                "shenzhen-rental",
                                september,
                                java.time.Duration.ofMinutes(15)));
        rent.orderChanged(payments.pay(other.id()));
        assertEquals(stored, text("SELECT ORDER_ID FROM SZR_BILL WHERE ID = '" + september + "'"));
        assertTrue(
                audited.stream()
                        .anyMatch(
                                a ->
                                        a.startsWith(
                                                        "shenzhen-rental.rent.paid-twice bill:"
                                                                + september)
                                                && a.contains(other.id())),
                audited.toString());
    }

    @Test
    void orderLifetimeEndsWhenPayingCloses() {
        String september = rent.bills(leaseId, zhang).next().billId();
        clock.set("2026-11-10T22:55:00");
        OrderView order = rent.pay(september, zhang);
        assertEquals(java.time.Duration.ofMinutes(5), payments.lifetimes.get(order.orderId()));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Instant at(String cityTime) {
        return OffsetDateTime.parse(cityTime + "+08:00").toInstant();
    }

    private String lease(LocalDate start, LocalDate end, long rentFen) throws Exception {
        String home = UUID.randomUUID().toString();
        String lease = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO SZR_HOME (ID, HOME_CODE, PROJECT, BUILDING, ROOM, ADDRESS,"
                                    + " DISTRICT_CODE, CREATED_AT, UPDATED_AT) VALUES (?, ?, '福田安居苑',"
                                    + " '1栋', '101', '深圳市福田区', '440304', CURRENT_TIMESTAMP,"
                                    + " CURRENT_TIMESTAMP)")) {
                st.setString(1, home);
                st.setString(2, "H-" + home.substring(0, 8));
                st.executeUpdate();
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO SZR_LEASE (ID, LEASE_NO, HOME_ID, ACTIVE_HOME_ID, LESSEE_KIND,"
                                    + " LESSEE_NAME, LESSEE_ID, POLICY, START_DATE, END_DATE, RENT_FEN,"
                                    + " STATUS, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, 'CITIZEN',"
                                    + " '张三', ?, 'OLD', ?, ?, ?, 'ACTIVE', CURRENT_TIMESTAMP,"
                                    + " CURRENT_TIMESTAMP)")) {
                st.setString(1, lease);
                st.setString(2, "L-" + lease.substring(0, 8));
                st.setString(3, home);
                st.setString(4, home);
                st.setString(5, ID_NUMBER);
                st.setObject(6, start);
                st.setObject(7, end);
                st.setLong(8, rentFen);
                st.executeUpdate();
            }
        }
        return lease;
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = RentPaymentsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return Arrays.stream(sql.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A clock set to city times. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        void set(String cityTime) {
            now = at(cityTime);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Orders in memory; PAID only when {@link #pay} says so (the provider's notification). */
    static final class FakePayments implements PaymentService {
        final Map<String, PaymentOrder> orders = new ConcurrentHashMap<>();
        final Map<String, java.time.Duration> lifetimes = new ConcurrentHashMap<>();
        final AtomicInteger created = new AtomicInteger();
        final Map<String, String> receipts = new ConcurrentHashMap<>();

        @Override
        public PaymentOrder create(OrderRequest r) {
            created.incrementAndGet();
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            PaymentOrder o =
                    new PaymentOrder(
                            id,
                            r.payerId(),
                            r.amountFen(),
                            r.purpose(),
                            r.module(),
                            r.reference(),
                            PaymentStatus.CREATED,
                            "fake",
                            "/pay/" + id,
                            now,
                            now.plus(r.expiresIn()),
                            null,
                            null,
                            null);
            orders.put(id, o);
            lifetimes.put(id, r.expiresIn());
            return o;
        }

        PaymentOrder pay(String id) {
            PaymentOrder o = orders.get(id);
            PaymentOrder paid =
                    new PaymentOrder(
                            o.id(),
                            o.payerId(),
                            o.amountFen(),
                            o.purpose(),
                            o.module(),
                            o.reference(),
                            PaymentStatus.PAID,
                            o.providerId(),
                            null,
                            o.createdAt(),
                            o.expiresAt(),
                            Instant.now(),
                            "TX" + id,
                            receipts.computeIfAbsent(id, k -> UUID.randomUUID().toString()));
            orders.put(id, paid);
            return paid;
        }

        @Override
        public Optional<PaymentOrder> find(String orderId) {
            return Optional.ofNullable(orders.get(orderId));
        }

        @Override
        public PaymentOrder refund(String orderId, String actorId, String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
