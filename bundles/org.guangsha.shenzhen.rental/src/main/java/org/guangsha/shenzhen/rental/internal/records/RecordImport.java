package org.guangsha.shenzhen.rental.internal.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.guangsha.platform.csv.CsvColumn;
import org.guangsha.platform.csv.CsvProblem;
import org.guangsha.platform.csv.CsvReader;
import org.guangsha.platform.csv.CsvRow;
import org.guangsha.platform.csv.CsvTable;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.persistence.JpaTransactions;

/**
 * The operators' import of what the city holds for SZ-6 and SZ-7: {@code purchases.csv}
 * (policy-housing purchases) and {@code shares.csv} (property shares). All or nothing: every
 * problem of every row is reported and nothing is stored unless there is none. A row with the same
 * ID number and address as a stored one replaces it, so a file can be imported again.
 */
public final class RecordImport {

    /** Columns of purchases.csv. */
    static final List<String> PURCHASE_COLUMNS =
            List.of(
                    "idNumber",
                    "name",
                    "housingType",
                    "project",
                    "address",
                    "districtCode",
                    "purchasedOn",
                    "contractNo");

    /** Columns of shares.csv. */
    static final List<String> SHARE_COLUMNS =
            List.of(
                    "idNumber",
                    "name",
                    "project",
                    "address",
                    "districtCode",
                    "certificateNo",
                    "areaM2",
                    "ownerSharePercent");

    // Every column must be in the header (a value may still be empty); the files have English
    // headers only, so a column's name in messages is its key.
    private static final CsvReader PURCHASES = reader(PURCHASE_COLUMNS);
    private static final CsvReader SHARES = reader(SHARE_COLUMNS);

    static final Set<String> HOUSING_TYPES = Set.of("ANJU", "JINGJI", "RENCAI", "OTHER");

    /**
     * One problem of one cell.
     *
     * @param file the file's part name
     * @param row the row (1 = the header)
     * @param column the column's name
     * @param field {@code file.column}
     * @param message in Chinese
     * @param messageEn in English
     */
    public record ImportError(
            String file, int row, String column, String field, String message, String messageEn) {}

    /**
     * What was read.
     *
     * @param purchases the purchase rows
     * @param shares the share rows
     * @param errors every problem; nothing is stored unless empty
     */
    public record Parsed(
            List<PolicyPurchaseEntity> purchases,
            List<PropertyShareEntity> shares,
            List<ImportError> errors) {}

    private RecordImport() {}

    /**
     * Reads the files ({@code purchases.csv}, {@code shares.csv}; either may be missing). {@code
     * isDistrict} says whether a code is a Shenzhen district.
     */
    public static Parsed parse(
            Map<String, byte[]> files, Predicate<String> isDistrict, Instant now) {
        List<ImportError> errors = new ArrayList<>();
        List<PolicyPurchaseEntity> purchases = new ArrayList<>();
        List<PropertyShareEntity> shares = new ArrayList<>();
        byte[] p = files.get("purchases.csv");
        if (p != null) {
            Set<String> keys = new HashSet<>();
            for (CsvRow r : records("purchases.csv", p, PURCHASES, errors)) {
                Cells c = new Cells("purchases.csv", r, errors);
                String id = c.idNumber();
                String name = c.text("name", 50, true);
                String type = c.text("housingType", 10, true);
                if (type != null && !HOUSING_TYPES.contains(type)) {
                    c.error(
                            "housingType",
                            "住房类型须为 ANJU、JINGJI、RENCAI 或 OTHER",
                            "ANJU, JINGJI, RENCAI or OTHER");
                }
                String project = c.text("project", 100, true);
                String address = c.text("address", 200, true);
                String district = c.district(isDistrict);
                LocalDate on = c.date("purchasedOn");
                String contract = c.text("contractNo", 40, false);
                if (id != null && address != null && !keys.add(id + "\u0000" + address)) {
                    c.error("address", "同一人同一房屋重复出现", "The same person and home twice");
                }
                PolicyPurchaseEntity e = new PolicyPurchaseEntity(UUID.randomUUID().toString());
                e.idNumber(id);
                e.name(name);
                e.housingType(type);
                e.project(project);
                e.address(address);
                e.districtCode(district);
                e.purchasedOn(on);
                e.contractNo(contract);
                e.createdAt(now);
                purchases.add(e);
            }
        }
        byte[] s = files.get("shares.csv");
        if (s != null) {
            Set<String> keys = new HashSet<>();
            for (CsvRow r : records("shares.csv", s, SHARES, errors)) {
                Cells c = new Cells("shares.csv", r, errors);
                String id = c.idNumber();
                PropertyShareEntity e = new PropertyShareEntity(UUID.randomUUID().toString());
                e.idNumber(id);
                e.name(c.text("name", 50, true));
                e.project(c.text("project", 100, true));
                e.address(c.text("address", 200, true));
                e.districtCode(c.district(isDistrict));
                e.certificateNo(c.text("certificateNo", 40, false));
                e.areaM2(c.decimal("areaM2", false, BigDecimal.valueOf(10000), 2));
                BigDecimal share = c.decimal("ownerSharePercent", true, BigDecimal.valueOf(100), 2);
                if (share != null && share.compareTo(BigDecimal.valueOf(100)) >= 0) {
                    c.error("ownerSharePercent", "购房人份额须小于 100", "Below 100");
                    share = null;
                }
                e.ownerShareBp(share == null ? 0 : share.movePointRight(2).intValueExact());
                e.source("IMPORT");
                e.recordedAt(now);
                if (id != null && e.address() != null && !keys.add(id + "\u0000" + e.address())) {
                    c.error("address", "同一人同一房屋重复出现", "The same person and home twice");
                }
                shares.add(e);
            }
        }
        if (p == null && s == null) {
            errors.add(
                    new ImportError(
                            null,
                            0,
                            null,
                            "file",
                            "请上传 purchases.csv 或 shares.csv",
                            "Upload purchases.csv or shares.csv"));
        }
        return new Parsed(purchases, shares, errors);
    }

