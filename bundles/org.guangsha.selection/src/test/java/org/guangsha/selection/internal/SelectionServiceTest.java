package org.guangsha.selection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.SelectionService.AllocationView;
import org.guangsha.selection.internal.SelectionService.FamilyView;
import org.guangsha.selection.internal.SelectionService.Phase;
import org.guangsha.selection.internal.SelectionService.Stage;
import org.guangsha.selection.internal.Views.RunView;
import org.guangsha.selection.internal.assign.AutoAssignment;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.FamilyEntity;
import org.guangsha.selection.internal.store.SessionEntity;
import org.guangsha.selection.internal.store.UnitEntity;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The selection rules S-2 … S-9 and S-11, against a real database (H2) and OpenJPA. */
class SelectionServiceTest {

    /** Pre-selection opens at T0; session 1 runs T0+1h … T0+2h, session 2 T0+2h … T0+3h. */
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, String> idNumbers = new HashMap<>();
    private JdbcDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaTransactions tx;
    private SelectionService service;
    private String batchId;
    private String session1;
    private String session2;
    private final List<String> units = new ArrayList<>();
    private final Map<Integer, String> families = new HashMap<>();
    private final Map<Integer, Caller> callers = new HashMap<>();

    @BeforeEach
    void freshDatabase() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runScript("/db/migration/V1__batches_and_allocation.sql");
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-selection",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        tx = new JpaTransactions(emf);
        service = new SelectionService(tx, new Directory(), clock, config(5, 180));
        seed(6, 4, 3);
    }

    @AfterEach
    void close() {
        emf.close();
    }

    // ------------------------------------------------------------ pre-selection

    @Test
    void s2PreselectionNeedsTheDeclarationAndHoldsAtMostTheCartSize() {
        Caller c = callers.get(1);
        String f = families.get(1);
        assertSlug("declaration-required", () -> service.addToCart(c, f, Stage.PRE, units.get(0)));
        FamilyView v = service.declarePreselection(c, f);
        assertEquals(Phase.PRESELECT, v.phase());
        assertNotNull(v.preDeclaredAt());
        for (int i = 0; i < 5; i++) {
            service.addToCart(c, f, Stage.PRE, units.get(i));
        }
        assertSlug("cart-full", () -> service.addToCart(c, f, Stage.PRE, units.get(5)));
        assertEquals(5, service.cart(c, f, Stage.PRE).items().size());
        // adding a unit already in the cart changes nothing
        assertEquals(5, service.addToCart(c, f, Stage.PRE, units.get(0)).items().size());
    }

    @Test
    void s2PreselectionIsOpenFromItsStartUntilTheFamilysSessionStarts() {
        Caller c = callers.get(1);
        String f = families.get(1);
        clock.set(T0.minusSeconds(1));
        assertEquals(Phase.PRESELECT_NOT_OPEN, service.family(c, f).phase());
        assertSlug("selection-not-open", () -> service.declarePreselection(c, f));
        clock.set(T0);
        service.declarePreselection(c, f);
        clock.set(T0.plus(Duration.ofHours(1)));
        assertEquals(Phase.FORMAL, service.family(c, f).phase());
        assertSlug("selection-not-open", () -> service.addToCart(c, f, Stage.PRE, units.get(0)));
    }

    @Test
    void s3TheCartMovesUpDownAndToTheTopAndLosesUnits() {
        Caller c = callers.get(1);
        String f = families.get(1);
        service.declarePreselection(c, f);
        for (int i = 0; i < 4; i++) {
            service.addToCart(c, f, Stage.PRE, units.get(i));
        }
        service.move(c, f, Stage.PRE, units.get(3), "top");
        service.move(c, f, Stage.PRE, units.get(0), "down");
        service.move(c, f, Stage.PRE, units.get(2), "up");
        assertEquals(
                List.of(units.get(3), units.get(1), units.get(2), units.get(0)),
                order(service.cart(c, f, Stage.PRE)));
        service.removeFromCart(c, f, Stage.PRE, units.get(2));
        assertEquals(
                List.of(units.get(3), units.get(1), units.get(0)),
                order(service.cart(c, f, Stage.PRE)));
        assertThrows(
                IllegalStateException.class,
                () -> {
                    try {
                        service.move(c, f, Stage.PRE, units.get(0), "sideways");
                    } catch (ProblemException e) {
                        assertEquals(400, e.problem().status());
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Test
    void s3UnitsTakenByFamiliesRankedEarlierShowAsTakenAndCannotBeAdded() {
        // family 4 is in session 2; family 1 confirms a unit in session 1
        Caller c4 = callers.get(4);
        String f4 = families.get(4);
        service.declarePreselection(c4, f4);
        service.addToCart(c4, f4, Stage.PRE, units.get(0));
        confirmIn(1, units.get(0));
        var cart = service.cart(c4, f4, Stage.PRE);
        assertEquals("TAKEN", cart.items().get(0).unit().status());
        service.removeFromCart(c4, f4, Stage.PRE, units.get(0));
        assertSlug("unit-taken", () -> service.addToCart(c4, f4, Stage.PRE, units.get(0)));
        assertEquals(
                "TAKEN",
                service.units(batchId, query(null)).items().stream()
                        .filter(u -> u.id().equals(units.get(0)))
                        .findFirst()
                        .orElseThrow()
                        .status());
        assertEquals(units.size() - 1, service.units(batchId, query(true)).total());
    }

    // ------------------------------------------------------------ formal selection

    @Test
    void s4FormalSelectionIsOnlyInTheFamilysOwnSessionAndSyncOverwritesTheIntents() {
        Caller c = callers.get(1);
        String f = families.get(1);
        service.declarePreselection(c, f);
        service.addToCart(c, f, Stage.PRE, units.get(2));
        service.addToCart(c, f, Stage.PRE, units.get(1));
        assertSlug("not-your-session", () -> service.declareFormal(c, f));
        clock.set(T0.plus(Duration.ofHours(1)));
        // family 4 belongs to session 2: it cannot act now
        assertSlug(
                "not-your-session", () -> service.declareFormal(callers.get(4), families.get(4)));
        assertSlug("declaration-required", () -> service.sync(c, f));
        FamilyView v = service.declareFormal(c, f);
        assertEquals(clock.instant().plusSeconds(180), v.windowEndsAt());
        assertEquals(180L, v.secondsLeft());
        service.addToCart(c, f, Stage.FORMAL, units.get(5));
        assertEquals(
                List.of(units.get(2), units.get(1)), order(service.sync(c, f)), "S-4: overwritten");
    }

    @Test
    void s4TheWindowIsKeptByTheServerAndNeverOutlastsTheSession() {
        Caller c = callers.get(1);
        String f = families.get(1);
        clock.set(T0.plus(Duration.ofHours(2)).minusSeconds(60));
        FamilyView v = service.declareFormal(c, f);
        assertEquals(T0.plus(Duration.ofHours(2)), v.windowEndsAt(), "cut at the session's end");
        clock.advance(Duration.ofSeconds(59));
        service.addToCart(c, f, Stage.FORMAL, units.get(0));
        clock.advance(Duration.ofSeconds(1));
        assertSlug("not-your-session", () -> service.addToCart(c, f, Stage.FORMAL, units.get(1)));
    }

    @Test
    void timerExpiryEndsConfirmingAndChanging() {
        Caller c = callers.get(1);
        String f = families.get(1);
        clock.set(T0.plus(Duration.ofHours(1)));
        service.declareFormal(c, f);
        service.addToCart(c, f, Stage.FORMAL, units.get(0));
        clock.advance(Duration.ofSeconds(180));
        assertSlug("selection-window-over", () -> service.confirm(c, f, units.get(0), key()));
        assertSlug(
                "selection-window-over", () -> service.addToCart(c, f, Stage.FORMAL, units.get(1)));
        assertNull(service.family(c, f).allocation());
    }

    @Test
    void s5ConfirmIsFinalAndTheSameKeyGivesTheSameAnswer() {
        Caller c = callers.get(1);
        String f = families.get(1);
        clock.set(T0.plus(Duration.ofHours(1)));
        service.declareFormal(c, f);
        service.addToCart(c, f, Stage.FORMAL, units.get(0));
        service.addToCart(c, f, Stage.FORMAL, units.get(1));
        assertSlugStatus(400, () -> service.confirm(c, f, units.get(3), key()));
        String key = key();
        AllocationView first = service.confirm(c, f, units.get(1), key);
        assertEquals("CONFIRMED", first.mode());
        clock.advance(Duration.ofSeconds(5));
        AllocationView again = service.confirm(c, f, units.get(1), key);
        assertEquals(first, again, "a retry with the same key is answered the same");
        assertSlug("selection-already-confirmed", () -> service.confirm(c, f, units.get(0), key()));
        assertEquals(Phase.DONE, service.family(c, f).phase());
        assertEquals("CONFIRMED", service.result(c, f).status());
        assertSlug("selection-finished", () -> service.addToCart(c, f, Stage.FORMAL, units.get(2)));
        assertEquals(1, count("SELECT COUNT(*) FROM SEL_ALLOCATION"));
        assertEquals(1, count("SELECT COUNT(*) FROM SEL_CHANGE WHERE STATUS = 'TAKEN'"));
    }

    @Test
    void aUnitAnotherFamilyConfirmedIsRefused() {
        clock.set(T0.plus(Duration.ofHours(1)));
        for (int rank : List.of(1, 2)) {
            service.declareFormal(callers.get(rank), families.get(rank));
            service.addToCart(callers.get(rank), families.get(rank), Stage.FORMAL, units.get(0));
        }
        service.confirm(callers.get(2), families.get(2), units.get(0), key());
        assertSlug(
                "unit-taken",
                () -> service.confirm(callers.get(1), families.get(1), units.get(0), key()));
    }

    @Test
    void anotherPersonsFamilyIsNotFound() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> service.family(callers.get(1), families.get(2)));
        assertEquals(404, e.problem().status());
        assertTrue(service.mine(callers.get(1)).stream().allMatch(v -> v.rank() == 1));
    }

    @Test
    void s11ManyFamiliesConfirmingAtOnceNeverShareAUnitAndEachGetsOneOrNone() throws Exception {
        // 40 families, all in session 1, all wanting the same 3 units in different orders.
        int n = 40;
        List<Integer> ranks = new ArrayList<>();
        for (int rank = 101; rank < 101 + n; rank++) {
            addFamily(rank, session1);
            ranks.add(rank);
        }
        clock.set(T0.plus(Duration.ofHours(1)));
        for (int rank : ranks) {
            service.declareFormal(callers.get(rank), families.get(rank));
            for (int i = 0; i < 3; i++) {
                service.addToCart(
                        callers.get(rank),
                        families.get(rank),
                        Stage.FORMAL,
                        units.get((rank + i) % 3));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int rank : ranks) {
            for (int click = 0; click < 2; click++) {
                // each family double-clicks: the same key twice, at once
                String k = "key-" + rank + "-doubleclick";
                all.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    try {
                                        service.confirm(
                                                callers.get(rank),
                                                families.get(rank),
                                                units.get(rank % 3),
                                                k);
                                        won.incrementAndGet();
                                    } catch (ProblemException e) {
                                        assertEquals("unit-taken", slug(e));
                                        refused.incrementAndGet();
                                    }
                                    return null;
                                }));
            }
        }
        start.countDown();
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(3, count("SELECT COUNT(*) FROM SEL_ALLOCATION"));
        assertEquals(3, count("SELECT COUNT(DISTINCT FAMILY_ID) FROM SEL_ALLOCATION"));
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM SEL_FAMILY f WHERE f.STATUS = 'CONFIRMED' AND NOT EXISTS"
                                + " (SELECT 1 FROM SEL_ALLOCATION a WHERE a.FAMILY_ID = f.ID)"));
        // the winners' second clicks were answered with the same allocation
        assertEquals(6, won.get());
        assertEquals(2 * n - 6, refused.get());
    }

    // ------------------------------------------------------------ closing a session

    @Test
    void s6s7TheSessionEndAssignsByRankAndVoidsAbsentFamiliesPreselection() {
        Caller c1 = callers.get(1);
        Caller c2 = callers.get(2);
        Caller c3 = callers.get(3);
        service.declarePreselection(c3, families.get(3));
        service.addToCart(c3, families.get(3), Stage.PRE, units.get(4));
        clock.set(T0.plus(Duration.ofHours(1)));
        // rank 1 chooses intents [0, 1] and never confirms; rank 2 then confirms unit 0
        service.declareFormal(c1, families.get(1));
        service.addToCart(c1, families.get(1), Stage.FORMAL, units.get(0));
        service.addToCart(c1, families.get(1), Stage.FORMAL, units.get(1));
        service.declareFormal(c2, families.get(2));
        service.addToCart(c2, families.get(2), Stage.FORMAL, units.get(0));
        service.confirm(c2, families.get(2), units.get(0), key());
        assertEquals(
                "TAKEN",
                service.cart(c1, families.get(1), Stage.FORMAL).items().get(0).unit().status());
        clock.set(T0.plus(Duration.ofHours(2)));
        assertEquals(Phase.SESSION_OVER, service.family(c1, families.get(1)).phase());
        service.closeEndedSessions();
        FamilyView f1 = service.family(c1, families.get(1));
        assertEquals("AUTO_ASSIGNED", f1.status());
        assertEquals(units.get(1), f1.allocation().unit().id());
        FamilyView f3 = service.family(c3, families.get(3));
        assertEquals("ABSENT", f3.status());
        assertTrue(service.cart(c3, families.get(3), Stage.PRE).items().isEmpty(), "S-7: void");
        RunView run = service.closeSession(session1, null);
        assertEquals(1, run.families());
        assertEquals(1, run.assigned());
        assertEquals(1, count("SELECT COUNT(*) FROM SEL_RUN"), "closed once");
        // the published inputs hash to what was recorded
        AutoAssignment.Inputs in =
                new AutoAssignment.Inputs(
                        Set.of(code(units.get(0))),
                        List.of(
                                new AutoAssignment.Family(
                                        1, List.of(code(units.get(0)), code(units.get(1))))));
        assertEquals(AutoAssignment.sha256(in.canonical()), run.inputHash());
        assertEquals(AutoAssignment.sha256(AutoAssignment.run(in).canonical()), run.outputHash());
        var published = new PublicResultsResource(tx).run(run.id());
        assertTrue(published.inputsMatch());
        assertTrue(published.resultsMatch());
        var results = new PublicResultsResource(tx).results(batchId).results();
        assertEquals(2, results.size());
        assertFalse(results.toString().contains("11010"), "no ID number");
        assertEquals("张*", results.get(0).name().substring(0, 2));
    }

    @Test
    void aFamilyWithAllIntentsTakenEndsWithoutAUnit() {
        clock.set(T0.plus(Duration.ofHours(1)));
        service.declareFormal(callers.get(2), families.get(2));
        service.addToCart(callers.get(2), families.get(2), Stage.FORMAL, units.get(0));
        service.declareFormal(callers.get(1), families.get(1));
        service.addToCart(callers.get(1), families.get(1), Stage.FORMAL, units.get(0));
        service.confirm(callers.get(1), families.get(1), units.get(0), key());
        RunView run = service.closeSession(session1, "operator-1");
        assertEquals(0, run.assigned());
        assertEquals("NO_UNIT", service.family(callers.get(2), families.get(2)).status());
    }

    // ------------------------------------------------------------ supplementary selection (S-9)

    @Test
    void s9WhoMayApplyAndUntilWhen() {
        clock.set(T0.plus(Duration.ofHours(1)));
        // 1 confirms, 2 gives up, 3 stays absent
        service.declareFormal(callers.get(1), families.get(1));
        service.addToCart(callers.get(1), families.get(1), Stage.FORMAL, units.get(0));
        service.confirm(callers.get(1), families.get(1), units.get(0), key());
        assertSlug("confirm", () -> service.giveUp(callers.get(2), families.get(2), "好"));
        service.giveUp(callers.get(2), families.get(2), "放弃");
        assertSlug(
                "supplement-not-allowed",
                () -> service.applySupplement(callers.get(3), families.get(3)));
        clock.set(T0.plus(Duration.ofHours(2)));
        service.closeEndedSessions();
        var s3 = service.family(callers.get(3), families.get(3)).supplement();
        assertTrue(s3.mayApply());
        assertEquals(
                T0.plus(Duration.ofHours(3)), s3.applyUntil(), "the day's last formal session");
        assertSlug(
                "supplement-not-allowed",
                () -> service.applySupplement(callers.get(1), families.get(1)));
        assertSlug(
                "supplement-not-allowed",
                () -> service.applySupplement(callers.get(2), families.get(2)));
        clock.set(T0.plus(Duration.ofHours(3)));
        assertSlug(
                "supplement-not-allowed",
                () -> service.applySupplement(callers.get(3), families.get(3)));
        clock.set(T0.plus(Duration.ofHours(3)).minusSeconds(1));
        assertNotNull(
                service.applySupplement(callers.get(3), families.get(3)).supplement().appliedAt());
        clock.set(T0.plus(Duration.ofHours(3)));
        var s =
                service.publishSupplementary(
                        batchId,
                        "补选第1场",
                        T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofHours(5)),
                        "operator-1");
        assertEquals("SUPPLEMENTARY", s.kind());
        FamilyView f3 = service.family(callers.get(3), families.get(3));
        assertEquals("WAITING", f3.status());
        assertEquals(s.id(), f3.session().id());
        assertEquals(Phase.SUPPLEMENT_WAIT, f3.phase());
        clock.set(T0.plus(Duration.ofHours(4)));
        service.declareFormal(callers.get(3), families.get(3));
        service.addToCart(callers.get(3), families.get(3), Stage.FORMAL, units.get(3));
        assertEquals(
                "CONFIRMED",
                service.confirm(callers.get(3), families.get(3), units.get(3), key()).mode());
    }

    // ------------------------------------------------------------ fixture

    private void confirmIn(int rank, String unitId) {
        Instant before = clock.instant();
        clock.set(T0.plus(Duration.ofHours(1)));
        service.declareFormal(callers.get(rank), families.get(rank));
        service.addToCart(callers.get(rank), families.get(rank), Stage.FORMAL, unitId);
        service.confirm(callers.get(rank), families.get(rank), unitId, key());
        clock.set(before);
    }

    private void seed(int unitCount, int familyCount, int inSession1) {
        tx.run(
                em -> {
                    BatchEntity b = new BatchEntity(UUID.randomUUID().toString());
                    b.code("TEST-1");
                    b.name("测试批次");
                    b.regionCode("440304");
                    b.preselectStartsAt(T0);
                    b.cartSize(5);
                    b.windowSeconds(180);
                    b.source("test");
                    b.createdAt(T0);
                    em.persist(b);
                    batchId = b.id();
                    session1 =
                            session(
                                    em,
                                    1,
                                    T0.plus(Duration.ofHours(1)),
                                    T0.plus(Duration.ofHours(2)));
                    session2 =
                            session(
                                    em,
                                    2,
                                    T0.plus(Duration.ofHours(2)),
                                    T0.plus(Duration.ofHours(3)));
                    for (int i = 0; i < unitCount; i++) {
                        UnitEntity u = new UnitEntity(UUID.randomUUID().toString());
                        u.batchId(batchId);
                        u.code("1-" + (101 + i));
                        u.building("1栋");
                        u.unitType("一房一厅");
                        u.orientation(i % 2 == 0 ? "南" : "北");
                        u.roomNumber(String.valueOf(101 + i));
                        u.floor(1);
                        u.areaCentiM2(5230);
                        u.rentFen(125000);
                        em.persist(u);
                        units.add(u.id());
                    }
                });
        for (int rank = 1; rank <= familyCount; rank++) {
            addFamily(rank, rank <= inSession1 ? session1 : session2);
        }
    }

    private String session(javax.persistence.EntityManager em, int seq, Instant from, Instant to) {
        SessionEntity s = new SessionEntity(UUID.randomUUID().toString());
        s.batchId(batchId);
        s.seq(seq);
        s.name("第" + seq + "场");
        s.kind("FORMAL");
        s.startsAt(from);
        s.endsAt(to);
        s.status("SCHEDULED");
        em.persist(s);
        return s.id();
    }

    private void addFamily(int rank, String sessionId) {
        String idNumber = idNumber(rank);
        tx.run(
                em -> {
                    FamilyEntity f = new FamilyEntity(UUID.randomUUID().toString());
                    f.batchId(batchId);
                    f.rank(rank);
                    f.applicantName("张" + rank);
                    f.idNumber(idNumber);
                    f.householdSize(3);
                    f.sessionId(sessionId);
                    f.status("WAITING");
                    em.persist(f);
                    families.put(rank, f.id());
                });
        String account = "account-" + rank;
        idNumbers.put(account, idNumber);
        callers.put(
                rank,
                new Caller(account, AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null));
    }

    /** A valid resident ID number (GB 11643 check digit) for a made-up person. */
    static String idNumber(int n) {
        String body = "110101" + "1990" + "0101" + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private String code(String unitId) {
        return tx.read(em -> em.find(UnitEntity.class, unitId).code());
    }

    private static SelectionService.UnitQuery query(Boolean free) {
        return new SelectionService.UnitQuery(null, null, null, null, null, free, 1, 100);
    }

    private static List<String> order(SelectionService.CartView cart) {
        return cart.items().stream().map(i -> i.unit().id()).toList();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(ProblemException e) {
        String type = e.problem().type();
        return type.substring(type.lastIndexOf(':') + 1);
    }

    private static void assertSlug(String slugOrField, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        if (e.problem().status() == 400) {
            assertEquals(slugOrField, e.problem().errors().get(0).field(), e.problem().toString());
        } else {
            assertEquals(slugOrField, slug(e), e.problem().toString());
        }
    }

    private static void assertSlugStatus(int status, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(status, e.problem().status());
    }

    private void runScript(String resource) throws IOException, java.sql.SQLException {
        String sql;
        try (InputStream in = SelectionServiceTest.class.getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String statement : clean.toString().split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }

    /**
     * A configuration with these values and the annotation's defaults for everything else (a proxy,
     * so that settings added later keep this test compiling).
     */
    private static SelectionConfiguration config(int cart, int window) {
        return (SelectionConfiguration)
                java.lang.reflect.Proxy.newProxyInstance(
                        SelectionConfiguration.class.getClassLoader(),
                        new Class<?>[] {SelectionConfiguration.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "annotationType" -> SelectionConfiguration.class;
                                    case "cart_size" -> cart;
                                    case "window_seconds" -> window;
                                    case "sweep_seconds" -> 5;
                                    default -> method.getDefaultValue();
                                });
    }

    /** Account directory over the map of this test. */
    private final class Directory implements AccountDirectory {
        @Override
        public Optional<AccountProfile> find(String accountId) {
            return Optional.ofNullable(idNumbers.get(accountId))
                    .map(
                            id ->
                                    new AccountProfile(
                                            accountId,
                                            AccountKind.CITIZEN,
                                            "张",
                                            id,
                                            null,
                                            TrustLevel.L2));
        }

        @Override
        public Optional<AccountProfile> citizenByIdNumber(String idNumber) {
            return idNumbers.entrySet().stream()
                    .filter(e -> e.getValue().equals(idNumber))
                    .findFirst()
                    .flatMap(e -> find(e.getKey()));
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
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
