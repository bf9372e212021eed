package org.guangsha.shenzhen.rental.internal.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.guangsha.shenzhen.rental.internal.MaritalStatus;
import org.guangsha.shenzhen.rental.internal.Views.FormField;
import org.guangsha.shenzhen.rental.internal.Views.HomeView;
import org.guangsha.shenzhen.rental.internal.Views.ResidentView;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.CaseForm;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.CheckView;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.Overview;
import org.junit.jupiter.api.Test;

/**
 * The renewal's JSON (SZ-2): the marriage status in the words the lessee confirms whatever the
 * import stored, and the review form's labelled fields the console shows, masked.
 */
class RenewalViewsTest {

    private static final HomeView HOME =
            new HomeView(
                    "FT-0801",
                    "福田安居苑",
                    "2栋",
                    "801",
                    "深圳市福田区安居路8号",
                    "440304",
                    new BigDecimal("58.6"),
                    "两房一厅");

    @Test
    void anImportedMaritalCodeReadsAsTheWordTheLesseeConfirms() {
        assertEquals("已婚", MaritalStatus.word("MARRIED"));
        assertEquals("未婚", MaritalStatus.word("single"));
        assertEquals("离异", MaritalStatus.word("DIVORCED"));
        assertEquals("丧偶", MaritalStatus.word("WIDOWED"));
        assertEquals("已婚", MaritalStatus.word("已婚"));
        assertEquals(null, MaritalStatus.word(null));
        Overview o =
                new Overview(
                        "l1",
                        "L-1",
                        HOME,
                        "张*",
                        "4403**********1233",
                        "MARRIED",
                        "OLD",
                        LocalDate.of(2026, 9, 1),
                        LocalDate.of(2029, 8, 31),
                        126000,
                        List.of(),
                        LocalDate.of(2032, 8, 31),
                        List.of("OLD"),
                        null,
                        null,
                        null,
                        RenewalService.GUIDE,
                        RenewalService.COMMITMENT);
        assertEquals("已婚", o.maritalStatus());
    }

    @Test
    void theReviewFormListsLabelledMaskedFieldsInReadingOrder() {
        CaseForm form =
                new CaseForm(
                        "c1",
                        RenewalService.CONTRACT_CASE,
                        "L-1",
                        "张*",
                        "4403**********1233",
                        "NEW",
                        "OLD",
                        "已婚",
                        HOME,
                        List.of(
                                new ResidentView(
                                        "r1",
                                        "CO_RESIDENT",
                                        "李*",
                                        "4403**********2026",
                                        "配偶",
                                        null)),
                        LocalDate.of(2029, 8, 31),
                        LocalDate.of(2032, 8, 31),
                        new CheckView("k1", "sandbox", "ECO-1", true, List.of(), null),
                        "d1",
                        null);
        Map<String, String> f =
                form.fields().stream().collect(Collectors.toMap(FormField::name, FormField::value));
        assertEquals("leaseNo", form.fields().get(0).name());
        assertEquals("合同编号", form.fields().get(0).label().zh());
        assertEquals("福田安居苑 2栋 801", f.get("home"));
        assertEquals("张*", f.get("lesseeName"));
        assertEquals("李*（配偶） 4403**********2026", f.get("residents"));
        assertEquals("原政策", f.get("policy"));
        assertEquals("新政策", f.get("track"));
        assertEquals("2032-08-31", f.get("newEndDate"));
        assertEquals("ECO-1 符合要求", f.get("check"));
        assertTrue(f.get("contractDocumentId").contains("d1"));
        CaseForm application =
                new CaseForm(
                        "c2",
                        RenewalService.RENEWAL_CASE,
                        "L-1",
                        "张*",
                        "4403**********1233",
                        "OLD",
                        "OLD",
                        "已婚",
                        HOME,
                        List.of(),
                        LocalDate.of(2029, 8, 31),
                        LocalDate.of(2032, 8, 31),
                        null,
                        null,
                        null);
        Map<String, String> a =
                application.fields().stream()
                        .collect(Collectors.toMap(FormField::name, FormField::value));
        assertEquals("无", a.get("residents"));
        assertEquals("无（按原政策续约）", a.get("check"));
        assertFalse(a.containsKey("contractDocumentId"), "an application has no contract yet");
    }
}
