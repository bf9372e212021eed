package org.guangsha.shenzhen.rental.internal.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guangsha.platform.csv.CsvColumn;
import org.guangsha.platform.csv.CsvProblem;
import org.guangsha.platform.csv.CsvReader;
import org.guangsha.platform.csv.CsvRow;
import org.guangsha.platform.csv.CsvTable;
import org.guangsha.platform.identity.CreditCode;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.shenzhen.rental.data.ImportRejectedException.ImportProblem;
import org.guangsha.shenzhen.rental.data.RentalDataImport;

/**
 * Reads and checks an import whole before anything is stored: every value of every row (required,
 * length, ID numbers by GB 11643, credit codes by GB 32100, dates, money in yuan with at most two
 * decimals kept exactly in fen), then the rows against each other and against what is stored (home
 * codes and lease numbers unique; a lease's home in the import or stored; at most one active lease
 * per home; a resident's lease in the import or stored; occupants only on an organization's lease;
 * one waiting-list rank per list, person and day). Every problem is collected; none stops the
 * reading.
 */
public final class ImportCheck {

    /** What is stored already, as far as the checks need it. */
    public interface Stored {

        /** The codes among these that a stored home has. */
        Set<String> homeCodes(Collection<String> codes);

        /** The home codes among these with a stored ACTIVE lease. */
        Set<String> homesWithActiveLease(Collection<String> codes);

        /** Stored leases among these numbers: number → lessee kind. */
        Map<String, String> leaseKinds(Collection<String> leaseNos);

        /** The stored occupants' ID numbers of these leases: lease number → ID numbers. */
        Map<String, Set<String>> occupants(Collection<String> leaseNos);

        /** The stored waiting rows among these keys ({@link NewRank#key()}). */
        Set<String> waitingKeys(Collection<NewRank> ranks);
    }

    /** A home to add. */
    public record NewHome(
            int row,
            String homeCode,
            String project,
            String building,
            String room,
            String address,
            String districtCode,
            BigDecimal areaM2,
            String layout) {}

    /** A lease to add. */
    public record NewLease(
            int row,
            String leaseNo,
            String homeCode,
            String lesseeKind,
            String lesseeName,
            String lesseeId,
            String maritalStatus,
            String policy,
            LocalDate startDate,
            LocalDate endDate,
            long rentFen,
            String status) {}

    /** A co-resident or occupant to add. */
    public record NewResident(
            int row,
            String leaseNo,
            String role,
            String name,
            String idNumber,
            String relation,
            String mobile,
            String occupantIdNumber) {}

    /** A waiting-list rank to add. */
    public record NewRank(
            int row, String listType, String idNumber, String name, int rank, LocalDate asOf) {
        /** List, person and day: unique. */
        public String key() {
            return listType + "|" + idNumber + "|" + asOf;
        }
    }

    /** What passed the checks. */
    public record Checked(
            List<NewHome> homes,
            List<NewLease> leases,
            List<NewResident> residents,
            List<NewRank> ranks) {}

    static final List<CsvColumn> HOME_COLUMNS =
            List.of(
                    new CsvColumn("homeCode", true, "房屋编号", "房源编号", "房屋编码"),
                    new CsvColumn("project", true, "项目", "项目名称"),
                    new CsvColumn("building", true, "栋", "楼栋", "栋号"),
                    new CsvColumn("room", true, "房号", "房间号"),
                    new CsvColumn("address", true, "地址", "房屋地址"),
                    new CsvColumn("districtCode", true, "行政区划代码", "区划代码", "district"),
                    new CsvColumn("areaM2", false, "面积", "建筑面积", "area"),
                    new CsvColumn("layout", false, "户型"));