    /**
     * Stores what {@link #parse} read without errors, replacing rows of the same person and home.
     */
    public static void store(JpaTransactions tx, Parsed parsed) {
        tx.run(
                em -> {
                    for (PolicyPurchaseEntity p : parsed.purchases()) {
                        em.createQuery(
                                        "DELETE FROM PolicyPurchaseEntity p WHERE p.idNumber = :i"
                                                + " AND p.address = :a")
                                .setParameter("i", p.idNumber())
                                .setParameter("a", p.address())
                                .executeUpdate();
                        em.persist(p);
                    }
                    for (PropertyShareEntity s : parsed.shares()) {
                        List<PropertyShareEntity> old =
                                em.createQuery(
                                                "SELECT s FROM PropertyShareEntity s WHERE"
                                                        + " s.idNumber = :i AND s.address = :a",
                                                PropertyShareEntity.class)
                                        .setParameter("i", s.idNumber())
                                        .setParameter("a", s.address())
                                        .getResultList();
                        if (old.isEmpty()) {
                            em.persist(s);
                        } else {
                            // keep the row (and its printed certificate's link); new figures
                            PropertyShareEntity o = old.get(0);
                            o.name(s.name());
                            o.project(s.project());
                            o.districtCode(s.districtCode());
                            o.certificateNo(s.certificateNo());
                            o.areaM2(s.areaM2());
                            o.ownerShareBp(s.ownerShareBp());
                            o.source("IMPORT");
                            o.recordedAt(s.recordedAt());
                        }
                    }
                });
    }

    private static CsvReader reader(List<String> columns) {
        return new CsvReader(columns.stream().map(c -> new CsvColumn(c, true, c)).toList());
    }

    private static List<CsvRow> records(
            String file, byte[] bytes, CsvReader reader, List<ImportError> errors) {
        CsvTable t = reader.read(file, bytes);
        for (CsvProblem p : t.problems()) {
            String key = p.key();
            errors.add(
                    switch (p.kind()) {
                        case MISSING_COLUMN -> new ImportError(
                                file,
                                p.row(),
                                key,
                                file + "." + key,
                                "缺少列 " + key,
                                "Column " + key + " is missing");
                        case MALFORMED -> new ImportError(
                                file, 0, null, file, "无法读取 CSV 文件", "Not a readable CSV file");
                        default -> new ImportError(
                                file,
                                p.row(),
                                key,
                                key == null ? file : file + "." + key,
                                p.message(),
                                p.messageEn());
                    });
        }
        return t.problems().isEmpty() ? t.rows() : List.of();
    }

    /** The cells of one row, each checked, problems collected. */
    private static final class Cells {
        private final String file;
        private final CsvRow row;
        private final List<ImportError> errors;

        Cells(String file, CsvRow row, List<ImportError> errors) {
            this.file = file;
            this.row = row;
            this.errors = errors;
        }

        void error(String column, String zh, String en) {
            errors.add(new ImportError(file, row.number(), column, file + "." + column, zh, en));
        }

        String raw(String column) {
            return row.get(column);
        }

        String text(String column, int max, boolean required) {
            String v = raw(column);
            if (v == null && required) {
                error(column, "不能为空", "Required");
            } else if (v != null && v.length() > max) {
                error(column, "不能超过 " + max + " 个字", "At most " + max + " characters");
                return null;
            }
            return v;
        }

        String idNumber() {
            String v = raw("idNumber");
            if (v == null || ResidentIdNumber.defect(v).isPresent()) {
                error("idNumber", "身份证号码不正确", "Invalid resident ID number");
                return null;
            }
            return ResidentIdNumber.normalize(v);
        }

        String district(Predicate<String> isDistrict) {
            String v = raw("districtCode");
            if (v == null || !isDistrict.test(v)) {
                error("districtCode", "须为深圳市辖区代码（如 440304）", "A Shenzhen district code");
                return null;
            }
            return v;
        }

        LocalDate date(String column) {
            String v = raw(column);
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException | NullPointerException e) {
                error(column, "日期格式须为 yyyy-MM-dd", "A date yyyy-MM-dd");
                return null;
            }
        }

        BigDecimal decimal(String column, boolean required, BigDecimal max, int scale) {
            String v = raw(column);
            if (v == null) {
                if (required) {
                    error(column, "不能为空", "Required");
                }
                return null;
            }
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.signum() <= 0 || d.compareTo(max) > 0 || d.scale() > scale) {
                    error(column, "数值超出范围", "Out of range");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                error(column, "须为数字", "A number");
                return null;
            }
        }
    }
}
