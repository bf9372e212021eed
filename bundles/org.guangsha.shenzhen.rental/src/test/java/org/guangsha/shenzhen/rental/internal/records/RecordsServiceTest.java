package org.guangsha.shenzhen.rental.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.CoreFakes;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.PoaRequest;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.RecordApplicationView;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.RecordRequest;
import org.guangsha.shenzhen.rental.internal.records.RecordViews.ShareRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SZ-6 … SZ-8 on an in-memory H2 database with the line's migrations and fakes of the core (cases,
 * documents, accounts, Shenzhen's regions), the city's clock fixed.
 */
class RecordsServiceTest {

    private static final String ZHANG_ID = "440304199001011233";
    private static final Caller ZHANG =
            new Caller("acc-zhang", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);

    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.parse("2026-11-30T15:30:00Z")); // 30 Nov 23:30 city
    private final Clock clock =
            new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
    private final Map<String, CaseRecord> caseRows = new HashMap<>();
    private final List<IssueRequest> issued = new ArrayList<>();
    private final Map<String, IssuedDocument> docs = new HashMap<>();
    private EntityManagerFactory emf;
    private RecordsService records;
    private JpaTransactions tx;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            for (String script :
                    List.of(
                            "V1__homes_leases_bills.sql",
                            "V4__policy_housing_records.sql",
                            "V6__resident_changes.sql")) {
                try (InputStream in = getClass().getResourceAsStream("/db/migration/" + script)) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (String s : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                        if (!s.isBlank()) {
                            st.execute(s);
                        }
                    }
                }
            }
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-shenzhen-rental",
                                Map.of("javax.persistence.nonJtaDataSource", ds));
        tx = new JpaTransactions(emf);
        records =
                RecordsService.forTests(
                        tx,
                        CoreFakes.cases(caseRows, now::get),
                        documents(),
                        accounts(),
                        regions(),
                        clock);
    }

    @AfterEach
    void tearDown() {
        emf.close();
    }

    @Test
    void theCityMonthDecidesAtItsMidnight() {
        // SZ-6: 23:59 on 31 October city time is still October; 00:00 on 1 November is November
        assertEquals(YearMonth.of(2026, 10), CityMonth.of(Instant.parse("2026-10-31T15:59:59Z")));
        assertEquals(YearMonth.of(2026, 11), CityMonth.of(Instant.parse("2026-10-31T16:00:00Z")));
        assertEquals(
                "2026-11-01T00:00+08:00", CityMonth.nextStart(YearMonth.of(2026, 10)).toString());
        assertEquals(
                "2027-01-01T00:00+08:00", CityMonth.nextStart(YearMonth.of(2026, 12)).toString());
    }

    @Test
    void withoutAPurchaseTheCertificateIsIssuedAtOnceAndOnlyOnceAMonth() {
        RecordApplicationView v = records.applyForRecord(ZHANG, new RecordRequest("办理入户", "PC"));
        assertEquals("ISSUED", v.status());
        assertEquals("2026-11", v.period());
        assertFalse(v.hasPurchaseRecord());
        assertNull(v.caseId());
        assertNotNull(v.document());
        assertEquals(RecordsService.RECORD_DOCUMENT, issued.get(0).typeId());
        assertTrue(issued.get(0).values().get("resultText").contains("未发现"));

        // SZ-6: a second application in the same city month is refused, saying when
        OnceAMonthException again =
                assertThrows(
                        OnceAMonthException.class,
                        () -> records.applyForRecord(ZHANG, new RecordRequest(null, null)));
        assertEquals(409, again.problem().status());
        assertEquals("2026-12-01T00:00+08:00", again.nextPossibleAt().toString());
        assertFalse(records.records(ZHANG).canApply());
        assertEquals("record-once-a-month", records.records(ZHANG).reason().rule());

        // 00:00 on 1 December city time (16:00 UTC on 30 November): a new month
        now.set(Instant.parse("2026-11-30T16:00:00Z"));
        assertTrue(records.records(ZHANG).canApply());
        assertEquals("2026-12", records.applyForRecord(ZHANG, null).period());
        assertEquals(2, records.records(ZHANG).applications().size());
    }

    @Test
    void theDatabaseKeyRefusesASecondRowOfTheMonth() {
        records.applyForRecord(ZHANG, null);
        RecordApplicationEntity twin = new RecordApplicationEntity(UUID.randomUUID().toString());
        twin.accountId(ZHANG.accountId());
        twin.idNumber(ZHANG_ID);
        twin.period("2026-11");
        twin.purchases(0);
        twin.status("ISSUED");
        twin.createdAt(now.get());
        twin.updatedAt(now.get());
        // SZ-6: even past the check in Java (a double click on two nodes) the unique key holds
        assertThrows(RuntimeException.class, () -> tx.run(em -> em.persist(twin)));
    }

    @Test
    void withAPurchaseTheDistrictReviewsAndTheCertificateComesOnApprovalOnce() {
        purchase(ZHANG_ID, "ANJU", "440304");
        RecordApplicationView v = records.applyForRecord(ZHANG, new RecordRequest(null, "MOBILE"));
        assertEquals("REVIEW", v.status());
        assertTrue(v.hasPurchaseRecord());
        assertNull(v.document());
        CaseRecord c = caseRows.get(v.caseId());
        assertEquals("440304", c.regionCode());
        assertEquals(RecordsService.RECORD_CASE, c.typeId());
        assertEquals(CaseStatus.SUBMITTED, c.status());
        assertTrue(issued.isEmpty());

        RecordsCaseListener listener = new RecordsCaseListener(records);
        CaseRecord approved = CoreFakes.withStatus(c, CaseStatus.APPROVED);
        CaseEvent event =
                new CaseEvent("approved", now.get(), "cw", CaseStatus.APPROVED, 1, null, Map.of());
        listener.changed(approved, event);
        listener.changed(approved, event); // told twice: still one certificate
        assertEquals(1, issued.size());
        assertTrue(issued.get(0).values().get("purchaseProjects").contains("龙华安居苑"));
        RecordApplicationView after = records.records(ZHANG).applications().get(0);
        assertEquals("APPROVED", after.status());
        assertNotNull(after.document());
    }

    @Test
    void aRejectedRecordApplicationGetsNoCertificateAndStillCountsForTheMonth() {
        purchase(ZHANG_ID, "JINGJI", "440304");
        RecordApplicationView v = records.applyForRecord(ZHANG, null);
        new RecordsCaseListener(records)
                .changed(
                        CoreFakes.withStatus(caseRows.get(v.caseId()), CaseStatus.REJECTED),
                        new CaseEvent(
                                "rejected",
                                now.get(),
                                "cw",
                                CaseStatus.REJECTED,
                                1,
                                "x",
                                Map.of()));
        assertEquals("REJECTED", records.records(ZHANG).applications().get(0).status());
        assertTrue(issued.isEmpty());
        assertThrows(OnceAMonthException.class, () -> records.applyForRecord(ZHANG, null));
    }

    @Test
    void shareInformationIsAppliedForWhenNoneExistsAndItsCertificateIsValidOneMonth() {
        ShareRequest body =
                new ShareRequest(
                        "龙华安居苑",
                        "深圳市福田区安居路1号1栋101",
                        "440304",
                        "粤(2020)深圳市不动产权第0000001号",
                        "AJ-2020-001",
                        new BigDecimal("75.50"),
                        new BigDecimal("70"),
                        "PC");
        assertTrue(records.shares(ZHANG).canApply());
        var app = records.applyForShare(ZHANG, body);
        assertEquals("REVIEW", app.status());
        // one open application at a time
        ProblemException open =
                assertThrows(ProblemException.class, () -> records.applyForShare(ZHANG, body));
        assertTrue(open.problem().type().endsWith("application-open"));

        new RecordsCaseListener(records)
                .changed(
                        CoreFakes.withStatus(caseRows.get(app.caseId()), CaseStatus.APPROVED),
                        new CaseEvent(
                                "approved",
                                now.get(),
                                "cw",
                                CaseStatus.APPROVED,
                                1,
                                null,
                                Map.of()));
        var overview = records.shares(ZHANG);
        assertEquals(1, overview.shares().size());
        assertEquals(new BigDecimal("70.00"), overview.shares().get(0).ownerSharePercent());
        assertEquals(new BigDecimal("30.00"), overview.shares().get(0).governmentSharePercent());
        // SZ-7: with share information there is nothing to apply for
        assertFalse(overview.canApply());
        ProblemException exists =
                assertThrows(ProblemException.class, () -> records.applyForShare(ZHANG, body));
        assertTrue(exists.problem().type().endsWith("property-share-exists"));

        String shareId = overview.shares().get(0).id();
        var first = records.printShare(ZHANG, shareId);
        assertTrue(first.getValue());
        // P-2: valid one month from the issue date (30 Nov 23:30 city time)
        assertEquals(LocalDate.of(2026, 11, 30), first.getKey().issuedOn());
        assertEquals(LocalDate.of(2026, 12, 30), first.getKey().validUntil());
        assertEquals("70.00%", issued.get(0).values().get("ownerSharePercent"));
        // printing again while valid gives the same certificate
        var again = records.printShare(ZHANG, shareId);
        assertFalse(again.getValue());
        assertEquals(first.getKey().id(), again.getKey().id());
        assertEquals(1, issued.size());
    }

    @Test
    void aPowerOfAttorneyIsAppliedForThenBothDocumentsAreIssuedValidThreeMonths() {
        PoaRequest body =
                new PoaRequest(
                        "李四",
                        "440305198505054327",
                        "13800000002",
                        "配偶",
                        "转移登记",
                        "本人在外地工作",
                        null,
                        "深圳市福田区安居路1号1栋101",
                        null,
                        "440304",
                        "深圳市福田区福中路1号",
                        "PC");
        ProblemException wrong =
                assertThrows(
                        ProblemException.class,
                        () ->
                                records.applyForPoa(
                                        ZHANG,
                                        new PoaRequest(
                                                "李四",
                                                "440305198505054320",
                                                "123",
                                                "配偶",
                                                "买卖",
                                                "",
                                                null,
                                                "",
                                                null,
                                                "110101",
                                                "",
                                                null)));
        List<String> fields = wrong.problem().errors().stream().map(e -> e.field()).toList();
        assertTrue(
                fields.containsAll(
                        List.of(
                                "agentIdNumber",
                                "agentPhone",
                                "registrationType",
                                "reason",
                                "propertyAddress",
                                "districtCode",
                                "principalAddress")),
                fields.toString());

        var app = records.applyForPoa(ZHANG, body);
        assertEquals("REVIEW", app.status());
        assertEquals("李*", app.agentName());
        new RecordsCaseListener(records)
                .changed(
                        CoreFakes.withStatus(caseRows.get(app.caseId()), CaseStatus.APPROVED),
                        new CaseEvent(
                                "approved",
                                now.get(),
                                "cw",
                                CaseStatus.APPROVED,
                                1,
                                null,
                                Map.of()));
        assertEquals(
                List.of(RecordsService.POA_DOCUMENT, RecordsService.FORM_DOCUMENT),
                issued.stream().map(IssueRequest::typeId).toList());
        assertEquals("2026-11-30", issued.get(0).values().get("periodFrom"));
        assertEquals("2027-02-28", issued.get(0).values().get("periodTo"));
        var overview = records.powersOfAttorney(ZHANG);
        assertNotNull(overview.current());
        assertEquals(LocalDate.of(2027, 2, 28), overview.current().validUntil());
        assertNotNull(overview.current().powerOfAttorney());
        assertNotNull(overview.current().registrationForm());
        assertFalse(overview.canApply());
        ProblemException exists =
                assertThrows(ProblemException.class, () -> records.applyForPoa(ZHANG, body));
        assertTrue(exists.problem().type().endsWith("power-of-attorney-exists"));

        // SZ-8: after three months it has lapsed and a new application is possible
        now.set(Instant.parse("2027-03-01T02:00:00Z"));
        assertNull(records.powersOfAttorney(ZHANG).current());
        assertTrue(records.powersOfAttorney(ZHANG).canApply());
    }

    @Test
    void theTemplatesAreRegisteredWithTheirValidity() {
        var types = RecordDocumentTypes.types();
        assertEquals(3, types.size());
        assertTrue(types.get(0).validity().isEmpty());
        assertEquals(java.time.Period.ofMonths(1), types.get(1).validity().orElseThrow());
        assertEquals(java.time.Period.ofMonths(3), types.get(2).validity().orElseThrow());
        for (DocumentType t : types) {
            assertTrue(t.template().startsWith("# "), t.id());
        }
    }

    @Test
    void importsAreAllOrNothing() {
        Map<String, byte[]> files =
                Map.of(
                        "purchases.csv",
                        ("idNumber,name,housingType,project,address,districtCode,purchasedOn,contractNo\n"
                                        + ZHANG_ID
                                        + ",张三,ANJU,龙华安居苑,福田区安居路1号,440304,2015-06-01,AJ1\n"
                                        + "440304199001011234,李四,VILLA,x,y,110101,2015-13-01,\n")
                                .getBytes(StandardCharsets.UTF_8));
        var parsed = RecordImport.parse(files, records::isShenzhenDistrict, now.get());
        List<String> wrong = parsed.errors().stream().map(e -> e.row() + ":" + e.column()).toList();
        assertEquals(
                List.of("3:idNumber", "3:housingType", "3:districtCode", "3:purchasedOn"), wrong);
        Map<String, byte[]> good =
                Map.of(
                        "shares.csv",
                        ("idNumber,name,project,address,districtCode,certificateNo,areaM2,ownerSharePercent\n"
                                        + ZHANG_ID
                                        + ",张三,龙华安居苑,福田区安居路1号,440304,,80.5,65.5\n")
                                .getBytes(StandardCharsets.UTF_8));
        var ok = RecordImport.parse(good, records::isShenzhenDistrict, now.get());
        assertTrue(ok.errors().isEmpty(), ok.errors().toString());
        RecordImport.store(tx, ok);
        RecordImport.store(tx, RecordImport.parse(good, records::isShenzhenDistrict, now.get()));
        assertEquals(1, records.shares(ZHANG).shares().size());
        assertEquals(
                new BigDecimal("34.50"),
                records.shares(ZHANG).shares().get(0).governmentSharePercent());
    }

    @Test
    void aFileWithoutAColumnOrNotInUtf8IsRefusedWhole() {
        var missing =
                RecordImport.parse(
                        Map.of(
                                "purchases.csv",
                                ("idNumber,name,housingType,project,address,districtCode,purchasedOn\n"
                                                + ZHANG_ID
                                                + ",张三,ANJU,x,y,440304,2015-06-01\n")
                                        .getBytes(StandardCharsets.UTF_8)),
                        records::isShenzhenDistrict,
                        now.get());
        assertEquals(
                List.of(
                        new RecordImport.ImportError(
                                "purchases.csv",
                                1,
                                "contractNo",
                                "purchases.csv.contractNo",
                                "缺少列 contractNo",
                                "Column contractNo is missing")),
                missing.errors());
        assertTrue(missing.purchases().isEmpty());
        // Excel's plain "CSV" is GBK: refused, not read as garbled names
        var gbk =
                RecordImport.parse(
                        Map.of(
                                "shares.csv",
                                ("idNumber,name,project,address,districtCode,certificateNo,areaM2,ownerSharePercent\n"
                                                + ZHANG_ID
                                                + ",张三,龙华安居苑,福田区安居路1号,440304,,80.5,65.5\n")
                                        .getBytes(java.nio.charset.Charset.forName("GBK"))),
                        records::isShenzhenDistrict,
                        now.get());
        assertEquals(1, gbk.errors().size(), gbk.errors().toString());
        assertTrue(gbk.errors().get(0).message().contains("UTF-8"), gbk.errors().toString());
        assertTrue(gbk.shares().isEmpty());
    }

    // ------------------------------------------------------------------ fakes

    private void purchase(String idNumber, String type, String district) {
        tx.run(
                em -> {
                    PolicyPurchaseEntity p = new PolicyPurchaseEntity(UUID.randomUUID().toString());
                    p.idNumber(idNumber);
                    p.name("张三");
                    p.housingType(type);
                    p.project("龙华安居苑");
                    p.address("深圳市福田区安居路1号1栋101");
                    p.districtCode(district);
                    p.purchasedOn(LocalDate.of(2015, 6, 1));
                    p.createdAt(now.get());
                    em.persist(p);
                });
    }

    private DocumentService documents() {
        return CoreFakes.proxy(
                DocumentService.class,
                (name, args) ->
                        switch (name) {
                            case "issue" -> {
                                IssueRequest r = (IssueRequest) args[0];
                                issued.add(r);
                                LocalDate today = CityMonth.today(clock);
                                Optional<java.time.Period> validity =
                                        RecordDocumentTypes.types().stream()
                                                .filter(t -> t.id().equals(r.typeId()))
                                                .findFirst()
                                                .map(t -> t.validity().orElse(null))
                                                .or(
                                                        () ->
                                                                RecordsService.POA_DOCUMENT.equals(
                                                                                r.typeId())
                                                                        ? Optional.of(
                                                                                java.time.Period
                                                                                        .ofMonths(
                                                                                                3))
                                                                        : Optional.empty());
                                String id = UUID.randomUUID().toString();
                                IssuedDocument d =
                                        new IssuedDocument(
                                                id,
                                                "GS-" + id.substring(0, 8),
                                                r.typeId(),
                                                LocalizedText.of(r.typeId(), r.typeId()),
                                                r.holderId(),
                                                r.regionCode(),
                                                r.caseId(),
                                                today,
                                                validity.map(today::plus).orElse(null),
                                                DocumentStatus.VALID,
                                                false,
                                                1,
                                                null,
                                                null);
                                docs.put(id, d);
                                yield d;
                            }
                            case "find" -> Optional.ofNullable(docs.get((String) args[0]));
                            default -> throw new UnsupportedOperationException(name);
                        });
    }

    private static AccountDirectory accounts() {
        AccountProfile zhang =
                new AccountProfile(
                        "acc-zhang",
                        AccountKind.CITIZEN,
                        "张三",
                        ZHANG_ID,
                        "13800000001",
                        TrustLevel.L2);
        return CoreFakes.proxy(
                AccountDirectory.class,
                (name, args) ->
                        "find".equals(name) && "acc-zhang".equals(args[0])
                                ? Optional.of(zhang)
                                : Optional.empty());
    }

    private static Regions regions() {
        Region futian = new Region("440304", "DISTRICT", LocalizedText.of("福田区", "Futian"), null);
        Region nanshan = new Region("440305", "DISTRICT", LocalizedText.of("南山区", "Nanshan"), null);
        Region shenzhen =
                new Region(
                        "440300",
                        "CITY",
                        LocalizedText.of("深圳市", "Shenzhen"),
                        List.of(futian, nanshan));
        Map<String, Region> all = Map.of("440300", shenzhen, "440304", futian, "440305", nanshan);
        return CoreFakes.proxy(
                Regions.class,
                (name, args) ->
                        switch (name) {
                            case "region" -> Optional.ofNullable(all.get((String) args[0]));
                            case "covers" -> ((String) args[1])
                                    .startsWith(((String) args[0]).replaceAll("0+$", ""));
                            case "mayAct" -> false;
                            default -> throw new UnsupportedOperationException(name);
                        });
    }
}
