package org.guangsha.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.guangsha.platform.csv.CsvProblem.Kind;
import org.junit.jupiter.api.Test;

/**
 * Files as spreadsheets in China save them: UTF-8 or not, Chinese headers with units, blank rows.
 */
class CsvReaderTest {

    static final List<CsvColumn> COLUMNS =
            List.of(
                    new CsvColumn("code", true, "房源编号", "房屋编号"),
                    new CsvColumn("unitType", true, "户型"),
                    new CsvColumn("rentYuan", true, "月租金", "租金"),
                    new CsvColumn("areaM2", false, "面积", "建筑面积"),
                    new CsvColumn("address", false, "地址"));

    static final CsvReader READER = new CsvReader(COLUMNS);

    private static CsvTable read(String text) {
        return READER.read("units.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chineseHeadersInAnyOrderWithUnitsAndAByteOrderMarkAsExcelSavesThem() {
        CsvTable t =
                read(
                        "\uFEFF月租金（元）,面积(㎡),* 房源编号,户型,备注\r\n"
                                + "\"1,200.50\", 52.3 ,1-101,一房一厅,随便写\r\n");
        assertEquals(List.of(), t.problems());
        CsvRow r = t.rows().get(0);
        assertEquals(2, r.number());
        assertEquals("1,200.50", r.get("rentYuan"));
        assertEquals("52.3", r.get("areaM2"));
        assertEquals("1-101", r.get("code"));
        assertNull(r.get("address"));
        // messages name a column as the file wrote it, else by its Chinese name
        assertEquals("月租金（元）", t.column("rentYuan"));
        assertEquals("地址", t.column("address"));
        assertEquals("units.csv", t.file());
    }

    @Test
    void englishHeadersAreComparedWithoutCaseBlanksOrUnderscores() {
        CsvTable t = read("CODE, Unit_Type ,Rent_Yuan (yuan),Address\n1-101,一房,980,\n");
        assertEquals(List.of(), t.problems());
        assertEquals("一房", t.rows().get(0).get("unitType"));
        assertEquals("980", t.rows().get(0).get("rentYuan"));
        assertEquals(CsvReader.normalize("unitType"), CsvReader.normalize(" Unit_Type "));
        assertEquals(CsvReader.normalize("月租金"), CsvReader.normalize("月租金（元）"));
        assertEquals(CsvReader.normalize("面积"), CsvReader.normalize("面积(m²)"));
        assertEquals(CsvReader.normalize("房源编号"), CsvReader.normalize("*房源编号"));
    }

    @Test
    void blankRowsAreSkippedButCountedAsTheSpreadsheetNumbersRows() {
        CsvTable t =
                read(
                        "\ncode,unitType,rentYuan\n"
                                + "1-101,一房,980\n"
                                + "\n"
                                + ",,\n"
                                + "1-102,两房,1200\n");
        assertEquals(List.of(), t.problems());
        // the header is the first line with a value: row 2 here
        assertEquals(List.of(3, 6), t.rows().stream().map(CsvRow::number).toList());
    }

    @Test
    void aFileNotInUtf8IsRefusedWithHowToSaveIt() {
        byte[] gbk = "房源编号,户型,月租金\n1-101,一房,980\n".getBytes(Charset.forName("GBK"));
        CsvTable t = READER.read("units.csv", gbk);
        assertEquals(1, t.problems().size());
        CsvProblem p = t.problems().get(0);
        assertEquals(Kind.NOT_UTF8, p.kind());
        assertEquals(0, p.row());
        assertTrue(p.message().contains("CSV UTF-8（逗号分隔）"), p.message());
        assertTrue(p.messageEn().startsWith("units.csv is not UTF-8"), p.messageEn());
        assertEquals(List.of(), t.rows());
    }

    @Test
    void aMissingRequiredColumnIsNamedAndNoRowIsRead() {
        CsvTable t = read("房源编号,户型\n1-101,一房\n");
        assertEquals(1, t.problems().size());
        CsvProblem p = t.problems().get(0);
        assertEquals(
                new CsvProblem(
                        Kind.MISSING_COLUMN,
                        "units.csv",
                        1,
                        "月租金",
                        "rentYuan",
                        "缺少列“月租金”（rentYuan）",
                        "The column rentYuan (月租金) is missing"),
                p);
        assertEquals(List.of(), t.rows());
    }

    @Test
    void aColumnNamedTwiceIsAProblemOfTheHeader() {
        CsvTable t = read("code,房源编号,unitType,rentYuan\n1,2,3,4\n");
        CsvProblem p = t.problems().get(0);
        assertEquals(Kind.DUPLICATE_COLUMN, p.kind());
        assertEquals("房源编号", p.column());
        assertEquals("code", p.key());
        assertEquals("有两列都是“房源编号”", p.message());
        assertEquals(List.of(), t.rows());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        for (String text : List.of("", "\n\n", ",,\n")) {
            CsvTable t = read(text);
            assertEquals(Kind.EMPTY, t.problems().get(0).kind(), text);
            assertEquals(1, t.problems().get(0).row());
            assertEquals(
                    "units.csv is empty; row 1 is the header", t.problems().get(0).messageEn());
        }
    }

    @Test
    void anUnclosedQuoteIsAProblemAfterTheRowsRead() {
        CsvTable t = read("code,unitType,rentYuan\n1-101,一房,980\n1-102,\"两房,1200\n1-103,一房,1\n");
        assertEquals(1, t.problems().size(), t.problems().toString());
        CsvProblem p = t.problems().get(0);
        assertEquals(Kind.MALFORMED, p.kind());
        assertEquals(3, p.row());
        assertEquals("units.csv 的CSV格式有误（如引号未闭合）", p.message());
        assertEquals(1, t.rows().size());
    }

    @Test
    void aFileWithMoreRowsThanTheLimitStopsAtTheFirstTooMany() {
        CsvReader two = new CsvReader(COLUMNS, 2);
        StringBuilder text = new StringBuilder("code,unitType,rentYuan\n");
        for (int i = 0; i < 5; i++) {
            text.append(i).append(",一房,1\n");
        }
        CsvTable t = two.read("units.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.TOO_MANY_ROWS, t.problems().get(0).kind());
        assertEquals("units.csv 超过 2 行，请分批导入", t.problems().get(0).message());
        assertEquals(3, t.rows().size());
        assertEquals(5, read(text.toString()).rows().size());
    }

    @Test
    void twoColumnsCannotShareAName() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new CsvReader(
                                List.of(
                                        new CsvColumn("seq", true, "场次号", "场次"),
                                        new CsvColumn("session", false, "场次"))));
        // a column named by its key in Chinese messages too is fine
        new CsvReader(List.of(new CsvColumn("idNumber", true, "idNumber")));
    }
}
