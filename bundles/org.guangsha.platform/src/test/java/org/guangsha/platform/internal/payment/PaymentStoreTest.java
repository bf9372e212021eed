package org.guangsha.platform.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.internal.persistence.MigrationScript;
import org.guangsha.platform.internal.persistence.SchemaMigrator;
import org.guangsha.platform.payment.OrderRequest;
import org.guangsha.platform.payment.PaymentNotice;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentProvider;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment rules (M-1) against the real schema (the platform's migrations on H2) and OpenJPA:
 * paid only by a verified notice, once however often it comes, refusals audited, expiry closing
 * orders on read and by the sweep, money after the close recorded for a human, receipts issued.
 */
class PaymentStoreTest {

    private static final String PAYER = "payer-1";
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeProvider provider = new FakeProvider();
    private final FakeDocuments documents = new FakeDocuments();
    private final List<PaymentOrder> told = new CopyOnWriteArrayList<>();
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final org.guangsha.platform.audit.AuditLog auditLog =
            (action, actor, target, address, detail) ->
                    audited.add(action + " " + target + " " + address);
    private JdbcDataSource dataSource;
    private EntityManagerFactory emf;
    private PaymentStore store;

    @BeforeEach
    void freshDatabase() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(dataSource).migrate("platform", platformScripts());
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO PLT_ACCOUNT (ID, KIND, DISPLAY_NAME, PASSWORD_HASH, TRUST_LEVEL,"
                            + " ROLES, FAILED_LOGINS, CREATED_AT, ROW_VERSION) VALUES ('"
                            + PAYER
                            + "', 'CITIZEN', '张三', 'x', 'L2', '', 0, CURRENT_TIMESTAMP, 1)");
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-platform",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        store =
                new PaymentStore(
                        new JpaTransactions(emf),
                        documents,
                        clock,
                        new PaymentStore.Limits(Duration.ofMinutes(1), Duration.ofHours(24)));
        store.addProvider(provider, Map.of("service.id", 1L));
        store.addListener(told::add);
        store.setAuditLog(auditLog);
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void invalidOrdersAreRefusedNamingEveryField() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                store.create(
                                        new OrderRequest(
                                                PAYER,
                                                0,
                                                "租".repeat(101),
                                                "rental",
                                                null,
                                                Duration.ofSeconds(30))));
        assertEquals(400, e.problem().status());
        assertEquals(
                List.of("amountFen", "purpose", "expiresIn"),
                e.problem().errors().stream().map(f -> f.field()).toList());
        assertEquals(
                "expiresIn",
                assertThrows(
                                ProblemException.class,
                                () -> store.create(request(100, Duration.ofHours(25))))
                        .problem()
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "payerId",
                assertThrows(
                                ProblemException.class,
                                () ->
                                        store.create(
                                                new OrderRequest(
                                                        "nobody",
                                                        100,
                                                        "租金",
                                                        "rental",
                                                        null,
                                                        Duration.ofMinutes(5))))
                        .problem()
                        .errors()
                        .get(0)
                        .field());
        assertEquals(0, provider.prepared);
    }

    @Test
    void withoutAProviderOrdersAre503AndNothingIsStored() {
        PaymentStore bare =
                new PaymentStore(
                        new JpaTransactions(unusableFactory()),
                        documents,
                        clock,
                        new PaymentStore.Limits(Duration.ofMinutes(1), Duration.ofHours(24)));
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> bare.create(request(120000, Duration.ofMinutes(15))));
        assertEquals(503, e.problem().status());
        assertEquals("urn:guangsha:problem:no-provider", e.problem().type());
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> bare.notify("test-pay", Map.of(), new byte[0], "1.2.3.4"))
                        .problem()
                        .status());
    }

    @Test
    void aSignedNoticePaysTheOrderOnceAndIssuesTheReceipt() throws Exception {
        PaymentOrder order = store.create(request(120000, Duration.ofMinutes(15)));
        assertEquals(PaymentStatus.CREATED, order.status());
        assertEquals("test-pay://" + order.id(), order.qrPayload());
        assertEquals(T0.plus(Duration.ofMinutes(15)), order.expiresAt());

        clock.advance(Duration.ofMinutes(2));
        Instant paidAt = clock.instant().minusSeconds(3);
        byte[] notice = notice(order.id(), "TX1", 120000, true, paidAt);
        assertEquals(
                PaymentStore.NoticeResult.PAID,
                store.notify("test-pay", good(), notice, "10.0.0.9"));

        PaymentOrder paid = store.find(order.id()).orElseThrow();
        assertEquals(PaymentStatus.PAID, paid.status());
        assertEquals(paidAt, paid.paidAt());
        assertEquals("TX1", paid.providerTransactionId());
        assertEquals("receipt-1", paid.receiptDocumentId());
        IssueRequest receipt = documents.issued.get(0);
        assertEquals(PaymentReceipt.TYPE_ID, receipt.typeId());
        assertEquals(PAYER, receipt.holderId());
        assertEquals("1,200.00", receipt.values().get("amountYuan"));
        assertEquals("人民币壹仟贰佰元整", receipt.values().get("amountInWords"));
        assertEquals("2026-11-23 09:01:57", receipt.values().get("paidAt"));
        assertEquals(List.of(PaymentStatus.PAID), statuses());
        assertEquals("receipt-1", told.get(0).receiptDocumentId());
        assertTrue(audited.contains("payment.paid payment:" + order.id() + " 10.0.0.9"));

        // the same notice again, later: nothing changes, nobody is told twice
        clock.advance(Duration.ofMinutes(1));
        assertEquals(
                PaymentStore.NoticeResult.DUPLICATE,
                store.notify("test-pay", good(), notice, "10.0.0.9"));
        assertEquals(paid, store.find(order.id()).orElseThrow());
        assertEquals(1, documents.issued.size());
        assertEquals(1, told.size());
        assertEquals(1, count("SELECT COUNT(*) FROM PLT_PAYMENT_NOTICE"));
        assertEquals(
                new String(notice, StandardCharsets.UTF_8),
                string("SELECT BODY FROM PLT_PAYMENT_NOTICE"));
        assertTrue(string("SELECT HEADERS FROM PLT_PAYMENT_NOTICE").contains("X-Sig: good"));
    }

    @Test
    void theSameNoticeOnManyThreadsPaysOnce() throws Exception {
        PaymentOrder order = store.create(request(5000, Duration.ofMinutes(15)));
        byte[] notice = notice(order.id(), "TX-RACE", 5000, true, T0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<PaymentStore.NoticeResult>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> store.notify("test-pay", good(), notice, null));
            }
            List<PaymentStore.NoticeResult> results = new ArrayList<>();
            for (Future<PaymentStore.NoticeResult> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertEquals(
                    1, results.stream().filter(r -> r == PaymentStore.NoticeResult.PAID).count());
            assertEquals(
                    11,
                    results.stream().filter(r -> r == PaymentStore.NoticeResult.DUPLICATE).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM PLT_PAYMENT_NOTICE"));
        assertEquals(List.of(PaymentStatus.PAID), statuses());
        assertEquals(1, documents.issued.size());
    }

    @Test
    void aForgedNoticeIsRefusedAuditedAndChangesNothing() throws Exception {
        PaymentOrder order = store.create(request(120000, Duration.ofMinutes(15)));
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                store.notify(
                                        "test-pay",
                                        Map.of("X-Sig", "forged"),
                                        notice(order.id(), "TX1", 120000, true, T0),
                                        "203.0.113.7"));
        assertEquals(401, e.problem().status());
        assertEquals("urn:guangsha:problem:payment-notice-forged", e.problem().type());
        assertEquals(
                List.of("payment.notify.forged payment-provider:test-pay 203.0.113.7"), audited);
        assertEquals(PaymentStatus.CREATED, store.find(order.id()).orElseThrow().status());
        assertEquals(0, count("SELECT COUNT(*) FROM PLT_PAYMENT_NOTICE"));
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () ->
                                        store.notify(
                                                "other-pay",
                                                good(),
                                                notice(order.id(), "TX1", 120000, true, T0),
                                                null))
                        .problem()
                        .status());
    }

    @Test
    void anUnknownOrderOrAWrongAmountIsRefusedAndAuditedThenTheRightNoticeStillPays() {
        PaymentOrder order = store.create(request(120000, Duration.ofMinutes(15)));
        ProblemException unknown =
                assertThrows(
                        ProblemException.class,
                        () ->
                                store.notify(
                                        "test-pay",
                                        good(),
                                        notice(
                                                UUID.randomUUID().toString(),
                                                "TX1",
                                                120000,
                                                true,
                                                T0),
                                        "10.0.0.9"));
        assertEquals(400, unknown.problem().status());
        assertEquals("urn:guangsha:problem:payment-order-unknown", unknown.problem().type());
        ProblemException wrongAmount =
                assertThrows(
                        ProblemException.class,
                        () ->
                                store.notify(
                                        "test-pay",
                                        good(),
                                        notice(order.id(), "TX1", 1, true, T0),
                                        "10.0.0.9"));
        assertEquals("urn:guangsha:problem:payment-amount-mismatch", wrongAmount.problem().type());
        assertEquals(2, audited.size());
        assertTrue(audited.get(0).startsWith("payment.notify.unknown-order"));
        assertTrue(
                audited.get(1).startsWith("payment.notify.amount-mismatch payment:" + order.id()));
        assertEquals(PaymentStatus.CREATED, store.find(order.id()).orElseThrow().status());
        // refused notices are not kept as processed: the provider's retry with the right data pays
        assertEquals(
                PaymentStore.NoticeResult.PAID,
                store.notify(
                        "test-pay", good(), notice(order.id(), "TX1", 120000, true, T0), null));
    }

    @Test
    void anExpiredOrderReadsClosedAtOnceAndTheSweepClosesTheOthers() {
        PaymentOrder read = store.create(request(100, Duration.ofMinutes(1)));
        PaymentOrder swept = store.create(request(100, Duration.ofMinutes(1)));
        PaymentOrder later = store.create(request(100, Duration.ofMinutes(10)));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(PaymentStatus.CREATED, store.find(read.id()).orElseThrow().status());
        assertEquals(0, store.closeExpired(), "payable until the expiry itself");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(PaymentStatus.CLOSED, store.find(read.id()).orElseThrow().status());
        assertEquals(1, store.closeExpired());
        assertEquals(0, store.closeExpired());
        assertEquals(PaymentStatus.CLOSED, store.find(swept.id()).orElseThrow().status());
        assertEquals(PaymentStatus.CREATED, store.find(later.id()).orElseThrow().status());
        assertEquals(List.of(PaymentStatus.CLOSED, PaymentStatus.CLOSED), statuses());
        assertEquals(List.of(read.id(), swept.id()), told.stream().map(PaymentOrder::id).toList());
    }

    @Test
    void moneyForAClosedOrderIsRecordedAndAuditedWithoutReopeningIt() throws Exception {
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, store.closeExpired());
        assertEquals(
                PaymentStore.NoticeResult.PAID_AFTER_CLOSE,
                store.notify(
                        "test-pay",
                        good(),
                        notice(order.id(), "TX-LATE", 2000, true, T0.plusSeconds(50)),
                        "10.0.0.9"));
        PaymentOrder after = store.find(order.id()).orElseThrow();
        assertEquals(PaymentStatus.CLOSED, after.status());
        assertNull(after.paidAt());
        assertEquals(
                List.of("payment.paid-after-close payment:" + order.id() + " 10.0.0.9"), audited);
        assertEquals("PAID_AFTER_CLOSE", string("SELECT OUTCOME FROM PLT_PAYMENT_NOTICE"));
        assertEquals(0, documents.issued.size());
        // the provider sends it again: answered, nothing more
        assertEquals(
                PaymentStore.NoticeResult.DUPLICATE,
                store.notify(
                        "test-pay",
                        good(),
                        notice(order.id(), "TX-LATE", 2000, true, T0.plusSeconds(50)),
                        null));
        assertEquals(1, audited.size());
    }

    @Test
    void aPaymentMadeInTimePaysAnOrderTheSweepHasNotClosedYet() {
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(
                PaymentStore.NoticeResult.PAID,
                store.notify(
                        "test-pay",
                        good(),
                        notice(order.id(), "TX-IN-TIME", 2000, true, T0.plusSeconds(59)),
                        null));
        assertEquals(PaymentStatus.PAID, store.find(order.id()).orElseThrow().status());
    }

    @Test
    void aPaymentTheProviderTookAfterTheExpiryClosesTheOrder() {
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(
                PaymentStore.NoticeResult.PAID_AFTER_CLOSE,
                store.notify(
                        "test-pay",
                        good(),
                        notice(order.id(), "TX-LATE", 2000, true, T0.plusSeconds(61)),
                        null));
        assertEquals(PaymentStatus.CLOSED, store.find(order.id()).orElseThrow().status());
        assertEquals(List.of(PaymentStatus.CLOSED), statuses());
    }

    @Test
    void aSecondTransactionForAPaidOrderIsRecordedAsPaidTwice() {
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(5)));
        store.notify("test-pay", good(), notice(order.id(), "TX-A", 2000, true, T0), null);
        assertEquals(
                PaymentStore.NoticeResult.PAID_TWICE,
                store.notify("test-pay", good(), notice(order.id(), "TX-B", 2000, true, T0), null));
        assertEquals("TX-A", store.find(order.id()).orElseThrow().providerTransactionId());
        assertTrue(audited.get(audited.size() - 1).startsWith("payment.paid-twice"));
    }

    @Test
    void aFailedPaymentIsRecordedAndLeavesTheOrderPayable() {
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(5)));
        assertEquals(
                PaymentStore.NoticeResult.NOT_PAID,
                store.notify(
                        "test-pay", good(), notice(order.id(), "TX-A", 2000, false, T0), null));
        assertEquals(PaymentStatus.CREATED, store.find(order.id()).orElseThrow().status());
        // the same transaction may succeed afterwards
        assertEquals(
                PaymentStore.NoticeResult.PAID,
                store.notify("test-pay", good(), notice(order.id(), "TX-A", 2000, true, T0), null));
    }

    @Test
    void onlyAPaidOrderIsRefundedAndTheProviderIsAsked() {
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(5)));
        ProblemException e =
                assertThrows(
                        ProblemException.class, () -> store.refund(order.id(), "staff-1", "重复缴费"));
        assertEquals(409, e.problem().status());
        store.notify("test-pay", good(), notice(order.id(), "TX-A", 2000, true, T0), null);
        PaymentOrder refunded = store.refund(order.id(), "staff-1", "重复缴费");
        assertEquals(PaymentStatus.REFUNDED, refunded.status());
        assertEquals(List.of(order.id()), provider.refunded);
        assertEquals(List.of(PaymentStatus.PAID, PaymentStatus.REFUNDED), statuses());
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () -> store.refund(order.id(), "staff-1", "again"))
                        .problem()
                        .status());
    }

    @Test
    void aReceiptTheDocumentServiceFailedIsIssuedByALaterSweep() {
        documents.failures = 1;
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(5)));
        assertEquals(
                PaymentStore.NoticeResult.PAID,
                store.notify("test-pay", good(), notice(order.id(), "TX-A", 2000, true, T0), null));
        assertNull(store.find(order.id()).orElseThrow().receiptDocumentId());
        assertEquals(0, store.issueMissingReceipts(), "the paying node may still be issuing it");
        clock.advance(PaymentStore.RECEIPT_RETRY_AFTER.plusSeconds(1));
        assertEquals(1, store.issueMissingReceipts());
        assertEquals(0, store.issueMissingReceipts());
        assertNotNull(store.find(order.id()).orElseThrow().receiptDocumentId());
        assertEquals(1, documents.issued.size());
    }

    @Test
    void withoutTheAuditLogEverythingStillWorks() {
        store.unsetAuditLog((action, actor, target, address, detail) -> {});
        store.unsetAuditLog(auditLog);
        PaymentOrder order = store.create(request(2000, Duration.ofMinutes(5)));
        assertEquals(
                401,
                assertThrows(
                                ProblemException.class,
                                () ->
                                        store.notify(
                                                "test-pay",
                                                Map.of(),
                                                notice(order.id(), "T", 2000, true, T0),
                                                null))
                        .problem()
                        .status());
        assertEquals(
                PaymentStore.NoticeResult.PAID,
                store.notify("test-pay", good(), notice(order.id(), "T", 2000, true, T0), null));
        assertEquals(List.of(), audited);
    }

    private List<PaymentStatus> statuses() {
        return told.stream().map(PaymentOrder::status).toList();
    }

    private static OrderRequest request(long fen, Duration expiresIn) {
        return new OrderRequest(PAYER, fen, " 2026年12月租金 ", "rental", "bill-12", expiresIn);
    }

    private static Map<String, String> good() {
        return Map.of("X-Sig", "good", "Authorization", "Bearer secret");
    }

    private static byte[] notice(String orderId, String tx, long fen, boolean paid, Instant at) {
        return String.join(
                        "|", orderId, tx, Long.toString(fen), Boolean.toString(paid), at.toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    private int count(String sql) throws Exception {
        return Integer.parseInt(string(sql));
    }

    private String string(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<MigrationScript> platformScripts() throws Exception {
        Path dir =
                Path.of(
                        PaymentStoreTest.class
                                .getClassLoader()
                                .getResource("db/migration")
                                .toURI());
        List<MigrationScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                scripts.add(
                        MigrationScript.fromFile(f.getFileName().toString(), Files.readString(f)));
            }
        }
        return scripts;
    }

    private static EntityManagerFactory unusableFactory() {
        return (EntityManagerFactory)
                Proxy.newProxyInstance(
                        PaymentStoreTest.class.getClassLoader(),
                        new Class<?>[] {EntityManagerFactory.class},
                        (p, m, a) -> {
                            throw new AssertionError("no database work expected: " + m.getName());
                        });
    }

    /** Signs with a header: "good" verifies; the body is {@code order|tx|fen|paid|at}. */
    private static final class FakeProvider implements PaymentProvider {
        int prepared;
        final List<String> refunded = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "test-pay";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("测试支付", "Test pay");
        }

        @Override
        public String prepare(PaymentOrder order) {
            prepared++;
            return "test-pay://" + order.id();
        }

        @Override
        public Optional<PaymentNotice> verify(Map<String, String> headers, byte[] body) {
            if (!"good".equals(headers.get("X-Sig"))) {
                return Optional.empty();
            }
            String[] f = new String(body, StandardCharsets.UTF_8).split("\\|");
            return Optional.of(
                    new PaymentNotice(
                            f[0],
                            f[1],
                            Long.parseLong(f[2]),
                            Boolean.parseBoolean(f[3]),
                            Instant.parse(f[4])));
        }

        @Override
        public void refund(PaymentOrder order, String reason) {
            refunded.add(order.id());
        }
    }

    /** Records what it is asked to issue; can fail a number of times first. */
    private static final class FakeDocuments implements DocumentService {
        final List<IssueRequest> issued = new CopyOnWriteArrayList<>();
        volatile int failures;

        @Override
        public synchronized IssuedDocument issue(IssueRequest request) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("document store down");
            }
            issued.add(request);
            return new IssuedDocument(
                    "receipt-" + issued.size(),
                    "GS1",
                    request.typeId(),
                    LocalizedText.of("缴费凭证", "Payment receipt"),
                    request.holderId(),
                    null,
                    null,
                    null,
                    null,
                    DocumentStatus.VALID,
                    false,
                    1,
                    null,
                    null);
        }

        @Override
        public IssuedDocument issueSigned(IssueRequest request, Map<String, byte[]> signaturePngs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<org.guangsha.platform.document.DocumentType> type(String typeId) {
            return Optional.empty();
        }

        @Override
        public Optional<IssuedDocument> find(String documentId) {
            return Optional.empty();
        }

        @Override
        public List<IssuedDocument> ofHolder(String holderId) {
            return List.of();
        }

        @Override
        public byte[] pdf(String documentId) {
            return new byte[0];
        }

        @Override
        public IssuedDocument revoke(String documentId, String actorId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<org.guangsha.platform.document.DocumentVerification> verify(String number) {
            return Optional.empty();
        }

        @Override
        public byte[] render(String template, Map<String, String> values, String stamp) {
            return new byte[0];
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
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
}
