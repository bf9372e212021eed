package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The family (JX-6): the applicant is the account's holder, a married applicant names the spouse,
 * and every co-applicant's ID number is checked (GB 11643, not twice in the family, not in another
 * open application).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiFamilyIT extends JiangxiTestSupport {

    /**
     * JX-6: a married applicant without a spouse is 400 naming the members; with the spouse the
     * step is complete and the checklist asks for the marriage certificate and the spouse's ID
     * card.
     */
    @Test
    public void aMarriedApplicantNamesTheSpouse() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("刘洋", 1986);
        Applicant a = applicantAfterFace(p);
        saved(a.token(), a.id(), "type", type("IN_KIND", "dibao"));
        ObjectNode married = member("SELF", p, "MARRIED");
        Person kid = jiangxiPerson("刘小宇", 2016);

        HttpResponse<String> alone = step(a.token(), a.id(), "family", family(married), false);
        assertStepField(alone, "family", "members");
        assertTrue(
                alone.body(),
                json(alone).path("errors").get(0).path("message").asText().contains("配偶"));
        // a child is no spouse
        assertStepField(
                step(a.token(), a.id(), "family", family(married, child(kid)), false),
                "family",
                "members");
        // the draft may be saved without the spouse yet
        assertEquals(200, step(a.token(), a.id(), "family", family(married), true).statusCode());

        Person spouse = jiangxiPerson("王芳", 1988);
        JsonNode saved =
                saved(
                        a.token(),
                        a.id(),
                        "family",
                        family(married, member("SPOUSE", spouse, "MARRIED"), child(kid)));
        assertTrue(saved.path("steps").path("family").asBoolean());
        JsonNode members = saved.path("family").path("members");
        assertEquals(2, members.size());
        assertEquals("SPOUSE", members.get(0).path("relation").asText());
        assertEquals(spouse.idNumber(), members.get(0).path("idNumber").asText());
        assertFalse(members.get(0).path("id").asText().isEmpty());

        JsonNode checklist = materials(a.token(), a.id());
        assertEquals(1, items(checklist, "marriage-certificate").size());
        assertTrue(items(checklist, "marriage-certificate").get(0).path("required").asBoolean());
        // ID cards of the adults only: the applicant and the spouse, not the child
        assertEquals(checklist.toString(), 2, items(checklist, "id-card").size());
    }

    /**
     * JX-6: a co-applicant's ID number with a wrong check digit is 400 naming
     * family.members[0].idNumber; the same ID number twice in the family is refused too.
     */
    @Test
    public void everyCoApplicantsIdNumberIsChecked() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("张伟", 1984);
        Applicant a = applicantAfterFace(p);
        ObjectNode self = member("SELF", p, "MARRIED");
        Person spouse = jiangxiPerson("李娜", 1985);

        ObjectNode wrongCheck =
                member("SPOUSE", spouse, "MARRIED")
                        .put("idNumber", withWrongCheckCharacter(spouse.idNumber()));
        HttpResponse<String> r = step(a.token(), a.id(), "family", family(self, wrongCheck), false);
        assertStepField(r, "family", "members[0].idNumber");
        // formats are checked in drafts too
        assertStepField(
                step(a.token(), a.id(), "family", family(self, wrongCheck), true),
                "family",
                "members[0].idNumber");

        Person kid = jiangxiPerson("张小明", 2015);
        assertStepField(
                step(
                        a.token(),
                        a.id(),
                        "family",
                        family(self, member("SPOUSE", spouse, "MARRIED"), child(kid), child(kid)),
                        false),
                "family",
                "members[2].idNumber");
        // the applicant again as a co-applicant
        assertStepField(
                step(
                        a.token(),
                        a.id(),
                        "family",
                        family(
                                self,
                                member("SPOUSE", spouse, "MARRIED"),
                                child(new Person("张伟", p.idNumber(), p.mobile()))),
                        false),
                "family",
                "members[1].idNumber");
        // a birth date in the future
        String unborn = jiangxiIdNumber(2099);
        assertStepField(
                step(
                        a.token(),
                        a.id(),
                        "family",
                        family(
                                self,
                                member("SPOUSE", spouse, "MARRIED"),
                                child(new Person("张未来", unborn, null))),
                        false),
                "family",
                "members[1].idNumber");

        assertTrue(
                saved(
                                a.token(),
                                a.id(),
                                "family",
                                family(self, member("SPOUSE", spouse, "MARRIED"), child(kid)))
                        .path("steps")
                        .path("family")
                        .asBoolean());
    }

    /**
     * JX-6: a person in another open application cannot be a co-applicant here (400 naming the
     * member's idNumber).
     */
    @Test
    public void aPersonIsInOneOpenApplication() throws Exception {
        awaitJiangxi();
        Person first = jiangxiPerson("赵磊", 1982);
        Applicant a = applicantAfterFace(first);
        Person spouse = jiangxiPerson("钱红", 1983);
        saved(
                a.token(),
                a.id(),
                "family",
                family(member("SELF", first, "MARRIED"), member("SPOUSE", spouse, "MARRIED")));

        Person other = jiangxiPerson("孙强", 1981);
        Applicant b = applicantAfterFace(other);
        assertStepField(
                step(
                        b.token(),
                        b.id(),
                        "family",
                        family(
                                member("SELF", other, "MARRIED"),
                                member("SPOUSE", spouse, "MARRIED")),
                        false),
                "family",
                "members[0].idNumber");
        // nor the other applicant themself
        assertStepField(
                step(
                        b.token(),
                        b.id(),
                        "family",
                        family(
                                member("SELF", other, "MARRIED"),
                                member("SPOUSE", first, "MARRIED")),
                        false),
                "family",
                "members[0].idNumber");
    }

    /**
     * JX-6: the applicant's name and ID number are always the account's: what a request sends for
     * them is ignored, the relation is SELF.
     */
    @Test
    public void theApplicantIsTheAccountHolder() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("高峰", 1983);
        Applicant a = applicantAfterFace(p);
        ObjectNode other =
                member("OTHER", p, "UNMARRIED")
                        .put("name", "高山")
                        .put("idNumber", jiangxiIdNumber(1983));
        JsonNode saved = saved(a.token(), a.id(), "family", family(other));
        JsonNode applicant = saved.path("family").path("applicant");
        assertEquals("SELF", applicant.path("relation").asText());
        assertEquals(p.name(), applicant.path("name").asText());
        assertEquals(p.idNumber(), applicant.path("idNumber").asText());
        assertEquals(p.mobile(), applicant.path("mobile").asText());
        // nothing sent for them: still the account's
        ObjectNode nameless = member("SELF", p, "UNMARRIED");
        nameless.remove(List.of("name", "idNumber"));
        applicant =
                saved(a.token(), a.id(), "family", family(nameless))
                        .path("family")
                        .path("applicant");
        assertEquals(p.name(), applicant.path("name").asText());
        assertEquals(p.idNumber(), applicant.path("idNumber").asText());
    }
}
