package org.guangsha.selection.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.junit.jupiter.api.Test;

/** S-1: the operator's CSV files, as spreadsheets in China write them. */
class CsvBatchReaderTest {

    static final String UNITS_EN =
            "code,project,building,unitType,orientation,roomNumber,floor,areaM2,rentYuan,address\n"
                    + "1-101,广厦家园,1栋,一房一厅,南,101,1,52.3,\"1,200.50\",示范路1号\n"
                    + "1-102,,1栋,两房一厅,北,102,1,68,980,\n";

    static final String FAMILIES_EN =
            "rank,name,idNumber,householdSize,session\n"
                    + "1,张三,"
                    + Fixtures.idNumber(1)
                    + ",3,1\n"
                    + "2,李四,"
                    + Fixtures.idNumber(2).toLowerCase()
                    + ",2,第2场\n"
                    + "3,王五,"
                    + Fixtures.idNumber(3)
                    + ",1,\n";

    static final String SESSIONS_EN =
            "seq,name,startsAt,endsAt,capacity\n"
                    + "1,第1场,2026-11-23 09:30,2026-11-23 10:00,2\n"
                    + "2,第2场,2026-11-23T10:30:00+08:00,2026/11/23 11:00,2\n";

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvBatchReader.Read read(String units, String families, String sessions) {
        return CsvBatchReader.read(in(units), in(families), in(sessions));
    }

    private static Set<String> where(List<RowError> errors) {
        return errors.stream()
                .map(e -> e.section() + "[" + e.row() + "]." + e.field())
                .collect(Collectors.toSet());
    }

    @Test
    void englishHeadersMoneyInYuanExactlyToFenAreasToHundredthsAndCityTimes() {
        CsvBatchReader.Read r = read(UNITS_EN, FAMILIES_EN, SESSIONS_EN);
        assertEquals(List.of(), r.errors());
        NewUnit u = r.units().get(0).value();
        assertEquals(120_050, u.rentFen());
        assertEquals(5230, u.areaCentiM2());
        assertEquals("广厦家园", u.project());
        assertNull(r.units().get(1).value().project());
        assertEquals(98_000, r.units().get(1).value().rentFen());
        assertEquals(6800, r.units().get(1).value().areaCentiM2());
        assertEquals(Instant.parse("2026-11-23T01:30:00Z"), r.sessions().get(0).value().startsAt());
        assertEquals(Instant.parse("2026-11-23T02:30:00Z"), r.sessions().get(1).value().startsAt());
        assertEquals(Instant.parse("2026-11-23T03:00:00Z"), r.sessions().get(1).value().endsAt());
        // a session is named by its number or its name; none: by rank later
        assertEquals(1, r.families().get(0).value().sessionSeq());
        assertEquals(2, r.families().get(1).value().sessionSeq());
        assertNull(r.families().get(2).value().sessionSeq());
        assertEquals(
                List.of(1, 2, 3), r.families().stream().map(BatchValidator.Row::number).toList());
    }

    @Test
    void chineseHeadersInAnyOrderWithAByteOrderMarkAsExcelSavesThem() {
        String units =
                "\uFEFF房号,房源编号,楼栋,户型,朝向,楼层,面积（㎡）,月租金(元),地址,项目,备注\r\n"
                        + "101,1-101,1栋,一房一厅,南,1,52.30,1200,示范路1号,广厦家园,随便写\r\n";
        String families =
                "\uFEFF排位,姓名,身份证号码,家庭人数,场次\r\n" + "1,张三," + Fixtures.idNumber(1) + ",3,1\r\n";
        String sessions =
                "\uFEFF场次号,场次名称,开始时间,结束时间,家庭数\r\n"
                        + "1,第1场,2026-11-23 09:30,2026-11-23 10:00,10\r\n";
        CsvBatchReader.Read r = read(units, families, sessions);
        assertEquals(List.of(), r.errors());
        NewUnit u = r.units().get(0).value();
        assertEquals("1-101", u.code());
        assertEquals("101", u.roomNumber());
        assertEquals(120_000, u.rentFen());
        assertEquals(5230, u.areaCentiM2());
        assertEquals("广厦家园", u.project());
        assertEquals("张三", r.families().get(0).value().applicantName());
        assertEquals(10, r.sessions().get(0).value().capacity());
        // 月租金 without the unit is the same column
        assertEquals(List.of(), read(units.replace("月租金(元)", "月租金"), families, sessions).errors());
    }

