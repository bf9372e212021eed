package org.guangsha.jiangxi.application.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.guangsha.jiangxi.application.internal.Views.AssetsStep;
import org.guangsha.jiangxi.application.internal.Views.Business;
import org.guangsha.jiangxi.application.internal.Views.Employment;
import org.guangsha.jiangxi.application.internal.Views.FamilyStep;
import org.guangsha.jiangxi.application.internal.Views.Member;
import org.guangsha.jiangxi.application.internal.Views.RealEstate;
import org.guangsha.jiangxi.application.internal.Views.Residence;
import org.guangsha.jiangxi.application.internal.Views.TypeStep;
import org.guangsha.jiangxi.application.internal.Views.Vehicle;
import org.guangsha.platform.identity.CreditCode;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.rest.FieldError;

/**
 * The checks of the form's steps (JX-4, JX-6, JX-7), pure so that tests call them directly. Each
 * problem names its field from the step ({@code type.categoryCode}, {@code
 * family.members[0].idNumber}, {@code assets.vehicles[1].plateNumber}). With {@code draft} (暂存,
 * JX-5) only what was filled in is checked; without it the step must be complete.
 */
public final class FormChecks {

    /** Relations of co-applicants to the applicant. */
    static final Set<String> RELATIONS = Set.of("SPOUSE", "CHILD", "PARENT", "SIBLING", "OTHER");

    static final Set<String> MARITAL = Set.of("UNMARRIED", "MARRIED", "DIVORCED", "WIDOWED");

    static final Set<String> EMPLOYMENT =
            Set.of(
                    "EMPLOYED",
                    "SELF_EMPLOYED",
                    "FLEXIBLE",
                    "UNEMPLOYED",
                    "RETIRED",
                    "STUDENT",
                    "NONE");

    /** Employment statuses with an income to declare. */
    static final Set<String> EARNING = Set.of("EMPLOYED", "SELF_EMPLOYED", "FLEXIBLE", "RETIRED");

    static final Set<String> HUKOU = Set.of("LOCAL_URBAN", "LOCAL_RURAL", "NON_LOCAL");

    static final Set<String> HOUSING =
            Set.of("NO_HOME", "RENTING", "BORROWING", "OWN_BELOW_STANDARD", "OTHER");

    /** At most this many co-applicants, vehicles, homes or businesses. */
    static final int MAX_ROWS = 20;