    static final List<CsvColumn> LEASE_COLUMNS =
            List.of(
                    new CsvColumn("leaseNo", true, "合同编号", "租赁合同编号"),
                    new CsvColumn("homeCode", true, "房屋编号", "房源编号", "房屋编码"),
                    new CsvColumn("lesseeKind", true, "承租人类型", "承租类型"),
                    new CsvColumn("lesseeName", true, "承租人", "承租人姓名", "承租人名称"),
                    new CsvColumn("lesseeId", true, "证件号码", "承租人证件号码", "身份证号码/统一社会信用代码"),
                    new CsvColumn("maritalStatus", false, "婚姻状况"),
                    new CsvColumn("policy", true, "政策", "适用政策"),
                    new CsvColumn("startDate", true, "起租日期", "租赁开始日期", "开始日期"),
                    new CsvColumn("endDate", true, "到期日期", "租赁结束日期", "结束日期"),
                    new CsvColumn("rentYuan", true, "月租金", "租金"),
                    new CsvColumn("status", false, "状态", "合同状态"));

    static final List<CsvColumn> RESIDENT_COLUMNS =
            List.of(
                    new CsvColumn("leaseNo", true, "合同编号", "租赁合同编号"),
                    new CsvColumn("role", false, "类型", "人员类型"),
                    new CsvColumn("name", true, "姓名"),
                    new CsvColumn("idNumber", true, "身份证号码", "身份证号"),
                    new CsvColumn("relation", false, "关系", "与承租人关系", "与入住人关系"),
                    new CsvColumn("mobile", false, "手机号码", "手机号"),
                    new CsvColumn("occupantIdNumber", false, "入住人身份证号码", "所属入住人身份证号码"));

    static final List<CsvColumn> WAITING_COLUMNS =
            List.of(
                    new CsvColumn("listType", true, "轮候类型", "轮候册"),
                    new CsvColumn("idNumber", true, "身份证号码", "身份证号"),
                    new CsvColumn("name", true, "姓名"),
                    new CsvColumn("rank", true, "排名", "轮候排名", "排位"),
                    new CsvColumn("asOf", true, "日期", "排名日期", "统计日期"));

    private static final CsvReader HOME_FILE = new CsvReader(HOME_COLUMNS);
    private static final CsvReader LEASE_FILE = new CsvReader(LEASE_COLUMNS);
    private static final CsvReader RESIDENT_FILE = new CsvReader(RESIDENT_COLUMNS);
    private static final CsvReader WAITING_FILE = new CsvReader(WAITING_COLUMNS);

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private static final Map<String, String> KINDS =
            words("CITIZEN", "个人", "自然人", "ORGANIZATION", "单位", "法人", "企业");
    private static final Map<String, String> POLICIES =
            words("OLD", "原政策", "老政策", "旧政策", "NEW", "新政策");
    private static final Map<String, String> STATUSES =
            words("ACTIVE", "有效", "在租", "履行中", "ENDED", "已终止", "终止", "已结束");
    private static final Map<String, String> MARITAL =
            words("SINGLE", "未婚", "MARRIED", "已婚", "DIVORCED", "离异", "离婚", "WIDOWED", "丧偶");
    private static final Map<String, String> ROLES = words("CO_RESIDENT", "同住人", "OCCUPANT", "入住人");
    private static final Map<String, String> LISTS =
            words("ANJU", "安居房", "安居型商品房", "GONGZU", "公租房", "公共租赁住房");

    private final List<ImportProblem> problems = new ArrayList<>();
    private final LocalDate today;

    private ImportCheck(LocalDate today) {
        this.today = today;
    }

    /**
     * Reads and checks the files (name → bytes; unknown names are problems).
     *
     * @param today the city's date (a waiting-list rank cannot be dated later)
     * @param problems receives every problem, in file, row and column order
     * @return the rows to store; meaningful only when no problem was found
     */
    public static Checked check(
            Map<String, byte[]> files,
            Stored stored,
            LocalDate today,
            List<ImportProblem> problems) {
        ImportCheck c = new ImportCheck(today);
        Checked checked = c.run(files, stored);
        problems.addAll(ordered(c.problems));
        return checked;
    }

