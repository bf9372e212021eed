package org.guangsha.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.sandbox.internal.SandboxCaseForms.DemoForm;
import org.guangsha.sandbox.internal.SandboxCaseResource.Checked;
import org.guangsha.sandbox.internal.SandboxCaseResource.DemoCaseRequest;
import org.guangsha.sandbox.internal.SandboxCaseResource.FormField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo case type and its form: defaults, checks, region, masking, erasure. */
class SandboxDemoCasesTest {

    /** Shenzhen (city) with Futian (district), Guangdong above them. */
    static final class FakeRegions implements Regions {
        final Region futian =
                new Region("440304", "DISTRICT", LocalizedText.of("福田区", "Futian"), null);
        final Region nanshan =
                new Region("440305", "DISTRICT", LocalizedText.of("南山区", "Nanshan"), null);
        final Region shenzhen =
                new Region(
                        "440300",
                        "CITY",
                        LocalizedText.of("深圳市", "Shenzhen"),
                        List.of(futian, nanshan));
        final Region guangdong =
                new Region(
                        "440000",
                        "PROVINCE",
                        LocalizedText.of("广东省", "Guangdong"),
                        List.of(shenzhen));

        @Override
        public List<Region> tree() {
            return List.of(guangdong);
        }

        @Override
        public Optional<Region> region(String code) {
            return List.of(guangdong, shenzhen, futian, nanshan).stream()
                    .filter(r -> r.code().equals(code))
                    .findFirst();
        }

        @Override
        public boolean covers(String scopeCode, String regionCode) {
            return regionCode.startsWith(scopeCode.replaceAll("0+$", ""));
        }

        @Override
        public boolean mayAct(Caller caller, String regionCode) {
            return false;
        }

        @Override
        public void checkScope(Caller caller, String regionCode) {}
    }

    private final FakeRegions regions = new FakeRegions();

    private static DemoCaseRequest request(
            String name, String idNumber, Integer household, String reason, String region) {
        return new DemoCaseRequest(name, idNumber, household, reason, region, null);
    }

    private List<String> fieldsWrong(DemoCaseRequest r) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> SandboxCaseResource.check(r, regions));
        List<String> fields = new ArrayList<>();
        for (FieldError f : e.problem().errors()) {
            fields.add(f.field());
        }
        return fields;
    }

    @Test
    void anEmptyRequestIsASampleCaseInFutian() {
        Checked c = SandboxCaseResource.check(request(null, null, null, null, null), regions);
        assertEquals("440304", c.regionCode());
        assertEquals(SandboxCaseResource.DEFAULT_NAME, c.form().applicantName());
        assertEquals(3, c.form().householdSize());
        assertTrue(c.form().reason().contains("沙箱演示"));
        assertEquals(null, c.form().idNumber());
    }

    @Test
    void theRegionComesFromTheIdNumberWhenTheInstallationKnowsIt() {
        Checked c =
                SandboxCaseResource.check(
                        request("李四", "440305198505054327", 2, "住房困难", null), regions);
        assertEquals("440305", c.regionCode());
        // an ID number of a region the installation does not serve: the demo district
        Checked elsewhere =
                SandboxCaseResource.check(
                        request("王五", "110101199003074477", 2, "住房困难", null), regions);
        assertEquals("440304", elsewhere.regionCode());
    }

    @Test
    void wrongFieldsAreNamedAllAtOnce() {
        assertEquals(
                List.of("applicantName", "idNumber", "householdSize", "reason"),
                fieldsWrong(request(" ", "440304199001011234", 0, "x".repeat(501), null)));
        assertEquals(List.of("householdSize"), fieldsWrong(request(null, null, 21, null, null)));
    }

    @Test
    void theCaseMustGoToADistrictOrCountyTheInstallationServes() {
        // the city itself has no first-level caseworkers
        assertEquals(List.of("regionCode"), fieldsWrong(request(null, null, null, null, "440300")));
        assertEquals(List.of("regionCode"), fieldsWrong(request(null, null, null, null, "999999")));
        assertEquals(
                "440305",
                SandboxCaseResource.check(request(null, null, null, null, "440305"), regions)
                        .regionCode());
    }

    @Test
    void caseworkersSeeTheNameMaskedAndEveryoneTheIdNumberMasked() {
        DemoForm form = new DemoForm("张三丰", "440304199001011233", 4, "住房困难");
        List<FormField> staff = SandboxCaseResource.fields(form, false);
        assertEquals(
                List.of("applicantName", "idNumber", "householdSize", "reason"),
                staff.stream().map(FormField::name).toList());
        assertEquals("张**", staff.get(0).value());
        assertEquals("4403**********1233", staff.get(1).value());
        assertEquals("4", staff.get(2).value());
        List<FormField> own = SandboxCaseResource.fields(form, true);
        assertEquals("张三丰", own.get(0).value());
        assertEquals("4403**********1233", own.get(1).value());
        assertEquals(3, SandboxCaseResource.fields(new DemoForm("张三", null, 1, "r"), false).size());
    }

    @Test
    void theTypeHasTwoLevelsNeedsItsFormAndErasesIt(@TempDir Path dir) {
        SandboxDemoCaseType type = new SandboxDemoCaseType(new SandboxCaseForms(dir));
        assertEquals("sandbox-demo", type.id());
        assertEquals(
                List.of(ReviewLevel.district().id(), ReviewLevel.city().id()),
                type.levels().stream().map(ReviewLevel::id).toList());
        assertTrue(type.requiredAttachments().isEmpty());
        String caseId = "6f1c9a52-0000-4000-8000-000000000001";
        assertEquals("form", type.validate(caseId).get(0).field());
        DemoForm form = new DemoForm("张三", null, 3, "住房困难");
        type.forms().save(caseId, form);
        assertEquals(form, type.forms().find(caseId).orElseThrow());
        // another store over the same directory (a restart) reads it back
        assertEquals(form, new SandboxCaseForms(dir).find(caseId).orElseThrow());
        assertTrue(type.validate(caseId).isEmpty());
        type.erase(caseId);
        assertFalse(type.forms().find(caseId).isPresent());
        assertFalse(type.forms().find("../../etc/passwd").isPresent());
    }
}
