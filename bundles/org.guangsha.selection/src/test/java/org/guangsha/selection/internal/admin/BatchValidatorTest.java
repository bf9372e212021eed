package org.guangsha.selection.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewSession;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.guangsha.selection.batch.NewBatch.RankedFamily;
import org.junit.jupiter.api.Test;

/** S-1: a batch is checked whole, every problem reported at once. */
class BatchValidatorTest {

    private final Set<String> taken = Set.of("SZ-2026-01");

    private final BatchValidator.Facts facts =
            new BatchValidator.Facts() {
                @Override
                public boolean regionKnown(String code) {
                    return Set.of("440300", "440304").contains(code);
                }

                @Override
                public boolean codeTaken(String code) {
                    return taken.stream().anyMatch(t -> t.equalsIgnoreCase(code));
                }

                @Override
                public int defaultCartSize() {
                    return 5;
                }

                @Override
                public int defaultWindowSeconds() {
                    return 180;
                }
            };

    private NewBatch check(NewBatch b, List<RowError> errors) {
        return BatchValidator.check(BatchValidator.Input.of(b), facts, errors);
    }

    private static Set<String> where(List<RowError> errors) {
        return errors.stream()
                .map(e -> e.section() + "[" + e.row() + "]." + e.field())
                .collect(Collectors.toSet());
    }

    @Test
    void aValidBatchTakesTheConfiguredDefaultsAndFillsSessionsByRank() {
        List<RowError> errors = new ArrayList<>();
        NewBatch b = Fixtures.batch(" SZ-2026-12 ", 10, 120);
        NewBatch checked = check(b, errors);
        assertEquals(List.of(), errors);
        assertEquals("SZ-2026-12", checked.code());
        assertEquals(5, checked.cartSize());
        assertEquals(180, checked.windowSeconds());
        // three sessions of 50: ranks 1-50, 51-100, 101-120
        assertEquals(1, checked.families().get(0).sessionSeq());
        assertEquals(1, checked.families().get(49).sessionSeq());
        assertEquals(2, checked.families().get(50).sessionSeq());
        assertEquals(3, checked.families().get(119).sessionSeq());
    }

    @Test
    void familiesNamingTheirSessionTakeItsPlacesFirst() {
        NewBatch b =
                new NewBatch(
                        "B-1",
                        "批次",
                        "440304",
                        Fixtures.PRESELECT,
                        3,
                        60,
                        null,
                        null,
                        List.of(Fixtures.unit(0)),
                        List.of(Fixtures.session(2, 2), Fixtures.session(1, 2)),
                        List.of(
                                Fixtures.family(4, 1),
                                Fixtures.family(1, null),
                                Fixtures.family(2, null),
                                Fixtures.family(3, null)));
        List<RowError> errors = new ArrayList<>();
        NewBatch checked = check(b, errors);
        assertEquals(List.of(), errors);
        // session 1 keeps one place for rank 4, so rank 1 goes there and ranks 2, 3 to session 2
        assertEquals(
                List.of(1, 1, 2, 2),
                checked.families().stream().map(RankedFamily::sessionSeq).toList());
        assertEquals(3, checked.cartSize());
    }

    @Test
    void tooManyFamiliesForTheSessionsIsOneProblemAtTheFirstFamilyLeftOver() {
        NewBatch b = Fixtures.batch("B-2", 3, 120);
        NewBatch fewer =
                new NewBatch(
                        b.code(),
                        b.name(),
                        b.regionCode(),
                        b.preselectStartsAt(),
                        null,
                        null,
                        null,
                        null,
                        b.units(),
                        b.sessions().subList(0, 2),
                        b.families());
        List<RowError> errors = new ArrayList<>();
        check(fewer, errors);
        assertEquals(1, errors.size(), errors.toString());
        RowError e = errors.get(0);
        assertEquals("families", e.section());
        assertEquals(101, e.row());
        assertEquals("sessionSeq", e.field());
        assertTrue(e.zh().contains("20户"), e.zh());
    }

