package org.guangsha.jiangxi.application.internal.materials;

import static org.guangsha.jiangxi.application.internal.testsupport.TestLine.APPLICANT;
import static org.guangsha.jiangxi.application.internal.testsupport.TestLine.NANCHANG_CASEWORKER;
import static org.guangsha.jiangxi.application.internal.testsupport.TestLine.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.guangsha.jiangxi.application.internal.materials.MaterialItem.Checklist;
import org.guangsha.jiangxi.application.internal.testsupport.TestLine;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JX-4 and JX-8: the checklist follows the category and the family, files are always the
 * applicant's (also at the counter, JX-1), a licence stands for an ID card's two sides, and the
 * submit learns what is missing by name.
 */
class MaterialsServiceTest {

    /** 2026-11-23 12:00 in Nanchang. */
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

    private static final String ADULT = ResidentIdNumber.withCheckCharacter("36010219900101123");
    private static final String SPOUSE = ResidentIdNumber.withCheckCharacter("36010219920202222");
    private static final String CHILD = ResidentIdNumber.withCheckCharacter("36010220150601001");

    /** 18 today. */
    private static final String EIGHTEEN_TODAY =
            ResidentIdNumber.withCheckCharacter("36010220081123001");

    /** 18 tomorrow. */
    private static final String EIGHTEEN_TOMORROW =
            ResidentIdNumber.withCheckCharacter("36010220081124001");

    private TestLine line;
    private MaterialsService service;

