package org.guangsha.jiangxi.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.guangsha.jiangxi.application.internal.Views.AssetsStep;
import org.guangsha.jiangxi.application.internal.Views.Employment;
import org.guangsha.jiangxi.application.internal.Views.FamilyStep;
import org.guangsha.jiangxi.application.internal.Views.Member;
import org.guangsha.jiangxi.application.internal.Views.Residence;
import org.guangsha.jiangxi.application.internal.Views.TypeStep;
import org.guangsha.jiangxi.application.internal.Views.Vehicle;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.rest.FieldError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormChecksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String APPLICANT = ResidentIdNumber.withCheckCharacter("36010219880203123");
    static final String SPOUSE = ResidentIdNumber.withCheckCharacter("36010219900512234");
    static Categories categories;

    @BeforeAll
    static void shipped() throws Exception {
        try (InputStream in =
                Files.newInputStream(Path.of("../../config/guangsha/jiangxi-categories.json"))) {
            categories = Categories.read(in);
        }
    }

    static Member applicant(String marital) {
        return new Member(
                null,
                "SELF",
                "李强",
                APPLICANT,
                "13900000001",
                marital,
                new Employment("EMPLOYED", "南昌市环卫处", "环卫工人", 320000L),
                new Residence(
                        "LOCAL_URBAN", "南昌市东湖区某路1号", "南昌市东湖区某路2号", "RENTING", null, "2020-05"));
    }

    static Member spouse(String id) {
        return new Member(
                null,
                "SPOUSE",
                "王芳",
                id,
                null,
                "MARRIED",
                new Employment("UNEMPLOYED", null, null, null),
                new Residence("LOCAL_URBAN", "南昌市东湖区某路1号", "南昌市东湖区某路2号", "RENTING", null, null));
    }

    static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
    }

    /** JX-4: a category allows only its application types; the shipped list parses. */
    @Test
    void categoryDecidesTypes() {
        assertTrue(FormChecks.type(new TypeStep("SUBSIDY", "dibao"), categories, false).isEmpty());
        assertEquals(
                Set.of("type.applicationType"),
                fields(
                        FormChecks.type(
                                new TypeStep("SUBSIDY", "new-employee"), categories, false)));
        assertEquals(
                Set.of("type.categoryCode"),
                fields(FormChecks.type(new TypeStep("IN_KIND", "nobody"), categories, false)));
        assertEquals(
                Set.of("type.applicationType", "type.categoryCode"),
                fields(FormChecks.type(new TypeStep(null, null), categories, false)));
        assertTrue(FormChecks.type(new TypeStep(null, null), categories, true).isEmpty());
        assertTrue(
                categories.materialsOf("dibao").stream()
                        .anyMatch(m -> m.code().equals("dibao-certificate") && m.required()));
    }

    /** JX-6: a married applicant must name the spouse; drafts may leave it for later. */
    @Test
    void marriedNeedsSpouse() {
        assertEquals(
                Set.of("family.members"),
                fields(
                        FormChecks.family(
                                new FamilyStep(applicant("MARRIED"), List.of()), TODAY, false)));
        assertTrue(
                FormChecks.family(new FamilyStep(applicant("MARRIED"), List.of()), TODAY, true)
                        .isEmpty());
        assertTrue(
                FormChecks.family(
                                new FamilyStep(applicant("MARRIED"), List.of(spouse(SPOUSE))),
                                TODAY,
                                false)
                        .isEmpty());
        assertEquals(
                Set.of("family.applicant.maritalStatus"),
                fields(
                        FormChecks.family(
                                new FamilyStep(applicant("UNMARRIED"), List.of(spouse(SPOUSE))),
                                TODAY,
                                false)));
    }

    /** JX-6: every co-applicant's ID number is checked, and nobody appears twice. */
    @Test
    void coApplicantIdChecked() {
        String wrong = SPOUSE.substring(0, 17) + (SPOUSE.charAt(17) == '1' ? '2' : '1');
        assertEquals(
                Set.of("family.members[0].idNumber"),
                fields(
                        FormChecks.family(
                                new FamilyStep(applicant("MARRIED"), List.of(spouse(wrong))),
                                TODAY,
                                true)));
        assertEquals(
                Set.of("family.members[0].idNumber"),
                fields(
                        FormChecks.family(
                                new FamilyStep(applicant("MARRIED"), List.of(spouse(APPLICANT))),
                                TODAY,
                                false)));
    }

    /** JX-7: yes needs details, no refuses them; the letter is needed to complete the step. */
    @Test
    void assetsAnswered() {
        AssetsStep yesWithout =
                new AssetsStep(true, List.of(), false, List.of(), false, List.of(), 0L, 0L, null);
        assertEquals(
                Set.of("assets.vehicles"),
                fields(FormChecks.assets(yesWithout, Set.of("李强"), true, false)));
        AssetsStep car =
                new AssetsStep(
                        true,
                        List.of(new Vehicle("李强", "赣A12345", "五菱宏光", 3_000_000L)),
                        false,
                        List.of(),
                        false,
                        List.of(),
                        1_000_00L,
                        0L,
                        null);
        assertTrue(FormChecks.assets(car, Set.of("李强"), true, false).isEmpty());
        assertEquals(
                Set.of("assets.commitment"),
                fields(FormChecks.assets(car, Set.of("李强"), false, false)));
        assertEquals(
                Set.of("assets.vehicles[0].ownerName"),
                fields(FormChecks.assets(car, Set.of("王芳"), true, false)));
        AssetsStep badPlate =
                new AssetsStep(
                        true,
                        List.of(new Vehicle("李强", "A-1", null, null)),
                        false,
                        List.of(),
                        false,
                        List.of(),
                        0L,
                        0L,
                        null);
        assertEquals(
                Set.of("assets.vehicles[0].plateNumber"),
                fields(FormChecks.assets(badPlate, Set.of("李强"), true, true)));
    }

    /** C-2: county then city by default. */
    @Test
    void reviewLevels() {
        assertEquals(
                List.of("county", "city"),
                JiangxiCaseType.levels("county,city").stream().map(l -> l.id()).toList());
        assertEquals("DISTRICT", JiangxiCaseType.levels("county").get(0).regionLevel());
    }
}
