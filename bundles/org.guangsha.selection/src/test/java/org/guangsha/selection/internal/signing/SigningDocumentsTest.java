package org.guangsha.selection.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.internal.document.DocumentTemplates;
import org.guangsha.platform.internal.document.TemplateMarkup;
import org.guangsha.selection.internal.SelectionConfiguration;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.FamilyEntity;
import org.guangsha.selection.internal.store.UnitEntity;
import org.junit.jupiter.api.Test;

/**
 * S-12/S-13: the lease and the occupancy notice get a value for every placeholder of the core's
 * generic templates (a missing one would fail the ceremony at its start, or the notice on
 * approval), the deposit is months × rent, and the city's settings stay within bounds.
 */
class SigningDocumentsTest {

    /** What the platform fills itself. */
    private static final Set<String> PLATFORM =
            Set.of("documentNumber", "issueDate", "validUntil", "holderName");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theLeaseFillsEveryPlaceholderOfTheCoreTemplate() {
        SigningSettings s = SigningSettings.of(config(Map.of()));
        Map<String, String> v =
                SigningDocuments.lease(batch(), unit(), family(), "13800000001", s, "深圳市", TODAY);
        assertFills(DocumentTemplates.LEASE_CONTRACT, v);
        assertEquals("SZ-2026-12-3-1203", v.get("contractNumber"));
        assertEquals("深圳市住房和建设局", v.get("lessorName"));
        assertEquals("张三", v.get("tenantName"));
        assertEquals("440304199001011233", v.get("tenantIdNumber"));
        assertEquals("13800000001", v.get("tenantPhone"));
        assertEquals("3", v.get("building"));
        assertEquals("1203", v.get("room"));
        assertEquals("52.30", v.get("floorArea"));
        assertEquals("1,234.50", v.get("monthlyRent"));
        assertEquals("2,469.00", v.get("deposit"));
        assertEquals("2026年11月23日", v.get("termFrom"));
        assertEquals("2029年11月22日", v.get("termTo"));
        // renders without a missing key
        TemplateMarkup.parse(
                DocumentTemplates.text(DocumentTemplates.LEASE_CONTRACT), withPlatform(v));
    }

    @Test
    void theOccupancyNoticeFillsEveryPlaceholderOfTheCoreTemplate() {
        SigningSettings s = SigningSettings.of(config(Map.of("lessor_name", "福田区住房和建设局")));
        Map<String, String> v =
                SigningDocuments.occupancyNotice(unit(), family(), 246900, s, "深圳市", TODAY);
        assertFills(DocumentTemplates.OCCUPANCY_NOTICE, v);
        assertEquals("福田区住房和建设局", v.get("authorityName"));
        assertEquals("2026年12月08日前", v.get("checkInDate"));
        assertEquals("2026年11月23日", v.get("noticeDate"));
        assertEquals("3", v.get("householdSize"));
        TemplateMarkup.parse(
                DocumentTemplates.text(DocumentTemplates.OCCUPANCY_NOTICE), withPlatform(v));
    }

    @Test
    void theDepositIsMonthsOfRent() {
        assertEquals(246900, SigningDocuments.depositFen(123450, 2));
        assertEquals("租赁保证金 3栋-1203", SigningDocuments.depositPurpose(unit()));
        assertEquals("0.05", SigningDocuments.yuan(5));
        assertEquals("1,234,567.89", SigningDocuments.yuan(123456789));
    }

    @Test
    void settingsStayWithinBounds() {
        SigningSettings s =
                SigningSettings.of(
                        config(
                                Map.of(
                                        "deposit_months", 0,
                                        "signing_contract_seconds", 100000,
                                        "signing_review_levels", " city , district ,nonsense")));
        assertEquals(1, s.depositMonths());
        assertEquals(600, s.contractReading().toSeconds());
        assertEquals(
                List.of("city", "district"),
                s.reviewLevels().stream().map(ReviewLevel::id).toList());
        assertEquals(
                List.of("district"),
                SigningSettings.levels("").stream().map(ReviewLevel::id).toList());
        SigningSettings defaults = SigningSettings.of(config(Map.of()));
        assertEquals(2, defaults.depositMonths());
        assertEquals("DISTRICT", defaults.reviewLevels().get(0).regionLevel());
    }

    private static void assertFills(String template, Map<String, String> values) {
        Set<String> keys =
                new HashSet<>(TemplateMarkup.placeholderKeys(DocumentTemplates.text(template)));
        keys.removeAll(PLATFORM);
        Set<String> missing = new HashSet<>(keys);
        missing.removeAll(values.keySet());
        assertTrue(missing.isEmpty(), "no value for " + missing);
        values.forEach((k, v) -> assertTrue(v != null && !v.isBlank(), k + " is blank"));
    }

    private static Map<String, String> withPlatform(Map<String, String> v) {
        Map<String, String> all = new java.util.HashMap<>(v);
        PLATFORM.forEach(k -> all.put(k, "x"));
        return all;
    }

    private static BatchEntity batch() {
        BatchEntity b = new BatchEntity("b1");
        b.code("SZ-2026-12");
        b.name("2026年12月福田区公租房选房");
        b.regionCode("440304");
        return b;
    }

    private static UnitEntity unit() {
        UnitEntity u = new UnitEntity("u1");
        u.code("3-1203");
        u.project("福田安居苑");
        u.building("3栋");
        u.roomNumber("1203");
        u.unitType("一房一厅");
        u.orientation("南");
        u.floor(12);
        u.areaCentiM2(5230);
        u.rentFen(123450);
        u.address("深圳市福田区安居路1号");
        return u;
    }

    private static FamilyEntity family() {
        FamilyEntity f = new FamilyEntity("f1");
        f.applicantName("张三");
        f.idNumber("440304199001011233");
        f.householdSize(3);
        return f;
    }

    /** A configuration with the defaults of the annotation, some overridden by method name. */
    static SelectionConfiguration config(Map<String, Object> overrides) {
        return (SelectionConfiguration)
                java.lang.reflect.Proxy.newProxyInstance(
                        SelectionConfiguration.class.getClassLoader(),
                        new Class<?>[] {SelectionConfiguration.class},
                        (proxy, method, args) -> {
                            if (overrides.containsKey(method.getName())) {
                                return overrides.get(method.getName());
                            }
                            if (method.getName().equals("annotationType")) {
                                return SelectionConfiguration.class;
                            }
                            return method.getDefaultValue();
                        });
    }
}