    @BeforeEach
    void setUp() throws Exception {
        line = new TestLine();
        service =
                new MaterialsService(
                        line.access, line.attachments, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        line.close();
    }

    @Test
    void theChecklistFollowsTheCategoryAndTheFamily() {
        // JX-4: a 低保 family must bring its 低保证; JX-8: ID cards of adults, marriage certificate
        String id = line.application("dibao", "MOBILE");
        String self = line.member(id, "SELF", "张三", ADULT, "MARRIED");
        String spouse = line.member(id, "SPOUSE", "李梅", SPOUSE, "MARRIED");
        line.member(id, "CHILD", "张小明", CHILD, "UNMARRIED");

        List<MaterialItem> items = service.checklist(APPLICANT, id).items();

        assertEquals(
                List.of(
                        "id-card:" + self,
                        "id-card:" + spouse,
                        "household-register:null",
                        "marriage-certificate:null",
                        "housing-situation:null",
                        "dibao-certificate:null"),
                items.stream().map(i -> i.code() + ":" + i.memberId()).toList());
        MaterialItem idCard = items.get(0);
        assertEquals("张三", idCard.memberName());
        assertEquals("ID_CARD", idCard.licence());
        assertEquals("id-card-front", idCard.uploadKind());
        assertTrue(idCard.required());
        assertFalse(idCard.satisfied());
        assertFalse(items.get(4).required());
        assertEquals("最低生活保障证（低保证）", items.get(5).name().zh());
    }

    @Test
    void aMaterialForAMaritalStatusOnlyWhenTheApplicantHasIt() {
        String id = line.application("new-employee", "PC");
        line.member(id, "SELF", "张三", ADULT, "DIVORCED");

        List<String> codes =
                service.checklist(APPLICANT, id).items().stream().map(MaterialItem::code).toList();

        assertTrue(codes.contains("divorce-certificate"), codes.toString());
        assertFalse(codes.contains("marriage-certificate"), codes.toString());
        assertFalse(codes.contains("dibao-certificate"), codes.toString());
        assertTrue(codes.contains("labour-contract"), codes.toString());
    }

    @Test
    void adultsOnlyCountsMembersAged18OnTheApplicationsDay() {
        String id = line.application("dibao", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        String today = line.member(id, "SIBLING", "张四", EIGHTEEN_TODAY, "UNMARRIED");
        String tomorrow = line.member(id, "SIBLING", "张五", EIGHTEEN_TOMORROW, "UNMARRIED");

        List<String> members = idCardMembers(id);
        assertTrue(members.contains(today));
        assertFalse(members.contains(tomorrow));

        // once submitted, the day of submission counts, not the day someone looks
        line.cases.put(id, CaseStatus.SUBMITTED, "MOBILE");
        MaterialsService later =
                new MaterialsService(
                        line.access,
                        line.attachments,
                        Clock.fixed(NOW.plusSeconds(86_400 * 30), ZoneOffset.UTC));
        List<MaterialItem> items = later.checklist(APPLICANT, id).items();
        assertFalse(
                items.stream().anyMatch(i -> tomorrow.equals(i.memberId())),
                "judged on the submission day (2026-11-23)");
    }

    @Test
    void anIdCardIsSatisfiedByBothSidesOrByALicence() {
        String id = line.application("dibao", "MOBILE");
        String self = line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment front = line.attachments.add(APPLICANT.accountId(), "id-card-front");
        Attachment back = line.attachments.add(APPLICANT.accountId(), "id-card-back");

        Checklist afterFront = service.file(APPLICANT, id, "id-card", front.id(), self);
        assertFalse(item(afterFront, "id-card").satisfied());
        assertEquals(List.of(front.id()), ids(item(afterFront, "id-card")));

        Checklist afterBack = service.file(APPLICANT, id, "id-card", back.id(), self);
        assertTrue(item(afterBack, "id-card").satisfied());
        assertEquals(List.of(front.id(), back.id()), ids(item(afterBack, "id-card")));
        assertEquals(
                List.of(front.id(), back.id()),
                line.attachments.filedWith(id),
                "filed in the core");

        // the electronic licence alone is enough
        String other = line.application("dibao", "MOBILE");
        String self2 = line.member(other, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment licence =
                line.attachments.licence(APPLICANT.accountId(), "id-card-licence", "张*");
        Checklist withLicence = service.file(APPLICANT, other, "id-card", licence.id(), self2);
        MaterialItem card = item(withLicence, "id-card");
        assertTrue(card.satisfied());
        assertEquals("licence:sandbox", card.attachments().get(0).source());
        assertEquals("张*", card.attachments().get(0).subjectName());
    }

    @Test
    void onlyTheApplicantsFilesAreFiledAlsoAtTheCounter() throws Exception {
        String id = line.application("dibao", "COUNTER");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment others = line.attachments.add(STRANGER.accountId(), "dibao-certificate");
        Attachment staffs =
                line.attachments.add(NANCHANG_CASEWORKER.accountId(), "dibao-certificate");
        Attachment applicants = line.attachments.add(APPLICANT.accountId(), "dibao-certificate");

        assertStatus(
                404, () -> service.file(APPLICANT, id, "dibao-certificate", others.id(), null));
        assertStatus(
                404,
                () ->
                        service.file(
                                NANCHANG_CASEWORKER, id, "dibao-certificate", staffs.id(), null));
        Checklist filed =
                service.file(NANCHANG_CASEWORKER, id, "dibao-certificate", applicants.id(), null);
        assertTrue(item(filed, "dibao-certificate").satisfied());
        assertEquals(
                NANCHANG_CASEWORKER.accountId(), line.text("SELECT FILED_BY FROM JX_MATERIAL"));
        // someone else may not even learn that the application exists
        assertStatus(404, () -> service.checklist(STRANGER, id));
        assertStatus(
                404, () -> service.file(STRANGER, id, "dibao-certificate", applicants.id(), null));
    }

    @Test
    void aFileMustBeOfTheMaterialsKindsAndALicenceOfTheMember() {
        String id = line.application("dibao", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "MARRIED");
        String spouse = line.member(id, "SPOUSE", "李梅", SPOUSE, "MARRIED");
        Attachment labour = line.attachments.add(APPLICANT.accountId(), "labour-contract");
        Attachment licence =
                line.attachments.licence(APPLICANT.accountId(), "id-card-licence", "张*");

        assertField(
                "attachmentId",
                () -> service.file(APPLICANT, id, "dibao-certificate", labour.id(), null));
        assertField("memberId", () -> service.file(APPLICANT, id, "id-card", licence.id(), spouse));
        assertField("memberId", () -> service.file(APPLICANT, id, "id-card", licence.id(), null));
        assertField(
                "attachmentId", () -> service.file(APPLICANT, id, "dibao-certificate", " ", null));
        assertStatus(404, () -> service.file(APPLICANT, id, "no-such", labour.id(), null));
        // a material the family does not need is not on the checklist
        assertStatus(
                404, () -> service.file(APPLICANT, id, "divorce-certificate", labour.id(), null));
        assertEquals(0, line.attachments.filedWith(id).size());
    }

    @Test
    void aMinorNeedsNoIdCard() {
        String id = line.application("dibao", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        String child = line.member(id, "CHILD", "张小明", CHILD, "UNMARRIED");
        Attachment front = line.attachments.add(APPLICANT.accountId(), "id-card-front");

        assertField("memberId", () -> service.file(APPLICANT, id, "id-card", front.id(), child));
    }

    @Test
    void uploadsAreStoredAsTheApplicantsOfTheAskedKind() {
        String id = line.application("dibao", "COUNTER");
        String self = line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        byte[] jpeg = {1, 2, 3};

        Checklist front =
                service.upload(NANCHANG_CASEWORKER, id, "id-card", self, null, "正面.jpg", jpeg);
        Checklist back =
                service.upload(
                        NANCHANG_CASEWORKER, id, "id-card", self, "id-card-back", "背面.jpg", jpeg);

        assertFalse(item(front, "id-card").satisfied());
        MaterialItem card = item(back, "id-card");
        assertTrue(card.satisfied());
        assertEquals(
                List.of("id-card-front", "id-card-back"),
                card.attachments().stream().map(MaterialItem.Filed::kind).toList());
        assertEquals(2, line.attachments.list(APPLICANT.accountId(), null).size());
        assertEquals(0, line.attachments.list(NANCHANG_CASEWORKER.accountId(), null).size());
        // licences come from the licence service only; other kinds are not this material's
        assertField(
                "kind",
                () -> service.upload(APPLICANT, id, "id-card", self, "id-card-licence", "x", jpeg));
        assertField(
                "kind",
                () ->
                        service.upload(
                                APPLICANT, id, "id-card", self, "dibao-certificate", "x", jpeg));
        assertField(
                "file",
                () -> service.upload(APPLICANT, id, "dibao-certificate", null, null, "x", null));
    }

    @Test
    void takingAFileOffUnfilesItUnlessStillUsed() throws Exception {
        String id = line.application("public-service-worker", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment contract = line.attachments.add(APPLICANT.accountId(), "labour-contract");
        Attachment dibao = line.attachments.add(APPLICANT.accountId(), "housing-situation");
        service.file(APPLICANT, id, "labour-contract", contract.id(), null);
        service.file(APPLICANT, id, "housing-situation", dibao.id(), null);

        Checklist after = service.remove(APPLICANT, id, "housing-situation", dibao.id());

        assertTrue(item(after, "housing-situation").attachments().isEmpty());
        assertEquals(List.of(contract.id()), line.attachments.filedWith(id));
        assertEquals(1, line.count("SELECT COUNT(*) FROM JX_MATERIAL"));
        assertEquals(1, line.attachments.list(APPLICANT.accountId(), "housing-situation").size());
        assertStatus(404, () -> service.remove(APPLICANT, id, "housing-situation", dibao.id()));
        assertStatus(404, () -> service.remove(STRANGER, id, "labour-contract", contract.id()));
    }

    @Test
    void nothingChangesOnceSubmitted() {
        String id = line.application("dibao", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment dibao = line.attachments.add(APPLICANT.accountId(), "dibao-certificate");
        line.cases.put(id, CaseStatus.SUBMITTED, "MOBILE");

        assertStatus(409, () -> service.file(APPLICANT, id, "dibao-certificate", dibao.id(), null));
        assertEquals(4, service.checklist(APPLICANT, id).items().size(), "still readable");
    }

    @Test
    void theSubmitLearnsEveryMissingRequiredMaterialByName() {
        // JX-4 / JX-9: a 低保 family without its 低保证 cannot submit
        String id = line.application("dibao", "MOBILE");
        String self = line.member(id, "SELF", "张三", ADULT, "MARRIED");
        String spouse = line.member(id, "SPOUSE", "李梅", SPOUSE, "MARRIED");

        List<FieldError> problems = service.problems(id);

        assertEquals(
                List.of(
                        "materials.id-card[" + self + "]",
                        "materials.id-card[" + spouse + "]",
                        "materials.household-register",
                        "materials.marriage-certificate",
                        "materials.dibao-certificate"),
                problems.stream().map(FieldError::field).toList());
        assertEquals("请上传最低生活保障证（低保证）", problems.get(4).message());
        assertEquals("请获取电子证照或上传李梅的居民身份证", problems.get(1).message());
        assertTrue(problems.get(4).messageEn().contains("Minimum-living-allowance"));

        String a = APPLICANT.accountId();
        service.file(
                APPLICANT,
                id,
                "id-card",
                line.attachments.licence(a, "id-card-licence", "张*").id(),
                self);
        service.file(
                APPLICANT,
                id,
                "id-card",
                line.attachments.licence(a, "id-card-licence", "李*").id(),
                spouse);
        service.file(
                APPLICANT,
                id,
                "household-register",
                line.attachments.licence(a, "household-register-licence", "张*").id(),
                null);
        service.file(
                APPLICANT,
                id,
                "marriage-certificate",
                line.attachments.add(a, "marriage-certificate").id(),
                null);
        assertEquals(
                List.of("materials.dibao-certificate"),
                service.problems(id).stream().map(FieldError::field).toList());
        service.file(
                APPLICANT,
                id,
                "dibao-certificate",
                line.attachments.add(a, "dibao-certificate").id(),
                null);
        // housing-situation is optional
        assertEquals(List.of(), service.problems(id));
    }

    /** JX-6, JX-8: a co-applicant taken out of the family takes their files off the case. */
    @Test
    void aRemovedMemberTakesTheirFilesOffTheCase() throws Exception {
        String id = line.application("dibao", "MOBILE");
        String self = line.member(id, "SELF", "张三", ADULT, "MARRIED");
        String spouse = line.member(id, "SPOUSE", "李梅", SPOUSE, "MARRIED");
        Attachment mine = line.attachments.add(APPLICANT.accountId(), "id-card-front");
        Attachment hers = line.attachments.add(APPLICANT.accountId(), "id-card-back");
        service.file(APPLICANT, id, "id-card", mine.id(), self);
        service.file(APPLICANT, id, "id-card", hers.id(), spouse);

        service.membersRemoved(id, APPLICANT.accountId(), java.util.Set.of(spouse));

        assertEquals(List.of(mine.id()), line.attachments.filedWith(id));
        assertEquals(
                1, line.count("SELECT COUNT(*) FROM JX_MATERIAL WHERE CASE_ID = '" + id + "'"));
    }

    @Test
    void aHouseholdRegisterIsSatisfiedByItsPageUploadOrItsLicence() {
        String id = line.application("dibao", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment page = line.attachments.add(APPLICANT.accountId(), "household-register");

        MaterialItem register =
                item(
                        service.file(APPLICANT, id, "household-register", page.id(), "ignored"),
                        "household-register");

        assertTrue(register.satisfied());
        assertNull(register.memberId(), "a family material belongs to no member");
    }

    private List<String> idCardMembers(String id) {
        return service.checklist(APPLICANT, id).items().stream()
                .filter(i -> i.code().equals("id-card"))
                .map(MaterialItem::memberId)
                .toList();
    }

    private static MaterialItem item(Checklist c, String code) {
        return c.items().stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    private static List<String> ids(MaterialItem i) {
        return i.attachments().stream().map(MaterialItem.Filed::id).toList();
    }

    private static void assertStatus(int status, Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(status, e.problem().status(), e.problem().toString());
    }

    private static void assertField(String field, Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.problem().status(), e.problem().toString());
        assertEquals(field, e.problem().errors().get(0).field(), e.problem().toString());
    }
}