    @Test
    void badValuesAreProblemsOfTheirRowsAllOfThem() {
        String units =
                UNITS_EN
                        + "1-103,,1栋,一房一厅,南,103,三,52.345,12.001,\n"
                        + "\n"
                        + "1-104,,1栋,一房一厅,南,104,1,abc,-5,\n";
        String sessions = SESSIONS_EN + "x,第3场,2026-11-23 12:00,tomorrow,2\n";
        String families = FAMILIES_EN + "four,赵六," + Fixtures.idNumber(4) + ",two,第9场\n";
        CsvBatchReader.Read r = read(units, families, sessions);
        Set<String> where = where(r.errors());
        assertEquals(
                Set.of(
                        "units[3].floor",
                        "units[3].areaM2",
                        "units[3].rentYuan",
                        "units[5].areaM2",
                        "sessions[3].seq",
                        "sessions[3].endsAt",
                        "families[4].rank",
                        "families[4].householdSize",
                        "families[4].session"),
                where);
        // the empty line counts: row numbers are the spreadsheet's rows minus the header
        assertEquals(
                List.of(1, 2, 3, 5), r.units().stream().map(BatchValidator.Row::number).toList());
        // -5 yuan is read; negative rent is the validator's to refuse
        assertEquals(-500, r.units().get(3).value().rentFen());
        assertTrue(r.unreadable().contains("sessions"));
        r.errors().forEach(e -> assertTrue(!e.zh().isBlank() && !e.en().isBlank()));
    }

    @Test
    void missingColumnsOrFilesAndFilesNotInUtf8AreProblemsOfTheWholeFile() {
        String units = "code,building,unitType,orientation,floor,areaM2\n1-101,1栋,一房,南,1,50\n";
        byte[] gbk = FAMILIES_EN.getBytes(Charset.forName("GBK"));
        CsvBatchReader.Read r = CsvBatchReader.read(in(units), new ByteArrayInputStream(gbk), null);
        Set<String> where = where(r.errors());
        assertEquals(
                Set.of(
                        "units[0].roomNumber",
                        "units[0].rentYuan",
                        "families[0].null",
                        "sessions[0].null"),
                where);
        assertTrue(
                r.errors().stream().anyMatch(e -> e.zh().contains("CSV UTF-8")),
                r.errors().toString());
        assertTrue(r.units().isEmpty());
        // the file is named in the message: a section has no file member
        assertTrue(
                r.errors()
                        .contains(
                                new RowError(
                                        "units",
                                        0,
                                        "roomNumber",
                                        "units.csv 缺少列“房号”（roomNumber）",
                                        "units.csv lacks the column roomNumber (房号)")),
                r.errors().toString());
        RowError twice =
                CsvBatchReader.read(in(UNITS_EN.replace("address", "房源编号")), null, null)
                        .errors()
                        .get(0);
        assertEquals(
                new RowError(
                        "units",
                        0,
                        "code",
                        "units.csv 有两列都是“房源编号”",
                        "units.csv has the column code twice"),
                twice);
    }

    @Test
    void anUnclosedQuoteIsAProblemNotAnException() {
        CsvBatchReader.Read r =
                read(UNITS_EN + "1-105,\"广厦,1栋,一房一厅,南,105,1,50,100,\n", FAMILIES_EN, SESSIONS_EN);
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals("units", r.errors().get(0).section());
    }

    @Test
    void theBatchPartIsJsonWithCityTimesAndUnknownMembersAreProblems() {
        List<RowError> errors = new ArrayList<>();
        NewBatch b =
                CsvBatchReader.header(
                        "{\"code\":\"SZ-1\",\"name\":\"批次\",\"regionCode\":440304,"
                                + "\"preselectStartsAt\":\"2026-11-20 09:00\",\"cartSize\":\"5\"}",
                        "op-1",
                        errors);
        assertEquals(List.of(), errors);
        assertEquals("440304", b.regionCode());
        assertEquals(Instant.parse("2026-11-20T01:00:00Z"), b.preselectStartsAt());
        assertEquals(5, b.cartSize());
        assertNull(b.windowSeconds());
        assertEquals("csv", b.source());
        assertEquals("op-1", b.createdBy());

        CsvBatchReader.header(
                "{\"code\":\"SZ-1\",\"cartsize\":5,\"windowSeconds\":1.5,"
                        + "\"preselectStartsAt\":\"soon\"}",
                null,
                errors);
        assertEquals(
                Set.of("batch[0].cartsize", "batch[0].windowSeconds", "batch[0].preselectStartsAt"),
                where(errors));
        errors.clear();
        CsvBatchReader.header("not json", null, errors);
        CsvBatchReader.header(null, null, errors);
        assertEquals(2, errors.size());
    }
}