    /** Problems by file (homes, leases, residents, waiting), row, then as found. */
    static List<ImportProblem> ordered(List<ImportProblem> found) {
        List<String> order =
                List.of(
                        RentalDataImport.HOMES,
                        RentalDataImport.LEASES,
                        RentalDataImport.RESIDENTS,
                        RentalDataImport.WAITING);
        List<ImportProblem> sorted = new ArrayList<>(found);
        sorted.sort(
                Comparator.comparingInt(
                                (ImportProblem p) ->
                                        p.file() == null ? -1 : order.indexOf(p.file()))
                        .thenComparingInt(ImportProblem::row));
        return sorted;
    }

    private Checked run(Map<String, byte[]> files, Stored stored) {
        for (String name : files.keySet()) {
            if (!List.of(
                            RentalDataImport.HOMES,
                            RentalDataImport.LEASES,
                            RentalDataImport.RESIDENTS,
                            RentalDataImport.WAITING)
                    .contains(name)) {
                problems.add(
                        new ImportProblem(
                                name,
                                0,
                                null,
                                null,
                                "无法识别的文件“"
                                        + name
                                        + "”：应为 homes.csv、leases.csv、residents.csv 或 waiting.csv",
                                "Unknown file "
                                        + name
                                        + ": homes.csv, leases.csv, residents.csv or waiting.csv"));
            }
        }
        if (files.isEmpty()) {
            problems.add(
                    new ImportProblem(
                            null,
                            0,
                            null,
                            null,
                            "请至少上传一个文件：homes.csv、leases.csv、residents.csv、waiting.csv",
                            "Upload at least one of homes.csv, leases.csv, residents.csv, waiting.csv"));
        }
        List<NewHome> homes = homes(table(files, RentalDataImport.HOMES, HOME_FILE), stored);
        List<NewLease> leases =
                leases(table(files, RentalDataImport.LEASES, LEASE_FILE), homes, stored);
        List<NewResident> residents =
                residents(table(files, RentalDataImport.RESIDENTS, RESIDENT_FILE), leases, stored);
        List<NewRank> ranks = ranks(table(files, RentalDataImport.WAITING, WAITING_FILE), stored);
        return new Checked(homes, leases, residents, ranks);
    }

