package org.guangsha.shenzhen.rental.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.guangsha.shenzhen.rental.internal.payment.CollectionRunChecks.RowError;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Run;
import org.junit.jupiter.api.Test;

/** SZ-4 d: collection runs from a caseworker's CSV file, all rows or none. */
class CollectionRunChecksTest {

    private static List<Run> parse(String csv, List<RowError> problems) {
        return CollectionRunChecks.parse(
                csv.getBytes(StandardCharsets.UTF_8), "file", "runs.csv", problems);
    }

    @Test
    void runsAreReadInTheCitysTimeWithExcelsByteOrderMark() {
        List<RowError> problems = new ArrayList<>();
        List<Run> runs =
                parse(
                        "\uFEFFstartsAt,endsAt,description\r\n"
                                + "2026/11/25 9:00,2026-11-25 12:00,十一月托收\r\n",
                        problems);
        assertEquals(List.of(), problems);
        assertEquals(Instant.parse("2026-11-25T01:00:00Z"), runs.get(0).startsAt());
        assertEquals("十一月托收", runs.get(0).description());
    }

    @Test
    void aBadRowIsNamedByItsDataRowAndField() {
        List<RowError> problems = new ArrayList<>();
        parse(
                "startsAt,endsAt,description\n"
                        + "2026-11-25 09:00,2026-11-25 12:00,\n"
                        + "2026-11-25 09:00,2026-99-01 10:00,坏行\n",
                problems);
        assertEquals(1, problems.size(), problems.toString());
        RowError e = problems.get(0);
        assertEquals("file", e.file());
        assertEquals(2, e.row());
        assertEquals("endsAt", e.column());
        assertEquals("runs[2].endsAt", e.field());
    }

    @Test
    void aMissingColumnAFileWithoutRunsAndAFileNotInUtf8AreRefused() {
        List<RowError> problems = new ArrayList<>();
        parse("startsAt,description\n2026-11-25 09:00,x\n", problems);
        assertEquals(
                List.of(
                        new RowError(
                                "file",
                                0,
                                "endsAt",
                                "endsAt",
                                "缺少列 endsAt（表头应为 startsAt,endsAt,description）",
                                "Missing column endsAt (header: startsAt,endsAt,description)")),
                problems);
        problems.clear();
        parse("startsAt,endsAt,description\n", problems);
        assertEquals("文件中没有托收记录", problems.get(0).message());
        problems.clear();
        CollectionRunChecks.parse(
                "startsAt,endsAt,description\n2026-11-25 09:00,2026-11-25 12:00,十一月\n"
                        .getBytes(java.nio.charset.Charset.forName("GBK")),
                "file",
                "runs.csv",
                problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().startsWith("runs.csv 不是UTF-8编码"));
    }
}