    /** The largest amount of money accepted: 100 billion yuan in fen. */
    static final long MAX_FEN = 10_000_000_000_000L;

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** 赣A12345, 京AD12345 (new energy), 粤B·1234学 are accepted; spaces and dots are ignored. */
    private static final Pattern PLATE =
            Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z][A-Z0-9]{4,6}[A-Z0-9挂学警港澳]?");

    private FormChecks() {}

    /** The {@code type} step (JX-4): the type, and a category that allows it. */
    public static List<FieldError> type(TypeStep t, Categories categories, boolean draft) {
        List<FieldError> e = new ArrayList<>();
        String type = t == null ? null : blankToNull(t.applicationType());
        String code = t == null ? null : blankToNull(t.categoryCode());
        if (type == null) {
            if (!draft) {
                e.add(
                        err(
                                "type.applicationType",
                                "请选择申请类别：实物配租或租赁补贴",
                                "Choose housing or subsidy"));
            }
        } else if (!Categories.IN_KIND.equals(type) && !Categories.SUBSIDY.equals(type)) {
            e.add(err("type.applicationType", "申请类别应为实物配租或租赁补贴", "Must be IN_KIND or SUBSIDY"));
        }
        if (code == null) {
            if (!draft) {
                e.add(err("type.categoryCode", "请选择申请人类别", "Choose the applicant category"));
            }
        } else {
            var category = categories.category(code);
            if (category.isEmpty()) {
                e.add(err("type.categoryCode", "未知的申请人类别", "Unknown applicant category"));
            } else if (type != null
                    && e.isEmpty()
                    && !category.get().applicationTypes().contains(type)) {
                e.add(
                        err(
                                "type.applicationType",
                                "“" + category.get().name().zh() + "”不能申请该类别",
                                "This category cannot apply for " + type));
            }
        }
        return e;
    }

    /**
     * The {@code family} step (JX-6). The applicant's name and ID number are the account's (set by
     * the service before this check); co-applicants are checked one by one, a married applicant
     * must name exactly one spouse, and nobody may appear twice.
     */
    public static List<FieldError> family(FamilyStep f, LocalDate today, boolean draft) {
        List<FieldError> e = new ArrayList<>();
        if (f == null || f.applicant() == null) {
            if (!draft) {
                e.add(err("family.applicant", "请填写申请人信息", "Fill in the applicant"));
            }
            return e;
        }
        List<Member> members = f.members() == null ? List.of() : f.members();
        if (members.size() > MAX_ROWS) {
            e.add(err("family.members", "共同申请人最多" + MAX_ROWS + "人", "At most " + MAX_ROWS));
            return e;
        }
        member(e, "family.applicant", f.applicant(), true, today, draft);
        Set<String> seen = new HashSet<>();
        String applicantId = ResidentIdNumber.normalize(f.applicant().idNumber());
        if (applicantId != null) {
            seen.add(applicantId);
        }
        int spouses = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String p = "family.members[" + i + "]";
            if (m == null) {
                e.add(err(p, "共同申请人信息为空", "Empty co-applicant"));
                continue;
            }
            member(e, p, m, false, today, draft);
            if ("SPOUSE".equals(m.relation())) {
                spouses++;
            }
            String id = ResidentIdNumber.normalize(m.idNumber());
            if (id != null && !seen.add(id)) {
                e.add(
                        err(
                                p + ".idNumber",
                                "该身份证号已在本申请中填写过",
                                "This ID number appears twice in the family"));
            }
        }
        String marital = f.applicant().maritalStatus();
        if (spouses > 1) {
            e.add(err("family.members", "配偶只能填写一人", "Only one spouse"));
        } else if ("MARRIED".equals(marital) && spouses == 0 && !draft) {
            e.add(
                    err(
                            "family.members",
                            "申请人已婚，须填写配偶作为共同申请人",
                            "A married applicant must add the spouse as a co-applicant"));
        } else if (marital != null && !"MARRIED".equals(marital) && spouses > 0) {
            e.add(
                    err(
                            "family.applicant.maritalStatus",
                            "填写了配偶，申请人婚姻状况应为已婚",
                            "With a spouse the applicant's marital status is MARRIED"));
        }
        return e;
    }

    private static void member(
            List<FieldError> e,
            String p,
            Member m,
            boolean applicant,
            LocalDate today,
            boolean draft) {
        if (!applicant) {
            if (blank(m.relation())) {
                required(e, p + ".relation", "与申请人关系", draft);
            } else if (!RELATIONS.contains(m.relation())) {
                e.add(err(p + ".relation", "与申请人关系无效", "Unknown relation"));
            }
            if (blank(m.name())) {
                required(e, p + ".name", "姓名", draft);
            } else if (m.name().strip().length() > 50) {
                e.add(err(p + ".name", "姓名最多50个字", "At most 50 characters"));
            }
            if (blank(m.idNumber())) {
                required(e, p + ".idNumber", "身份证号", draft);
            } else {
                ResidentIdNumber.defect(m.idNumber(), today)
                        .ifPresent(d -> e.add(err(p + ".idNumber", d.message(), d.messageEn())));
            }
        }
        if (blank(m.mobile())) {
            if (applicant) {
                required(e, p + ".mobile", "手机号码", draft);
            }
        } else if (!MOBILE.matcher(m.mobile().strip()).matches()) {
            e.add(err(p + ".mobile", "手机号码应为11位数字", "The mobile number has 11 digits"));
        }
        if (blank(m.maritalStatus())) {
            if (applicant) {
                required(e, p + ".maritalStatus", "婚姻状况", draft);
            }
        } else if (!MARITAL.contains(m.maritalStatus())) {
            e.add(err(p + ".maritalStatus", "婚姻状况无效", "Unknown marital status"));
        }
        employment(e, p + ".employment", m.employment(), draft);
        residence(e, p + ".residence", m.residence(), today, draft);
    }

    private static void employment(List<FieldError> e, String p, Employment j, boolean draft) {
        if (j == null || blank(j.status())) {
            required(e, p + ".status", "就业状况", draft);
            return;
        }
        if (!EMPLOYMENT.contains(j.status())) {
            e.add(err(p + ".status", "就业状况无效", "Unknown employment status"));
            return;
        }
        if (("EMPLOYED".equals(j.status()) || "SELF_EMPLOYED".equals(j.status()))
                && blank(j.employer())) {
            required(e, p + ".employer", "工作单位（经营名称）", draft);
        }
        if (!blank(j.employer()) && j.employer().strip().length() > 100) {
            e.add(err(p + ".employer", "最多100个字", "At most 100 characters"));
        }
        if (!blank(j.occupation()) && j.occupation().strip().length() > 50) {
            e.add(err(p + ".occupation", "最多50个字", "At most 50 characters"));
        }
        if (j.monthlyIncomeFen() == null) {
            if (EARNING.contains(j.status())) {
                required(e, p + ".monthlyIncomeFen", "月收入", draft);
            }
        } else if (j.monthlyIncomeFen() < 0 || j.monthlyIncomeFen() > MAX_FEN) {
            e.add(err(p + ".monthlyIncomeFen", "月收入无效", "Invalid income"));
        }
    }

    private static void residence(
            List<FieldError> e, String p, Residence r, LocalDate today, boolean draft) {
        if (r == null) {
            required(e, p + ".hukouType", "户籍类型", draft);
            required(e, p + ".hukouAddress", "户籍地址", draft);
            required(e, p + ".currentAddress", "现居住地址", draft);
            required(e, p + ".housingSituation", "现住房情况", draft);
            return;
        }
        oneOf(e, p + ".hukouType", r.hukouType(), HUKOU, "户籍类型", draft);
        text(e, p + ".hukouAddress", r.hukouAddress(), 200, "户籍地址", draft);
        text(e, p + ".currentAddress", r.currentAddress(), 200, "现居住地址", draft);
        oneOf(e, p + ".housingSituation", r.housingSituation(), HOUSING, "现住房情况", draft);
        if (r.livingAreaM2() != null
                && (r.livingAreaM2().signum() < 0
                        || r.livingAreaM2().compareTo(new BigDecimal("100000")) > 0
                        || r.livingAreaM2().scale() > 2)) {
            e.add(err(p + ".livingAreaM2", "居住面积无效（最多两位小数）", "Invalid area"));
        }
        if (!blank(r.residentSince())) {
            try {
                YearMonth since = YearMonth.parse(r.residentSince().strip());
                if (since.isAfter(YearMonth.from(today))) {
                    e.add(err(p + ".residentSince", "居住起始年月不能晚于本月", "Not in the future"));
                }
            } catch (DateTimeParseException ex) {
                e.add(err(p + ".residentSince", "居住起始年月格式应为 yyyy-MM", "Format yyyy-MM"));
            }
        }
    }

    /**
     * The {@code assets} step (JX-7): each question answered, details when yes and none when no,
     * owners from the family, amounts in fen; without {@code draft} the commitment letter must be
     * signed or uploaded.
     */
    public static List<FieldError> assets(
            AssetsStep a, Set<String> familyNames, boolean committed, boolean draft) {
        List<FieldError> e = new ArrayList<>();
        if (a == null) {
            if (!draft) {
                e.add(err("assets", "请填写家庭资产信息", "Fill in the family's assets"));
            }
            return e;
        }
        List<Vehicle> vehicles = a.vehicles() == null ? List.of() : a.vehicles();
        List<RealEstate> homes = a.realEstates() == null ? List.of() : a.realEstates();
        List<Business> businesses = a.businesses() == null ? List.of() : a.businesses();
        yesNo(
                e,
                "assets.hasVehicle",
                "assets.vehicles",
                a.hasVehicle(),
                vehicles.size(),
                "车辆",
                draft);
        yesNo(
                e,
                "assets.hasRealEstate",
                "assets.realEstates",
                a.hasRealEstate(),
                homes.size(),
                "不动产",
                draft);
        yesNo(
                e,
                "assets.hasBusiness",
                "assets.businesses",
                a.hasBusiness(),
                businesses.size(),
                "工商登记",
                draft);
        for (int i = 0; i < vehicles.size(); i++) {
            String p = "assets.vehicles[" + i + "]";
            Vehicle v = vehicles.get(i);
            if (v == null) {
                e.add(err(p, "车辆信息为空", "Empty row"));
                continue;
            }
            owner(e, p, v.ownerName(), familyNames, draft);
            if (blank(v.plateNumber())) {
                required(e, p + ".plateNumber", "车牌号", draft);
            } else if (!PLATE.matcher(plate(v.plateNumber())).matches()) {
                e.add(err(p + ".plateNumber", "车牌号格式不正确，如 赣A12345", "Invalid plate, e.g. 赣A12345"));
            }
            text(e, p + ".model", v.model(), 60, "品牌型号", true);
            money(e, p + ".valueFen", v.valueFen(), "车辆价值", true);
        }
        for (int i = 0; i < homes.size(); i++) {
            String p = "assets.realEstates[" + i + "]";
            RealEstate h = homes.get(i);
            if (h == null) {
                e.add(err(p, "不动产信息为空", "Empty row"));
                continue;
            }
            owner(e, p, h.ownerName(), familyNames, draft);
            text(e, p + ".address", h.address(), 200, "房屋坐落", draft);
            if (h.areaM2() == null) {
                required(e, p + ".areaM2", "建筑面积", draft);
            } else if (h.areaM2().signum() <= 0
                    || h.areaM2().compareTo(new BigDecimal("100000")) > 0
                    || h.areaM2().scale() > 2) {
                e.add(err(p + ".areaM2", "建筑面积无效（最多两位小数）", "Invalid area"));
            }
            text(e, p + ".certificateNumber", h.certificateNumber(), 60, "不动产权证号", true);
        }
        for (int i = 0; i < businesses.size(); i++) {
            String p = "assets.businesses[" + i + "]";
            Business b = businesses.get(i);
            if (b == null) {
                e.add(err(p, "工商登记信息为空", "Empty row"));
                continue;
            }
            owner(e, p, b.ownerName(), familyNames, draft);
            text(e, p + ".name", b.name(), 100, "企业（个体户）名称", draft);
            if (!blank(b.creditCode())) {
                CreditCode.defect(b.creditCode())
                        .ifPresent(
                                d ->
                                        e.add(
                                                err(
                                                        p + ".creditCode",
                                                        "统一社会信用代码无效",
                                                        "Invalid credit code")));
            }
        }
        money(e, "assets.depositsFen", a.depositsFen(), "银行存款", draft);
        money(e, "assets.securitiesFen", a.securitiesFen(), "有价证券", draft);
        if (!draft && !committed) {
            e.add(
                    err(
                            "assets.commitment",
                            "请签署授权承诺书（手写签名或上传签字照片）",
                            "Sign the authorization commitment letter, or upload a signed copy"));
        }
        return e;
    }

    /** A plate as typed, without spaces, dots and dashes, in capitals. */
    static String plate(String text) {
        return text.strip().replaceAll("[\\s·.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static void yesNo(
            List<FieldError> e,
            String flag,
            String list,
            Boolean answer,
            int rows,
            String what,
            boolean draft) {
        if (rows > MAX_ROWS) {
            e.add(err(list, "最多" + MAX_ROWS + "条", "At most " + MAX_ROWS + " rows"));
        }
        if (answer == null) {
            if (!draft) {
                e.add(err(flag, "请选择是否有" + what, "Answer yes or no"));
            }
            if (rows > 0) {
                e.add(err(flag, "填写了" + what + "明细，请选择“是”", "Rows given: answer yes"));
            }
        } else if (answer && rows == 0 && !draft) {
            e.add(err(list, "请填写" + what + "情况", "Give the details"));
        } else if (!answer && rows > 0) {
            e.add(err(list, "选择了“否”，不应填写" + what + "明细", "Answered no: remove the rows"));
        }
    }

    private static void owner(
            List<FieldError> e, String p, String name, Set<String> familyNames, boolean draft) {
        if (blank(name)) {
            required(e, p + ".ownerName", "所有人", draft);
        } else if (!familyNames.isEmpty() && !familyNames.contains(name.strip())) {
            e.add(
                    err(
                            p + ".ownerName",
                            "所有人应为申请人或共同申请人",
                            "The owner must be the applicant or a co-applicant"));
        }
    }

    private static void money(
            List<FieldError> e, String field, Long fen, String what, boolean draft) {
        if (fen == null) {
            required(e, field, what, draft);
        } else if (fen < 0 || fen > MAX_FEN) {
            e.add(err(field, what + "金额无效", "Invalid amount"));
        }
    }

    private static void oneOf(
            List<FieldError> e,
            String field,
            String value,
            Set<String> allowed,
            String what,
            boolean draft) {
        if (blank(value)) {
            required(e, field, what, draft);
        } else if (!allowed.contains(value)) {
            e.add(err(field, what + "无效", "Unknown value"));
        }
    }

    private static void text(
            List<FieldError> e, String field, String value, int max, String what, boolean draft) {
        if (blank(value)) {
            required(e, field, what, draft);
        } else if (value.strip().length() > max) {
            e.add(err(field, what + "最多" + max + "个字", "At most " + max + " characters"));
        }
    }

    private static void required(List<FieldError> e, String field, String what, boolean draft) {
        if (!draft) {
            e.add(err(field, "请填写" + what, "Required"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    static FieldError err(String field, String zh, String en) {
        return new FieldError(field, zh, en);
    }
}
