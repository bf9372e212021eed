package org.guangsha.platform.internal.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import org.guangsha.platform.casework.CaseStatus;
import org.junit.jupiter.api.Test;

/** The rules of C-1 and C-2 that need no database. */
class CaseRulesTest {

    @Test
    void onlyDraftsAndReturnedCasesAreEditableAndThreeStatesAreFinal() {
        assertEquals(
                EnumSet.of(CaseStatus.DRAFT, CaseStatus.RETURNED),
                EnumSet.copyOf(
                        EnumSet.allOf(CaseStatus.class).stream()
                                .filter(CaseStatus::editable)
                                .toList()));
        assertEquals(
                EnumSet.of(CaseStatus.APPROVED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN),
                EnumSet.copyOf(
                        EnumSet.allOf(CaseStatus.class).stream()
                                .filter(CaseStatus::closed)
                                .toList()));
    }

    @Test
    void aCountyCaseworkerReviewsAtDistrictLevelAndACityOneAtCityLevel() {
        assertTrue(CaseStore.sameLevel("DISTRICT", "COUNTY"));
        assertTrue(CaseStore.sameLevel("DISTRICT", "DISTRICT"));
        assertTrue(CaseStore.sameLevel("CITY", "CITY"));
        assertFalse(CaseStore.sameLevel("CITY", "DISTRICT"));
        assertFalse(CaseStore.sameLevel("DISTRICT", null));
    }

    @Test
    void caseNumbersCarryTheDay() {
        assertTrue(CaseStore.newNumber(LocalDate.of(2026, 11, 23)).matches("SQ20261123-\\d{8}"));
    }

    @Test
    void everyStatusHasAChineseText() {
        for (CaseStatus s : CaseStatus.values()) {
            assertFalse(CaseStore.statusZh(s).isBlank());
        }
    }
}
