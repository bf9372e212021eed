package org.guangsha.selection.internal.signing;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.FamilyEntity;
import org.guangsha.selection.internal.store.UnitEntity;

/**
 * What the line prints on the core's generic documents: the lease contract ({@code lease-contract},
 * signed in the ceremony) and the occupancy notice ({@code occupancy-notice}, issued on approval).
 * Pure functions of the family, its unit and the city's settings, so the tests can check that every
 * placeholder of the core's templates gets a value.
 */
public final class SigningDocuments {

    /** The lease's document type in the core. */
    public static final String LEASE = "lease-contract";

    /** The occupancy notice's document type in the core. */
    public static final String NOTICE = "occupancy-notice";

    /** The template's signature field the tenant signs in. */
    public static final String TENANT_FIELD = "tenant";

    /** The commitment letter (承诺书) read and typed in the ceremony. */
    public static final String COMMITMENT =
            "本人承诺：在网上选房签约中提交的家庭成员、收入、住房等信息真实、准确、完整；"
                    + "所选住房仅用于本家庭自住，签约后按时缴纳租金及相关费用，"
                    + "不转租、转借、擅自调换、闲置或者改变房屋用途；"
                    + "同意按月从本人登记的银行账户托收租金。"
                    + "如有违反，愿按合同约定及有关规定承担责任。";

    private SigningDocuments() {}

    /** The deposit: {@code months} of the unit's rent. */
    public static long depositFen(long rentFen, int months) {
        return Math.multiplyExact(rentFen, months);
    }

    /** The payment order's purpose, e.g. {@code 租赁保证金 3栋-1203}. */
    public static String depositPurpose(UnitEntity u) {
        return "租赁保证金 " + u.building() + "-" + u.roomNumber();
    }

    /** The lessor: the configured one, else the housing bureau of the batch's city. */
    public static String lessor(SigningSettings s, String cityName) {
        if (!s.lessorName().isEmpty()) {
            return s.lessorName();
        }
        return (cityName == null || cityName.isBlank() ? "" : cityName) + "住房和建设局";
    }

    /** The contract's number: the batch's code and the unit's, both unique. */
    public static String contractNumber(BatchEntity b, UnitEntity u) {
        return b.code() + "-" + u.code();
    }

    /**
     * The lease contract's values (every placeholder of the core's {@code lease-contract} but those
     * the platform fills).
     */
    public static Map<String, String> lease(
            BatchEntity b,
            UnitEntity u,
            FamilyEntity f,
            String mobile,
            SigningSettings s,
            String cityName,
            LocalDate today) {
        Map<String, String> v = new HashMap<>(home(u, f));
        v.put("contractNumber", contractNumber(b, u));
        v.put("lessorName", lessor(s, cityName));
        v.put("lessorIdNumber", s.lessorCode());
        v.put("lessorPhone", s.lessorPhone());
        v.put("tenantPhone", mobile == null ? "" : mobile);
        v.put("cityName", cityName == null || cityName.isBlank() ? "本市" : cityName);
        v.put("deposit", yuan(depositFen(u.rentFen(), s.depositMonths())));
        v.put("termFrom", date(today));
        v.put("termTo", date(today.plusYears(s.leaseYears()).minusDays(1)));
        v.put("wechatPayment", "按月扫码缴纳；承租人已办理租金银行托收");
        v.put("coResidents", "以配租档案为准（家庭共 " + f.householdSize() + " 人）");
        v.put("paymentDay", Integer.toString(s.rentPaymentDay()));
        v.put("signedAt", "网上签约（" + b.name() + "）");
        return v;
    }

    /** The occupancy notice's values, issued on the day of approval. */
    public static Map<String, String> occupancyNotice(
            UnitEntity u,
            FamilyEntity f,
            long depositFen,
            SigningSettings s,
            String cityName,
            LocalDate approvedOn) {
        Map<String, String> v = new HashMap<>(home(u, f));
        v.put("familyMembers", "以配租档案为准");
        v.put("householdSize", Integer.toString(f.householdSize()));
        v.put("deposit", yuan(depositFen));
        v.put("checkInDate", date(approvedOn.plusDays(s.checkinDays())) + "前");
        v.put("checkInPlace", s.checkinPlace());
        v.put("contactPerson", s.checkinContact());
        v.put("contactPhone", s.lessorPhone());
        v.put("authorityName", lessor(s, cityName));
        v.put("noticeDate", date(approvedOn));
        return v;
    }

    /** What both documents say about the tenant and the home. */
    private static Map<String, String> home(UnitEntity u, FamilyEntity f) {
        Map<String, String> v = new HashMap<>();
        v.put("tenantName", f.applicantName());
        v.put("tenantIdNumber", f.idNumber());
        String project = u.project() == null || u.project().isBlank() ? "—" : u.project();
        v.put("projectName", project);
        v.put(
                "dwellingAddress",
                u.address() == null || u.address().isBlank()
                        ? project + u.building() + u.roomNumber()
                        : u.address());
        // the templates print "${building} 栋 ${unit} 单元 ${room} 室"; a pool names no 单元
        v.put("building", withoutSuffix(u.building(), "栋"));
        v.put("unit", "—");
        v.put("room", withoutSuffix(withoutSuffix(u.roomNumber(), "室"), "房"));
        v.put("floorArea", area(u.areaCentiM2()));
        v.put("monthlyRent", yuan(u.rentFen()));
        return v;
    }

    /** Fen as yuan with thousands separators: {@code 120000} → {@code 1,200.00}. */
    public static String yuan(long fen) {
        DecimalFormat format =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(fen, 2));
    }

    /** Hundredths of a square metre as square metres: {@code 5230} → {@code 52.30}. */
    public static String area(int centiM2) {
        return BigDecimal.valueOf(centiM2, 2).toPlainString();
    }

    /** A date as printed on documents: {@code 2026年12月08日}. */
    public static String date(LocalDate d) {
        return String.format("%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static String withoutSuffix(String text, String suffix) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(suffix) && t.length() > suffix.length()
                ? t.substring(0, t.length() - suffix.length())
                : t;
    }
}
