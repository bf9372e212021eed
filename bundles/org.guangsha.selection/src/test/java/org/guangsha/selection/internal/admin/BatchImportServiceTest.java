package org.guangsha.selection.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guangsha.selection.batch.BatchRejectedException;
import org.guangsha.selection.batch.BatchSummary;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.internal.admin.AdminViews.BatchDetail;
import org.guangsha.selection.internal.admin.AdminViews.FamilyPage;
import org.guangsha.selection.internal.admin.AdminViews.FamilyRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** S-1 against the real schema (V1 on H2) and OpenJPA: all or nothing, in one transaction. */
class BatchImportServiceTest {

    private static final Logger LOG = LoggerFactory.getLogger(BatchImportServiceTest.class);
    private static final Instant NOW = Instant.parse("2026-11-19T02:00:00Z");
    private static final String BATCH_JSON =
            "{\"code\":\"SZ-2026-12\",\"name\":\"2026年12月公租房选房\",\"regionCode\":\"440304\","
                    + "\"preselectStartsAt\":\"2026-11-20 09:00\"}";

    private SelectionTestDatabase db;
    private BatchImportService service;

    @BeforeEach
    void freshDatabase() throws Exception {
        db = new SelectionTestDatabase();
        service =
                new BatchImportService(
                        db.tx,
                        SelectionTestDatabase.regions(),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        5,
                        180);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvBatchIsStoredWholeWithFormalSessionsAndWaitingFamilies() throws Exception {
        BatchSummary s =
                service.importCsv(
                        BATCH_JSON,
                        in(CsvBatchReaderTest.UNITS_EN),
                        in(CsvBatchReaderTest.FAMILIES_EN),
                        in(CsvBatchReaderTest.SESSIONS_EN),
                        "op-1",
                        "127.0.0.1");
        assertEquals("SZ-2026-12", s.code());
        assertEquals(2, s.units());
        assertEquals(2, s.sessions());
        assertEquals(3, s.families());
        assertEquals(5, s.cartSize());
        assertEquals(180, s.windowSeconds());
        assertEquals(NOW, s.createdAt());
        assertEquals(1, db.count("SEL_BATCH"));
        assertEquals(2, db.count("SEL_UNIT"));
        assertEquals(120_050, db.number("SELECT RENT_FEN FROM SEL_UNIT WHERE CODE = '1-101'"));
        assertEquals("csv", db.text("SELECT SOURCE FROM SEL_BATCH"));
        assertEquals("op-1", db.text("SELECT CREATED_BY FROM SEL_BATCH"));
        assertEquals(
                2,
                db.number(
                        "SELECT COUNT(*) FROM SEL_SESSION WHERE KIND = 'FORMAL' AND STATUS = 'SCHEDULED'"));
        assertEquals(3, db.number("SELECT COUNT(*) FROM SEL_FAMILY WHERE STATUS = 'WAITING'"));
        // rank 3 named no session: the first with a free place (session 1 holds 2, rank 1 is in it)
        assertEquals(
                1,
                db.number(
                        "SELECT S.SEQ FROM SEL_FAMILY F JOIN SEL_SESSION S ON S.ID = F.SESSION_ID"
                                + " WHERE F.RANK_NO = 3"));
        // ID numbers are stored normalized (upper-case X)
        assertEquals(0, db.number("SELECT COUNT(*) FROM SEL_FAMILY WHERE ID_NUMBER LIKE '%x'"));

        assertEquals(List.of(s), service.batches());
        assertEquals(s, service.summary(s.id()).orElseThrow());
        assertTrue(service.familyId(s.id(), Fixtures.idNumber(1)).isPresent());
        assertTrue(service.familyId(s.id(), Fixtures.idNumber(9)).isEmpty());
        assertTrue(service.familyId("nope", Fixtures.idNumber(1)).isEmpty());
    }

    @Test
    void theDetailCountsFamiliesBySessionAndStatusAndListsThemMasked() {
        BatchSummary s = service.create(Fixtures.batch("B-DETAIL", 10, 120));
        BatchDetail d = service.detail(s.id()).orElseThrow();
        assertEquals(3, d.sessions().size());
        assertEquals(List.of(50, 50, 20), d.sessions().stream().map(x -> x.familyCount()).toList());
        assertEquals(Map.of("WAITING", 50), d.sessions().get(0).families());
        assertEquals(Map.of("WAITING", 120), d.families());
        assertEquals(0, d.unitsTaken());

        FamilyPage page = service.families(s.id(), null, null, 2, 50).orElseThrow();
        assertEquals(120, page.total());
        assertEquals(50, page.items().size());
        FamilyRow first = page.items().get(0);
        assertEquals(51, first.rank());
        assertEquals("测*****", first.applicantName());
        assertEquals("4403**********" + Fixtures.idNumber(51).substring(14), first.idNumber());
        assertEquals(2, first.sessionSeq());
        assertEquals("WAITING", first.status());
        String third = d.sessions().get(2).id();
        assertEquals(20, service.families(s.id(), "WAITING", third, 1, 100).orElseThrow().total());
        assertEquals(0, service.families(s.id(), "CONFIRMED", null, 1, 100).orElseThrow().total());
        assertTrue(service.families("nope", null, null, 1, 10).isEmpty());
        assertEquals(20, service.familiesOfSession(third).size());
        assertEquals(s.id(), service.batchOfSession(third).orElseThrow());
    }

    @Test
    void errorsInSeveralRowsOfSeveralFilesAreReportedTogetherAndNothingIsStored() throws Exception {
        String units = CsvBatchReaderTest.UNITS_EN + "1-101,,1栋,一房一厅,南,109,1,0,12.345,\n";
        String families =
                CsvBatchReaderTest.FAMILIES_EN + "3,赵六,440304198001010000,3,\n" + "5,钱七,,30,7\n";
        String sessions =
                CsvBatchReaderTest.SESSIONS_EN + "3,第3场,2026-11-23 12:00,2026-11-23 11:00,1\n";
        BatchRejectedException e =
                assertThrows(
                        BatchRejectedException.class,
                        () ->
                                service.importCsv(
                                        BATCH_JSON.replace("440304", "123456"),
                                        in(units),
                                        in(families),
                                        in(sessions),
                                        "op-1",
                                        null));
        Set<String> where =
                e.errors().stream()
                        .map(x -> x.section() + "[" + x.row() + "]." + x.field())
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertEquals(
                List.of(
                        "batch[0].regionCode",
                        "units[3].rentYuan",
                        "units[3].code",
                        "units[3].areaM2",
                        "sessions[3].endsAt",
                        "families[4].rank",
                        "families[4].idNumber",
                        "families[5].idNumber",
                        "families[5].householdSize",
                        "families[5].session"),
                List.copyOf(where));
        assertEquals(0, db.count("SEL_BATCH"));
        assertEquals(0, db.count("SEL_UNIT"));
        assertEquals(0, db.count("SEL_SESSION"));
        assertEquals(0, db.count("SEL_FAMILY"));
    }

    @Test
    void aBatchCodeIsUniqueWhateverItsCase() {
        service.create(Fixtures.batch("SZ-2026-12", 1, 1));
        BatchRejectedException e =
                assertThrows(
                        BatchRejectedException.class,
                        () -> service.create(Fixtures.batch("sz-2026-12", 1, 1)));
        assertEquals("code", e.errors().get(0).field());
        assertEquals(1, countBatches());
    }

    private long countBatches() {
        try {
            return db.count("SEL_BATCH");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tenThousandFamiliesAreStoredInOneTransactionQuickly() throws Exception {
        NewBatch big = Fixtures.batch("SZ-BIG", 2000, 10_000);
        long t0 = System.nanoTime();
        BatchSummary s = service.create(big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("10,000 families, 2,000 units, 200 sessions checked and stored in {} ms", ms);
        assertEquals(10_000, s.families());
        assertEquals(10_000, db.count("SEL_FAMILY"));
        assertEquals(2_000, db.count("SEL_UNIT"));
        assertEquals(200, db.count("SEL_SESSION"));
        assertEquals(0, db.number("SELECT COUNT(*) FROM SEL_FAMILY WHERE SESSION_ID IS NULL"));
        assertFalse(service.batches().isEmpty());
    }
}
