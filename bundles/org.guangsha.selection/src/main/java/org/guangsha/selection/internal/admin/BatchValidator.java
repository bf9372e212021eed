package org.guangsha.selection.internal.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewSession;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.guangsha.selection.batch.NewBatch.RankedFamily;

/**
 * Checks a whole batch (S-1) before anything is stored: every row of every section, every field,
 * and what rows say about each other (unique codes, ranks, ID numbers and rooms; sessions after the
 * pre-selection start; enough session places for the families). Every problem is collected, so that
 * whoever prepared the lists corrects all of them at once.
 *
 * <p>Field names are those of {@link NewBatch}; the CSV reader renames them to its columns.
 */
final class BatchValidator {

    static final String BATCH = "batch";
    static final String UNITS = "units";
    static final String SESSIONS = "sessions";
    static final String FAMILIES = "families";

    /** Sections in the order their problems are listed. */
    static final List<String> SECTION_ORDER = List.of(BATCH, UNITS, SESSIONS, FAMILIES);

    static final Pattern BATCH_CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
    static final int MAX_CART = 20;
    static final int MIN_WINDOW = 30;
    static final int MAX_WINDOW = 3600;
    static final int MAX_HOUSEHOLD = 20;
    static final int MIN_FLOOR = 1;
    static final int MAX_FLOOR = 200;
    static final int MAX_CAPACITY = 100_000;

    /** At most this many rows per section: a mistake (the wrong file), not a batch. */
    static final int MAX_ROWS = 100_000;

    /**
     * A row of a section with the number its author knows it by: the position in the JSON list
     * (from 1), or the CSV record after the header.
     */
    record Row<T>(int number, T value) {}

    /** What the checks need from the installation. */
    interface Facts {

        /** Whether the installation's region tree has this code. */
        boolean regionKnown(String code);

        /** Whether a batch with this code (whatever its case) exists already. */
        boolean codeTaken(String code);

        /** The configured cart size of new batches. */
        int defaultCartSize();

        /** The configured formal-selection window of new batches, in seconds. */
        int defaultWindowSeconds();
    }