    @Test
    void everyProblemOfEveryRowIsReportedTogether() {
        String badCheckDigit = Fixtures.idNumber(7).substring(0, 17) + "0";
        if (badCheckDigit.equals(Fixtures.idNumber(7))) {
            badCheckDigit = Fixtures.idNumber(7).substring(0, 17) + "1";
        }
        NewBatch b =
                new NewBatch(
                        "sz 2026/12",
                        " ",
                        "999999",
                        Fixtures.PRESELECT,
                        0,
                        10,
                        null,
                        null,
                        List.of(
                                Fixtures.unit(0),
                                new NewUnit("1-101", null, "1栋", "单间", "南", "102", 0, 0, -1, null),
                                new NewUnit("X,1", null, "1栋", "", "南", "102", 1, 10, 0, null)),
                        List.of(
                                Fixtures.session(1, 2),
                                new NewSession(
                                        1,
                                        "重复",
                                        Fixtures.PRESELECT.minusSeconds(60),
                                        Fixtures.PRESELECT.minusSeconds(120),
                                        1)),
                        List.of(
                                Fixtures.family(1, null),
                                Fixtures.family(1, 9),
                                new RankedFamily(3, "", badCheckDigit, 0, null),
                                new RankedFamily(4, "李四", Fixtures.idNumber(1), 21, null)));
        List<RowError> errors = new ArrayList<>();
        check(b, errors);
        Set<String> where = where(errors);
        for (String expected :
                List.of(
                        "batch[0].code",
                        "batch[0].name",
                        "batch[0].regionCode",
                        "batch[0].cartSize",
                        "batch[0].windowSeconds",
                        "units[2].code",
                        "units[2].floor",
                        "units[2].areaCentiM2",
                        "units[2].rentFen",
                        "units[3].code",
                        "units[3].unitType",
                        "units[3].roomNumber",
                        "sessions[2].seq",
                        "sessions[2].endsAt",
                        "sessions[2].startsAt",
                        "families[2].rank",
                        "families[2].sessionSeq",
                        "families[3].applicantName",
                        "families[3].idNumber",
                        "families[3].householdSize",
                        "families[4].idNumber",
                        "families[4].householdSize")) {
            assertTrue(where.contains(expected), expected + " missing from " + where);
        }
        errors.forEach(e -> assertTrue(!e.zh().isBlank() && !e.en().isBlank(), e.toString()));
        // the ID number of a duplicate is masked in the message
        assertTrue(
                errors.stream()
                        .filter(e -> e.section().equals("families") && e.row() == 4)
                        .anyMatch(e -> e.zh().contains("4403**********")),
                errors.toString());
    }

    @Test
    void aTakenCodeAnEmptyBatchAndTheDefaultsOutOfRangeAreProblems() {
        NewBatch b =
                new NewBatch(
                        "sz-2026-01",
                        "名称",
                        "440300",
                        null,
                        21,
                        3601,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of());
        List<RowError> errors = new ArrayList<>();
        check(b, errors);
        Set<String> where = where(errors);
        assertTrue(
                where.containsAll(
                        Set.of(
                                "batch[0].code",
                                "batch[0].preselectStartsAt",
                                "batch[0].cartSize",
                                "batch[0].windowSeconds",
                                "units[0].null",
                                "sessions[0].null",
                                "families[0].null")),
                where.toString());
    }

    @Test
    void problemsAreListedBySectionThenRow() {
        List<RowError> ordered =
                BatchValidator.ordered(
                        List.of(
                                new RowError("families", 2, "rank", "a", "a"),
                                new RowError("units", 5, "code", "b", "b"),
                                new RowError("batch", 0, "code", "c", "c"),
                                new RowError("units", 1, "code", "d", "d"),
                                new RowError("sessions", 1, "seq", "e", "e")));
        assertEquals(List.of("c", "d", "b", "e", "a"), ordered.stream().map(RowError::zh).toList());
    }
}