    private CsvTable table(Map<String, byte[]> files, String name, CsvReader reader) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            return null;
        }
        CsvTable t = reader.read(name, bytes);
        for (CsvProblem p : t.problems()) {
            problems.add(
                    new ImportProblem(
                            p.file(), p.row(), p.column(), p.key(), p.message(), p.messageEn()));
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------------

    private List<NewHome> homes(CsvTable t, Stored stored) {
        List<NewHome> homes = new ArrayList<>();
        if (t == null) {
            return homes;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow r : t.rows()) {
            String code = code(t, r, "homeCode", 40);
            NewHome h =
                    new NewHome(
                            r.number(),
                            code,
                            text(t, r, "project", true, 100),
                            text(t, r, "building", true, 40),
                            text(t, r, "room", true, 20),
                            text(t, r, "address", true, 200),
                            district(t, r),
                            area(t, r),
                            text(t, r, "layout", false, 40));
            if (code != null) {
                Integer first = seen.putIfAbsent(code, r.number());
                if (first != null) {
                    fail(
                            t,
                            r,
                            "homeCode",
                            "房屋编号与第" + first + "行重复",
                            "The home code repeats row " + first);
                }
            }
            homes.add(h);
        }
        Set<String> existing = stored.homeCodes(seen.keySet());
        for (NewHome h : homes) {
            if (h.homeCode() != null && existing.contains(h.homeCode())) {
                fail(
                        t,
                        h.row(),
                        "homeCode",
                        "房屋编号已存在：" + h.homeCode(),
                        "A home " + h.homeCode() + " is stored already");
            }
        }
        return homes;
    }

    private List<NewLease> leases(CsvTable t, List<NewHome> homes, Stored stored) {
        List<NewLease> leases = new ArrayList<>();
        if (t == null) {
            return leases;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow r : t.rows()) {
            String no = code(t, r, "leaseNo", 40);
            String kind = word(t, r, "lesseeKind", KINDS, "个人、单位", "CITIZEN, ORGANIZATION", true);
            String lesseeId = lesseeId(t, r, kind);
            LocalDate start = date(t, r, "startDate");
            LocalDate end = date(t, r, "endDate");
            if (start != null && end != null && !end.isAfter(start)) {
                fail(t, r, "endDate", "到期日期应晚于起租日期", "The end date must be after the start date");
            }
            String marital =
                    word(
                            t,
                            r,
                            "maritalStatus",
                            MARITAL,
                            "未婚、已婚、离异、丧偶",
                            "SINGLE, MARRIED, DIVORCED, WIDOWED",
                            false);
            if (marital != null && "ORGANIZATION".equals(kind)) {
                fail(
                        t,
                        r,
                        "maritalStatus",
                        "单位承租的合同没有婚姻状况",
                        "An organization's lease has no marital status");
            }
            String status = word(t, r, "status", STATUSES, "有效、已终止", "ACTIVE, ENDED", false);
            NewLease l =
                    new NewLease(
                            r.number(),
                            no,
                            code(t, r, "homeCode", 40),
                            kind,
                            text(t, r, "lesseeName", true, 100),
                            lesseeId,
                            marital,
                            word(t, r, "policy", POLICIES, "原政策、新政策", "OLD, NEW", true),
                            start,
                            end,
                            yuan(t, r, "rentYuan"),
                            status == null ? "ACTIVE" : status);
            if (no != null) {
                Integer first = seen.putIfAbsent(no, r.number());
                if (first != null) {
                    fail(
                            t,
                            r,
                            "leaseNo",
                            "合同编号与第" + first + "行重复",
                            "The lease number repeats row " + first);
                }
            }
            leases.add(l);
        }
        Map<String, String> existing = stored.leaseKinds(seen.keySet());
        Set<String> newHomes = new HashSet<>();
        homes.forEach(h -> newHomes.add(h.homeCode()));
        Set<String> homeCodes = new HashSet<>();
        leases.stream().map(NewLease::homeCode).filter(c -> c != null).forEach(homeCodes::add);
        Set<String> storedHomes = stored.homeCodes(homeCodes);
        Set<String> occupied = stored.homesWithActiveLease(homeCodes);
        Map<String, Integer> activeIn = new HashMap<>();
        for (NewLease l : leases) {
            if (l.leaseNo() != null && existing.containsKey(l.leaseNo())) {
                fail(
                        t,
                        l.row(),
                        "leaseNo",
                        "合同编号已存在：" + l.leaseNo(),
                        "A lease " + l.leaseNo() + " is stored already");
            }
            String home = l.homeCode();
            if (home == null) {
                continue;
            }
            if (!newHomes.contains(home) && !storedHomes.contains(home)) {
                fail(
                        t,
                        l.row(),
                        "homeCode",
                        "房屋编号“" + home + "”不存在（应在 homes.csv 中或已导入）",
                        "There is no home " + home + " (in homes.csv or stored)");
                continue;
            }
            if ("ACTIVE".equals(l.status())) {
                Integer first = activeIn.putIfAbsent(home, l.row());
                if (first != null) {
                    fail(
                            t,
                            l.row(),
                            "status",
                            "同一房屋只能有一份有效合同：与第" + first + "行的房屋相同",
                            "A home has at most one active lease: row "
                                    + first
                                    + " is active on it too");
                } else if (occupied.contains(home)) {
                    fail(
                            t,
                            l.row(),
                            "status",
                            "房屋“" + home + "”已有一份有效合同",
                            "The home " + home + " has an active lease already");
                }
            }
        }
        return leases;
    }

    private List<NewResident> residents(CsvTable t, List<NewLease> leases, Stored stored) {
        List<NewResident> residents = new ArrayList<>();
        if (t == null) {
            return residents;
        }
        for (CsvRow r : t.rows()) {
            String role = word(t, r, "role", ROLES, "同住人、入住人", "CO_RESIDENT, OCCUPANT", false);
            residents.add(
                    new NewResident(
                            r.number(),
                            code(t, r, "leaseNo", 40),
                            role == null ? "CO_RESIDENT" : role,
                            text(t, r, "name", true, 50),
                            idNumber(t, r, "idNumber", true),
                            text(t, r, "relation", false, 10),
                            mobile(t, r),
                            idNumber(t, r, "occupantIdNumber", false)));
        }
        Map<String, String> kinds = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        residents.stream().map(NewResident::leaseNo).filter(n -> n != null).forEach(numbers::add);
        kinds.putAll(stored.leaseKinds(numbers));
        leases.stream()
                .filter(l -> l.leaseNo() != null && l.lesseeKind() != null)
                .forEach(l -> kinds.put(l.leaseNo(), l.lesseeKind()));
        Map<String, Set<String>> occupants = new HashMap<>(stored.occupants(numbers));
        Map<String, Set<String>> seenIds = new HashMap<>();
        for (NewResident p : residents) {
            if ("OCCUPANT".equals(p.role()) && p.leaseNo() != null && p.idNumber() != null) {
                occupants.computeIfAbsent(p.leaseNo(), k -> new HashSet<>()).add(p.idNumber());
            }
        }
        for (NewResident p : residents) {
            if (p.leaseNo() == null) {
                continue;
            }
            String kind = kinds.get(p.leaseNo());
            if (kind == null) {
                if (!leases.stream().anyMatch(l -> p.leaseNo().equals(l.leaseNo()))) {
                    fail(
                            t,
                            p.row(),
                            "leaseNo",
                            "合同编号“" + p.leaseNo() + "”不存在（应在 leases.csv 中或已导入）",
                            "There is no lease " + p.leaseNo() + " (in leases.csv or stored)");
                }
                continue;
            }
            if (p.idNumber() != null
                    && !seenIds.computeIfAbsent(p.leaseNo(), k -> new HashSet<>())
                            .add(p.idNumber())) {
                fail(
                        t,
                        p.row(),
                        "idNumber",
                        "同一合同中此人已列出",
                        "This person is listed twice on the lease");
            }
            if ("CITIZEN".equals(kind)) {
                if ("OCCUPANT".equals(p.role())) {
                    fail(
                            t,
                            p.row(),
                            "role",
                            "个人承租的合同只有同住人，没有入住人",
                            "A citizen's lease has co-residents, not occupants");
                }
                if (p.occupantIdNumber() != null) {
                    fail(
                            t,
                            p.row(),
                            "occupantIdNumber",
                            "个人承租的合同不填入住人",
                            "A citizen's lease names no occupant");
                }
            } else if ("CO_RESIDENT".equals(p.role())) {
                if (p.occupantIdNumber() == null) {
                    fail(
                            t,
                            p.row(),
                            "occupantIdNumber",
                            "单位承租合同的同住人应填写所属入住人的身份证号码",
                            "A co-resident on an organization's lease names their occupant's ID number");
                } else if (!occupants
                        .getOrDefault(p.leaseNo(), Set.of())
                        .contains(p.occupantIdNumber())) {
                    fail(
                            t,
                            p.row(),
                            "occupantIdNumber",
                            "该合同没有身份证号码为此的入住人",
                            "The lease has no occupant with this ID number");
                }
            }
        }
        return residents;
    }

    private List<NewRank> ranks(CsvTable t, Stored stored) {
        List<NewRank> ranks = new ArrayList<>();
        if (t == null) {
            return ranks;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow r : t.rows()) {
            LocalDate asOf = date(t, r, "asOf");
            if (asOf != null && asOf.isAfter(today)) {
                fail(t, r, "asOf", "排名日期不能晚于今天", "The date cannot be after today");
            }
            NewRank k =
                    new NewRank(
                            r.number(),
                            word(t, r, "listType", LISTS, "安居房、公租房", "ANJU, GONGZU", true),
                            idNumber(t, r, "idNumber", true),
                            text(t, r, "name", true, 50),
                            positive(t, r, "rank"),
                            asOf);
            if (k.listType() != null && k.idNumber() != null && asOf != null) {
                Integer first = seen.putIfAbsent(k.key(), r.number());
                if (first != null) {
                    fail(
                            t,
                            r,
                            "asOf",
                            "同一人同一轮候册同一日期与第" + first + "行重复",
                            "Same list, person and day as row " + first);
                }
            }
            ranks.add(k);
        }
        Set<String> existing =
                stored.waitingKeys(
                        ranks.stream()
                                .filter(
                                        k ->
                                                k.listType() != null
                                                        && k.idNumber() != null
                                                        && k.asOf() != null)
                                .toList());
        for (NewRank k : ranks) {
            if (existing.contains(k.key())) {
                fail(
                        t,
                        k.row(),
                        "asOf",
                        "此人在该轮候册该日期的排名已导入",
                        "This person's rank on that list and day is stored already");
            }
        }
        return ranks;
    }

    // ---------------------------------------------------------------------------------------------
    // values

    private String text(CsvTable t, CsvRow r, String key, boolean required, int max) {
        String v = r.get(key);
        if (v == null) {
            if (required) {
                fail(t, r, key, "请填写“" + zh(t, key) + "”", "The " + key + " is missing");
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            fail(
                    t,
                    r,
                    key,
                    "“" + zh(t, key) + "”最多" + max + "个字",
                    "The " + key + " has at most " + max + " characters");
            return null;
        }
        return v;
    }

    private String code(CsvTable t, CsvRow r, String key, int max) {
        String v = text(t, r, key, true, max);
        if (v != null && !CODE.matcher(v).matches()) {
            fail(
                    t,
                    r,
                    key,
                    "“" + zh(t, key) + "”只能含字母、数字和 . _ / -",
                    "The " + key + " holds letters, digits and . _ / - only");
            return null;
        }
        return v;
    }

    private String district(CsvTable t, CsvRow r) {
        String v = text(t, r, "districtCode", true, 6);
        if (v != null && !DISTRICT.matcher(v).matches()) {
            fail(
                    t,
                    r,
                    "districtCode",
                    "行政区划代码应为6位数字，如福田区 440304",
                    "The district code has 6 digits, e.g. 440304 (Futian)");
            return null;
        }
        return v;
    }

    private BigDecimal area(CsvTable t, CsvRow r) {
        String v = r.get("areaM2");
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v).stripTrailingZeros();
            if (d.scale() > 2 || d.signum() <= 0 || d.compareTo(new BigDecimal("999999.99")) > 0) {
                fail(
                        t,
                        r,
                        "areaM2",
                        "面积应为正数，最多两位小数",
                        "The area is positive with at most two decimals");
                return null;
            }
            return d.setScale(2);
        } catch (NumberFormatException e) {
            fail(t, r, "areaM2", "“" + v + "”不是数字", "\"" + v + "\" is not a number");
            return null;
        }
    }

    /** Yuan with at most two decimals, exactly in fen (1,260.00 → 126000); -1 when wrong. */
    private long yuan(CsvTable t, CsvRow r, String key) {
        String v = r.get(key);
        if (v == null) {
            fail(t, r, key, "请填写“" + zh(t, key) + "”", "The " + key + " is missing");
            return -1;
        }
        String plain = v.replace("¥", "").replace("￥", "").strip();
        plain = GROUPED.matcher(plain).matches() ? plain.replace(",", "") : plain;
        try {
            BigDecimal d = new BigDecimal(plain).stripTrailingZeros();
            if (d.scale() > 2) {
                fail(t, r, key, "月租金最多两位小数（元）", "The rent has at most two decimals (yuan)");
                return -1;
            }
            if (d.signum() < 0) {
                fail(t, r, key, "月租金不能为负数", "The rent cannot be negative");
                return -1;
            }
            return d.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            fail(t, r, key, "“" + v + "”不是金额（元）", "\"" + v + "\" is not an amount in yuan");
            return -1;
        }
    }

    private int positive(CsvTable t, CsvRow r, String key) {
        String v = r.get(key);
        if (v == null) {
            fail(t, r, key, "请填写“" + zh(t, key) + "”", "The " + key + " is missing");
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            fail(t, r, key, "“" + v + "”不是正整数", "\"" + v + "\" is not a positive whole number");
            return 0;
        }
    }

    private LocalDate date(CsvTable t, CsvRow r, String key) {
        String v = r.get(key);
        if (v == null) {
            fail(t, r, key, "请填写“" + zh(t, key) + "”", "The " + key + " is missing");
            return null;
        }
        Matcher m = DATE.matcher(v);
        try {
            if (m.matches()) {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (v.matches("\\d{8}")) {
                return LocalDate.of(
                        Integer.parseInt(v.substring(0, 4)),
                        Integer.parseInt(v.substring(4, 6)),
                        Integer.parseInt(v.substring(6)));
            }
        } catch (DateTimeException e) {
            // an impossible day such as 2026-02-30: reported below
        }
        fail(t, r, key, "日期应如“2026-11-23”", "Dates look like 2026-11-23");
        return null;
    }

    private String idNumber(CsvTable t, CsvRow r, String key, boolean required) {
        String v = r.get(key);
        if (v == null) {
            if (required) {
                fail(t, r, key, "请填写“" + zh(t, key) + "”", "The " + key + " is missing");
            }
            return null;
        }
        String n = ResidentIdNumber.normalize(v);
        if (ResidentIdNumber.defect(n, today).isPresent()) {
            fail(t, r, key, "身份证号码有误（GB 11643 校验）", "Not a valid resident ID number (GB 11643)");
            return null;
        }
        return n;
    }

    private String lesseeId(CsvTable t, CsvRow r, String kind) {
        String v = r.get("lesseeId");
        if (v == null) {
            fail(t, r, "lesseeId", "请填写“" + zh(t, "lesseeId") + "”", "The lesseeId is missing");
            return null;
        }
        if ("ORGANIZATION".equals(kind)) {
            String n = CreditCode.normalize(v);
            if (CreditCode.defect(n).isPresent()) {
                fail(
                        t,
                        r,
                        "lesseeId",
                        "统一社会信用代码有误（GB 32100 校验）",
                        "Not a valid unified social credit code (GB 32100)");
                return null;
            }
            return n;
        }
        if ("CITIZEN".equals(kind)) {
            return idNumber(t, r, "lesseeId", true);
        }
        return null;
    }

    private String mobile(CsvTable t, CsvRow r) {
        String v = r.get("mobile");
        if (v != null && !MOBILE.matcher(v).matches()) {
            fail(t, r, "mobile", "手机号码应为11位数字", "A mobile number has 11 digits");
            return null;
        }
        return v;
    }

    private String word(
            CsvTable t,
            CsvRow r,
            String key,
            Map<String, String> words,
            String zh,
            String en,
            boolean required) {
        String v = r.get(key);
        if (v == null) {
            if (required) {
                fail(
                        t,
                        r,
                        key,
                        "请填写“" + zh(t, key) + "”（" + zh + "）",
                        "The " + key + " is missing (" + en + ")");
            }
            return null;
        }
        String w = words.get(v.strip().toUpperCase(Locale.ROOT));
        if (w == null) {
            fail(t, r, key, "“" + v + "”应为 " + zh, "\"" + v + "\" is one of " + en);
        }
        return w;
    }

    /** Each English word to itself and the Chinese words after it to the last English one. */
    private static Map<String, String> words(String... list) {
        Map<String, String> m = new HashMap<>();
        String current = null;
        for (String w : list) {
            if (w.matches("[A-Z_]+")) {
                current = w;
            }
            m.put(w.toUpperCase(Locale.ROOT), current);
        }
        return m;
    }

    private static String zh(CsvTable t, String key) {
        return t.column(key);
    }

    private void fail(CsvTable t, CsvRow r, String key, String zh, String en) {
        fail(t, r.number(), key, zh, en);
    }

    private void fail(CsvTable t, int row, String key, String zh, String en) {
        problems.add(new ImportProblem(t.file(), row, t.column(key), key, zh, en));
    }
}