    /**
     * A batch to check.
     *
     * @param header the batch's own members (its lists are ignored: the rows are below)
     * @param units the unit rows
     * @param sessions the session rows
     * @param families the family rows
     * @param unreadable sections some of whose rows could not be read at all (a CSV with a number
     *     that is no number): checks that need the whole section are skipped for them, since they
     *     would only report consequences of a problem already reported
     */
    record Input(
            NewBatch header,
            List<Row<NewUnit>> units,
            List<Row<NewSession>> sessions,
            List<Row<RankedFamily>> families,
            Set<String> unreadable) {

        /** A batch given as one {@link NewBatch}: rows numbered from 1 in list order. */
        static Input of(NewBatch batch) {
            return new Input(
                    batch,
                    numbered(batch.units()),
                    numbered(batch.sessions()),
                    numbered(batch.families()),
                    Set.of());
        }

        private static <T> List<Row<T>> numbered(List<T> list) {
            List<Row<T>> rows = new ArrayList<>();
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    rows.add(new Row<>(i + 1, list.get(i)));
                }
            }
            return rows;
        }
    }

    private final Facts facts;
    private final List<RowError> errors = new ArrayList<>();

    private BatchValidator(Facts facts) {
        this.facts = facts;
    }

    /**
     * Checks {@code input}; adds every problem found to {@code found}.
     *
     * @return the batch completed as far as it could be; store it only when no problem was found
     */
    static NewBatch check(Input input, Facts facts, List<RowError> found) {
        BatchValidator v = new BatchValidator(facts);
        NewBatch checked = v.run(input);
        found.addAll(v.errors);
        return checked;
    }

    /** Orders problems by section (batch, units, sessions, families), then row, keeping ties. */
    static List<RowError> ordered(List<RowError> errors) {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(
                Comparator.comparingInt((RowError e) -> sectionIndex(e.section()))
                        .thenComparingInt(RowError::row));
        return sorted;
    }

    private static int sectionIndex(String section) {
        int i = SECTION_ORDER.indexOf(section);
        return i < 0 ? SECTION_ORDER.size() : i;
    }

    private NewBatch run(Input in) {
        NewBatch h = in.header();
        String code = text(BATCH, 0, "code", h.code(), 40, true, "批次编号", "The batch code");
        if (code != null) {
            if (!BATCH_CODE.matcher(code).matches()) {
                add(
                        BATCH,
                        0,
                        "code",
                        "批次编号只能由字母、数字和“-”组成，最多40个字符",
                        "The batch code has letters, digits and '-' only, at most 40");
            } else if (facts.codeTaken(code)) {
                add(
                        BATCH,
                        0,
                        "code",
                        "批次编号“" + code + "”已被使用",
                        "The batch code " + code + " is taken");
            }
        }
        String name = text(BATCH, 0, "name", h.name(), 100, true, "批次名称", "The batch name");
        String region =
                text(BATCH, 0, "regionCode", h.regionCode(), 12, true, "所属区域", "The region");
        if (region != null && !facts.regionKnown(region)) {
            add(
                    BATCH,
                    0,
                    "regionCode",
                    "区域代码“" + region + "”不在本系统的区域中",
                    "The region " + region + " is not one of this installation's");
        }
        if (h.preselectStartsAt() == null) {
            add(BATCH, 0, "preselectStartsAt", "请填写预选开始时间", "The pre-selection start is missing");
        }
        int cartSize = h.cartSize() == null ? facts.defaultCartSize() : h.cartSize();
        if (cartSize < 1 || cartSize > MAX_CART) {
            add(
                    BATCH,
                    0,
                    "cartSize",
                    "预选购物车容量应为1至20套",
                    "The cart size is 1 to 20",
                    h.cartSize() == null ? " (configuration cart.size)" : "");
        }
        int window = h.windowSeconds() == null ? facts.defaultWindowSeconds() : h.windowSeconds();
        if (window < MIN_WINDOW || window > MAX_WINDOW) {
            add(
                    BATCH,
                    0,
                    "windowSeconds",
                    "正选确认时长应为30至3600秒",
                    "The formal-selection window is 30 to 3600 seconds",
                    h.windowSeconds() == null ? " (configuration window.seconds)" : "");
        }
        String source = h.source() == null || h.source().isBlank() ? "api" : h.source().strip();
        if (source.length() > 40) {
            add(BATCH, 0, "source", "来源最多40个字符", "The source has at most 40 characters");
        }
        if (h.createdBy() != null && h.createdBy().length() > 36) {
            add(BATCH, 0, "createdBy", "创建人标识过长", "The creator's id is too long");
        }
        sizeOf(in.units(), UNITS, "房源", "units");
        sizeOf(in.sessions(), SESSIONS, "场次", "sessions");
        sizeOf(in.families(), FAMILIES, "选房家庭", "families");

        List<NewUnit> units = units(in.units());
        List<NewSession> sessions = sessions(in.sessions(), h);
        List<RankedFamily> families = families(in, sessions);
        return new NewBatch(
                code,
                name,
                region,
                h.preselectStartsAt(),
                cartSize,
                window,
                source,
                h.createdBy(),
                units,
                sessions,
                families);
    }

    private void sizeOf(List<?> rows, String section, String zh, String en) {
        if (rows.isEmpty()) {
            add(section, 0, null, "至少需要一条" + zh, "At least one row of " + en + " is needed");
        } else if (rows.size() > MAX_ROWS) {
            add(
                    section,
                    0,
                    null,
                    zh + "最多" + MAX_ROWS + "条",
                    "At most " + MAX_ROWS + " rows of " + en);
        }
    }

    private List<NewUnit> units(List<Row<NewUnit>> rows) {
        List<NewUnit> units = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Integer> rooms = new HashMap<>();
        for (Row<NewUnit> row : rows) {
            int n = row.number();
            NewUnit u = row.value();
            if (u == null) {
                add(UNITS, n, null, "空行", "Empty row");
                continue;
            }
            String code = text(UNITS, n, "code", u.code(), 40, true, "房源编号", "The unit code");
            if (code != null && (code.contains(",") || code.contains("，"))) {
                add(UNITS, n, "code", "房源编号不能含逗号", "A unit code has no commas");
            } else if (code != null) {
                Integer first = codes.putIfAbsent(code, n);
                if (first != null) {
                    add(
                            UNITS,
                            n,
                            "code",
                            "房源编号“" + code + "”重复（与第" + first + "行相同）",
                            "The unit code " + code + " repeats row " + first);
                }
            }
            String project = text(UNITS, n, "project", u.project(), 100, false, "项目", "Project");
            String building =
                    text(UNITS, n, "building", u.building(), 40, true, "楼栋", "The building");
            String type = text(UNITS, n, "unitType", u.unitType(), 40, true, "户型", "The unit type");
            String orientation =
                    text(
                            UNITS,
                            n,
                            "orientation",
                            u.orientation(),
                            20,
                            true,
                            "朝向",
                            "The orientation");
            String room =
                    text(UNITS, n, "roomNumber", u.roomNumber(), 20, true, "房号", "The room number");
            if (building != null && room != null) {
                Integer first = rooms.putIfAbsent(building + "\u0000" + room, n);
                if (first != null) {
                    add(
                            UNITS,
                            n,
                            "roomNumber",
                            building + " " + room + " 重复（与第" + first + "行相同）",
                            "Building " + building + " room " + room + " repeats row " + first);
                }
            }
            if (u.floor() < MIN_FLOOR || u.floor() > MAX_FLOOR) {
                add(UNITS, n, "floor", "楼层应为1至200", "The floor is 1 to 200");
            }
            if (u.areaCentiM2() <= 0) {
                add(UNITS, n, "areaCentiM2", "面积应大于0", "The area must be more than 0");
            }
            if (u.rentFen() < 0) {
                add(UNITS, n, "rentFen", "月租金不能为负数", "The rent cannot be negative");
            }
            String address = text(UNITS, n, "address", u.address(), 200, false, "地址", "Address");
            units.add(
                    new NewUnit(
                            code,
                            project,
                            building,
                            type,
                            orientation,
                            room,
                            u.floor(),
                            u.areaCentiM2(),
                            u.rentFen(),
                            address));
        }
        return units;
    }

    private List<NewSession> sessions(List<Row<NewSession>> rows, NewBatch h) {
        List<NewSession> sessions = new ArrayList<>();
        Map<Integer, Integer> seqs = new HashMap<>();
        for (Row<NewSession> row : rows) {
            int n = row.number();
            NewSession s = row.value();
            if (s == null) {
                add(SESSIONS, n, null, "空行", "Empty row");
                continue;
            }
            if (s.seq() < 1) {
                add(SESSIONS, n, "seq", "场次号应为1、2、3……", "The session number is 1, 2, 3 …");
            } else {
                Integer first = seqs.putIfAbsent(s.seq(), n);
                if (first != null) {
                    add(
                            SESSIONS,
                            n,
                            "seq",
                            "场次号" + s.seq() + "重复（与第" + first + "行相同）",
                            "Session " + s.seq() + " repeats row " + first);
                }
            }
            String name =
                    s.name() == null || s.name().isBlank()
                            ? "第" + s.seq() + "场"
                            : text(SESSIONS, n, "name", s.name(), 100, true, "场次名称", "Name");
            if (s.startsAt() == null) {
                add(SESSIONS, n, "startsAt", "请填写开始时间", "The start is missing");
            }
            if (s.endsAt() == null) {
                add(SESSIONS, n, "endsAt", "请填写结束时间", "The end is missing");
            }
            if (s.startsAt() != null && s.endsAt() != null && !s.endsAt().isAfter(s.startsAt())) {
                add(SESSIONS, n, "endsAt", "结束时间应晚于开始时间", "The end must be after the start");
            }
            if (s.startsAt() != null
                    && h.preselectStartsAt() != null
                    && s.startsAt().isBefore(h.preselectStartsAt())) {
                add(
                        SESSIONS,
                        n,
                        "startsAt",
                        "正选开始时间不能早于预选开始时间（" + CityTimes.format(h.preselectStartsAt()) + "）",
                        "The session cannot start before pre-selection opens ("
                                + CityTimes.format(h.preselectStartsAt())
                                + ")");
            }
            if (s.capacity() < 0 || s.capacity() > MAX_CAPACITY) {
                add(
                        SESSIONS,
                        n,
                        "capacity",
                        "家庭数应为0至" + MAX_CAPACITY,
                        "The capacity is 0 to " + MAX_CAPACITY);
            }
            sessions.add(new NewSession(s.seq(), name, s.startsAt(), s.endsAt(), s.capacity()));
        }
        return sessions;
    }

    private List<RankedFamily> families(Input in, List<NewSession> sessions) {
        Map<Integer, NewSession> bySeq = new TreeMap<>();
        sessions.forEach(s -> bySeq.putIfAbsent(s.seq(), s));
        boolean sessionsWhole = !in.unreadable().contains(SESSIONS);
        Map<Integer, Integer> ranks = new HashMap<>();
        Map<String, Integer> people = new HashMap<>();
        // row number → family, kept in the given order
        Map<Integer, RankedFamily> checked = new LinkedHashMap<>();
        for (Row<RankedFamily> row : in.families()) {
            int n = row.number();
            RankedFamily f = row.value();
            if (f == null) {
                add(FAMILIES, n, null, "空行", "Empty row");
                continue;
            }
            if (f.rank() < 1) {
                add(FAMILIES, n, "rank", "排位应为1、2、3……", "The rank is 1, 2, 3 …");
            } else {
                Integer first = ranks.putIfAbsent(f.rank(), n);
                if (first != null) {
                    add(
                            FAMILIES,
                            n,
                            "rank",
                            "排位" + f.rank() + "重复（与第" + first + "行相同）",
                            "Rank " + f.rank() + " repeats row " + first);
                }
            }
            String name =
                    text(
                            FAMILIES,
                            n,
                            "applicantName",
                            f.applicantName(),
                            100,
                            true,
                            "主申请人姓名",
                            "The main applicant's name");
            String id = ResidentIdNumber.normalize(f.idNumber());
            if (id == null || id.isEmpty()) {
                add(FAMILIES, n, "idNumber", "请填写身份证号码", "The ID number is missing");
            } else {
                Optional<ResidentIdNumber.Defect> defect = ResidentIdNumber.defect(id);
                if (defect.isPresent()) {
                    add(FAMILIES, n, "idNumber", defect.get().message(), defect.get().messageEn());
                } else {
                    Integer first = people.putIfAbsent(id, n);
                    if (first != null) {
                        add(
                                FAMILIES,
                                n,
                                "idNumber",
                                "身份证号码" + ResidentIdNumber.mask(id) + "重复（与第" + first + "行相同）",
                                "The ID number "
                                        + ResidentIdNumber.mask(id)
                                        + " repeats row "
                                        + first);
                    }
                }
            }
            if (f.householdSize() < 1 || f.householdSize() > MAX_HOUSEHOLD) {
                add(FAMILIES, n, "householdSize", "家庭人数应为1至20人", "The household size is 1 to 20");
            }
            if (f.sessionSeq() != null && sessionsWhole && !bySeq.containsKey(f.sessionSeq())) {
                add(
                        FAMILIES,
                        n,
                        "sessionSeq",
                        "场次" + f.sessionSeq() + "不存在",
                        "There is no session " + f.sessionSeq());
            }
            checked.put(n, new RankedFamily(f.rank(), name, id, f.householdSize(), f.sessionSeq()));
        }
        if (sessionsWhole && !bySeq.isEmpty()) {
            assignByRank(checked, bySeq);
        }
        return new ArrayList<>(checked.values());
    }

    /**
     * Families that name no session fill the sessions by rank, in {@code seq} order, each up to its
     * capacity less the families that named it.
     */
    private void assignByRank(Map<Integer, RankedFamily> families, Map<Integer, NewSession> bySeq) {
        Map<Integer, Integer> seats = new TreeMap<>();
        bySeq.forEach((seq, s) -> seats.put(seq, Math.max(0, s.capacity())));
        List<Map.Entry<Integer, RankedFamily>> open = new ArrayList<>();
        for (Map.Entry<Integer, RankedFamily> e : families.entrySet()) {
            Integer seq = e.getValue().sessionSeq();
            if (seq == null) {
                open.add(e);
            } else {
                seats.computeIfPresent(seq, (k, left) -> left - 1);
            }
        }
        open.sort(Comparator.comparingInt(e -> e.getValue().rank()));
        List<Integer> order = new ArrayList<>(seats.keySet());
        int at = 0;
        int left = 0;
        Integer firstRow = null;
        for (Map.Entry<Integer, RankedFamily> e : open) {
            while (at < order.size() && seats.get(order.get(at)) <= 0) {
                at++;
            }
            RankedFamily f = e.getValue();
            if (at == order.size()) {
                left++;
                if (firstRow == null) {
                    firstRow = e.getKey();
                }
                continue;
            }
            int seq = order.get(at);
            seats.put(seq, seats.get(seq) - 1);
            e.setValue(
                    new RankedFamily(
                            f.rank(), f.applicantName(), f.idNumber(), f.householdSize(), seq));
        }
        if (left > 0) {
            add(
                    FAMILIES,
                    firstRow,
                    "sessionSeq",
                    "场次的家庭数不足：从排位"
                            + families.get(firstRow).rank()
                            + "起还有"
                            + left
                            + "户未能分配场次，请增加场次或家庭数",
                    "The sessions' capacities are too small: from rank "
                            + families.get(firstRow).rank()
                            + " on, "
                            + left
                            + " families get no session");
        }
    }

    /** A text member: stripped, null when blank; a problem when required and blank or too long. */
    private String text(
            String section,
            int row,
            String field,
            String value,
            int max,
            boolean required,
            String zh,
            String en) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(section, row, field, "请填写" + zh, en + " is missing");
            }
            return null;
        }
        if (v.length() > max) {
            add(
                    section,
                    row,
                    field,
                    zh + "最多" + max + "个字符",
                    en + " has at most " + max + " characters");
        }
        return v;
    }

    private void add(String section, int row, String field, String zh, String en) {
        errors.add(new RowError(section, row, field, zh, en));
    }

    private void add(String section, int row, String field, String zh, String en, String enNote) {
        errors.add(new RowError(section, row, field, zh, en + enNote));
    }
}
