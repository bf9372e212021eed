package org.guangsha.shenzhen.rental.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guangsha.shenzhen.rental.data.ImportRejectedException.ImportProblem;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.Checked;
import org.guangsha.shenzhen.rental.internal.imports.ImportCheck.NewRank;
import org.junit.jupiter.api.Test;

/** The import's checks: every problem at once, yuan to fen exactly, one active lease per home. */
class ImportCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** Nothing stored but what the test says. */
    static final class FakeStored implements ImportCheck.Stored {
        final Set<String> homes = new java.util.HashSet<>();
        final Set<String> active = new java.util.HashSet<>();
        final Map<String, String> leases = new HashMap<>();

        @Override
        public Set<String> homeCodes(Collection<String> codes) {
            return codes.stream().filter(homes::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> homesWithActiveLease(Collection<String> codes) {
            return codes.stream().filter(active::contains).collect(Collectors.toSet());
        }

        @Override
        public Map<String, String> leaseKinds(Collection<String> nos) {
            Map<String, String> m = new HashMap<>();
            nos.stream().filter(leases::containsKey).forEach(n -> m.put(n, leases.get(n)));
            return m;
        }

        @Override
        public Map<String, Set<String>> occupants(Collection<String> nos) {
            return Map.of();
        }

        @Override
        public Set<String> waitingKeys(Collection<NewRank> ranks) {
            return Set.of();
        }
    }

    static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> clean() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(
                "homes.csv",
                ("\uFEFF"
                                + "房屋编号,项目,栋,房号,地址,行政区划代码,面积(㎡),户型\n"
                                + "FT-1,福田安居苑,2栋,801,深圳市福田区某路8号,440304,58.6,两房一厅\n")
                        .getBytes(StandardCharsets.UTF_8));
        f.put(
                "leases.csv",
                csv(
                        "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,maritalStatus,policy,startDate,endDate,rentYuan,status",
                        "L-1,FT-1,CITIZEN,张三,440304199001011233,已婚,原政策,2026-09-01,2029/8/31,\"1,260.00\",ACTIVE"));
        f.put("residents.csv", csv("合同编号,姓名,身份证号码,关系", "L-1,李梅,440305198505054327,配偶"));
        f.put(
                "waiting.csv",
                csv("轮候类型,身份证号码,姓名,排名,日期", "安居房,440304199001011233,张三,1203,2026年11月1日"));
        return f;
    }

    @Test
    void aCleanImportPassesWithTheRentExactlyInFen() {
        List<ImportProblem> problems = new ArrayList<>();
        Checked c = ImportCheck.check(clean(), new FakeStored(), TODAY, problems);
        assertEquals(List.of(), problems);
        assertEquals(1, c.homes().size());
        assertEquals(126_000L, c.leases().get(0).rentFen());
        assertEquals("OLD", c.leases().get(0).policy());
        assertEquals("MARRIED", c.leases().get(0).maritalStatus());
        assertEquals(LocalDate.of(2029, 8, 31), c.leases().get(0).endDate());
        assertEquals("CO_RESIDENT", c.residents().get(0).role());
        assertEquals("ANJU", c.ranks().get(0).listType());
        assertEquals(new java.math.BigDecimal("58.60"), c.homes().get(0).areaM2());
    }

    @Test
    void everyProblemOfEveryRowIsReportedAtOnce() {
        Map<String, byte[]> f = clean();
        f.put(
                "leases.csv",
                csv(
                        "合同编号,房屋编号,承租人类型,承租人,证件号码,政策,起租日期,到期日期,月租金(元)",
                        "L-1,FT-1,个人,张三,440304199001011234,原政策,2026-09-01,2029-08-31,1260.005",
                        "L-2,FT-9,个人,王五,440304199001011233,旧的,2026-09-01,2026-08-31,abc",
                        "L-3,FT-1,个人,赵六,440304199001011233,新政策,2026-02-30,2029-08-31,900"));
        f.put("waiting.csv", csv("轮候类型,身份证号码,姓名,排名,日期", "经适房,440304199001011233,张三,0,2027-01-01"));
        List<ImportProblem> problems = new ArrayList<>();
        ImportCheck.check(f, new FakeStored(), TODAY, problems);
        Set<String> found =
                problems.stream()
                        .map(p -> p.file() + ":" + p.row() + ":" + p.field())
                        .collect(Collectors.toSet());
        // leases.csv row 2: a wrong check digit, three decimals of yuan
        assertTrue(found.contains("leases.csv:2:lesseeId"), found.toString());
        assertTrue(found.contains("leases.csv:2:rentYuan"), found.toString());
        // row 3: no such home, unknown policy, end before start, not an amount
        assertTrue(found.contains("leases.csv:3:homeCode"), found.toString());
        assertTrue(found.contains("leases.csv:3:policy"), found.toString());
        assertTrue(found.contains("leases.csv:3:endDate"), found.toString());
        assertTrue(found.contains("leases.csv:3:rentYuan"), found.toString());
        // row 4: an impossible date, and a second active lease on FT-1
        assertTrue(found.contains("leases.csv:4:startDate"), found.toString());
        assertTrue(found.contains("leases.csv:4:status"), found.toString());
        // waiting.csv: unknown list, rank 0, a date after today
        assertTrue(found.contains("waiting.csv:2:listType"), found.toString());
        assertTrue(found.contains("waiting.csv:2:rank"), found.toString());
        assertTrue(found.contains("waiting.csv:2:asOf"), found.toString());
        ImportProblem rent =
                problems.stream()
                        .filter(p -> "rentYuan".equals(p.field()))
                        .findFirst()
                        .orElseThrow();
        assertEquals("月租金(元)", rent.column());
        assertTrue(rent.message().contains("两位小数"), rent.message());
        assertTrue(rent.messageEn().contains("two decimals"), rent.messageEn());
        // in file order: homes before leases before waiting
        assertEquals("leases.csv", problems.get(0).file());
        assertEquals("waiting.csv", problems.get(problems.size() - 1).file());
    }

    @Test
    void aHomeWithAnActiveLeaseStoredTakesNoOther() {
        FakeStored stored = new FakeStored();
        stored.homes.add("FT-2");
        stored.active.add("FT-2");
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(
                "leases.csv",
                csv(
                        "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,policy,startDate,endDate,rentYuan,status",
                        "L-9,FT-2,个人,张三,440304199001011233,NEW,2026-09-01,2029-08-31,900,ENDED",
                        "L-10,FT-2,个人,张三,440304199001011233,NEW,2026-09-01,2029-08-31,900,有效"));
        List<ImportProblem> problems = new ArrayList<>();
        ImportCheck.check(f, stored, TODAY, problems);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).row());
        assertEquals("status", problems.get(0).field());
    }

    @Test
    void aFileNotInUtf8OrWithoutARequiredColumnIsNamed() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(
                "homes.csv",
                "房屋编号,项目,栋,房号,地址,行政区划代码\nFT-1,福田,2栋,801,深圳,440304\n"
                        .getBytes(Charset.forName("GBK")));
        f.put("waiting.csv", csv("身份证号码,姓名,排名,日期"));
        List<ImportProblem> problems = new ArrayList<>();
        ImportCheck.check(f, new FakeStored(), TODAY, problems);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("UTF-8"));
        assertEquals("listType", problems.get(1).field());
        assertEquals(1, problems.get(1).row());
    }

    @Test
    void organizationsHaveOccupantsAndCitizensCoResidents() {
        Map<String, byte[]> f = clean();
        f.put(
                "residents.csv",
                csv(
                        "合同编号,类型,姓名,身份证号码,关系,入住人身份证号码",
                        "L-1,入住人,陈一,440305198505054327,员工,",
                        "L-X,同住人,林一,440305198505054327,配偶,"));
        List<ImportProblem> problems = new ArrayList<>();
        ImportCheck.check(f, new FakeStored(), TODAY, problems);
        Set<String> found =
                problems.stream().map(p -> p.row() + ":" + p.field()).collect(Collectors.toSet());
        assertEquals(Set.of("2:role", "3:leaseNo"), found);
    }

    @Test
    void rowsAreTheSpreadsheetsBlankLinesIncludedAndHeaderProblemsNameTheColumn() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(
                "waiting.csv",
                csv(
                        "轮候类型,身份证号码,姓名,排名,日期",
                        "安居房,440304199001011233,张三,1,2026-11-01",
                        "",
                        "安居房,440304199001011233,张三,0,2026-11-02"));
        f.put("homes.csv", csv("房屋编号,项目,栋,房号,地址,行政区划代码,房源编号", "FT-1,a,b,c,d,440304,FT-1"));
        List<ImportProblem> problems = new ArrayList<>();
        ImportCheck.check(f, new FakeStored(), TODAY, problems);
        assertEquals(
                List.of(
                        new ImportProblem(
                                "homes.csv",
                                1,
                                "房源编号",
                                "homeCode",
                                "有两列都是“房屋编号”",
                                "The column homeCode appears twice"),
                        new ImportProblem(
                                "waiting.csv",
                                4,
                                "排名",
                                "rank",
                                "“0”不是正整数",
                                "\"0\" is not a positive whole number")),
                problems);
    }
}
