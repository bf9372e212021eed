package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Draft (暂存) at every step (JX-5): partial data is kept server-side, only its formats checked, and
 * found again from another device; a step is complete only once saved whole.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiDraftIT extends JiangxiTestSupport {

    /**
     * JX-5: a half-filled family saved as a draft comes back whole on another login (another
     * device); draft steps are not complete, a full save marks them.
     */
    @Test
    public void aDraftIsResumedFromAnotherDevice() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("罗敏", 1993);
        Applicant a = applicantAfterFace(p);
        String id = a.id();

        // 暂存 a type without category, and a family with only the applicant's basic data
        HttpResponse<String> t =
                step(
                        a.token(),
                        id,
                        "type",
                        JSON.createObjectNode().put("applicationType", "SUBSIDY"),
                        true);
        assertEquals(t.body(), 200, t.statusCode());
        ObjectNode partial =
                JSON.createObjectNode()
                        .put("relation", "SELF")
                        .put("name", p.name())
                        .put("idNumber", p.idNumber())
                        .put("mobile", p.mobile());
        partial.putObject("residence").put("currentAddress", "江西省南昌市东湖区豫章路8号");
        HttpResponse<String> f = step(a.token(), id, "family", family(partial), true);
        assertEquals(f.body(), 200, f.statusCode());
        JsonNode draft = json(f);
        assertFalse(draft.path("steps").path("type").asBoolean());
        assertFalse(draft.path("steps").path("family").asBoolean());
        assertFalse(draft.path("steps").path("assets").asBoolean());
        assertFalse(draft.path("steps").path("materials").asBoolean());

        // the same citizen on another device: a new login, another token
        String phone = login(p.idNumber(), PASSWORD);
        assertNotEquals(a.token(), phone);
        JsonNode mine = json(call("GET", API + "/applications", phone, null));
        assertEquals(1, mine.size());
        assertEquals(id, mine.get(0).path("id").asText());
        assertEquals("DRAFT", mine.get(0).path("status").asText());
        HttpResponse<String> resumed = call("GET", app(id), phone, null);
        assertEquals(resumed.body(), 200, resumed.statusCode());
        JsonNode r = json(resumed);
        assertEquals("SUBSIDY", r.path("type").path("applicationType").asText());
        JsonNode applicant = r.path("family").path("applicant");
        assertEquals(p.name(), applicant.path("name").asText());
        assertEquals(p.idNumber(), applicant.path("idNumber").asText());
        assertEquals("江西省南昌市东湖区豫章路8号", applicant.path("residence").path("currentAddress").asText());
        assertFalse(r.path("steps").path("family").asBoolean());
        assertTrue(r.path("editable").asBoolean());

        // a complete step saved from the second device is marked; the draft stays unmarked
        JsonNode typed = saved(phone, id, "type", type("SUBSIDY", "dibao"));
        assertTrue(typed.path("steps").path("type").asBoolean());
        assertFalse(typed.path("steps").path("family").asBoolean());
        JsonNode whole = saved(phone, id, "family", family(member("SELF", p, "UNMARRIED")));
        assertTrue(whole.path("steps").path("family").asBoolean());
        signCommitment(phone, id);
        JsonNode assets = saved(a.token(), id, "assets", noAssets());
        assertTrue(assets.path("steps").path("type").asBoolean());
        assertEquals(1_200_000, assets.path("assets").path("depositsFen").asLong());

        // saving a step again as a draft takes its mark away until it is saved whole
        JsonNode again =
                json(
                        step(
                                a.token(),
                                id,
                                "type",
                                JSON.createObjectNode().put("applicationType", "IN_KIND"),
                                true));
        assertFalse(again.path("steps").path("type").asBoolean());
        assertEquals("IN_KIND", again.path("type").path("applicationType").asText());
    }

    /**
     * JX-5: a draft is checked for formats only: a missing field passes, a malformed one is named.
     */
    @Test
    public void aDraftChecksFormatsOnly() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("梁静", 1989);
        Applicant a = applicantAfterFace(p);
        ObjectNode noEmployment = member("SELF", p, "UNMARRIED");
        noEmployment.remove("employment");
        assertEquals(
                200, step(a.token(), a.id(), "family", family(noEmployment), true).statusCode());
        assertStepField(
                step(a.token(), a.id(), "family", family(noEmployment), false),
                "family",
                "applicant.employment.status");

        ObjectNode badMobile = member("SELF", p, "UNMARRIED").put("mobile", "12345");
        assertStepField(
                step(a.token(), a.id(), "family", family(badMobile), true),
                "family",
                "applicant.mobile");
        ObjectNode badSince = member("SELF", p, "UNMARRIED");
        ((ObjectNode) badSince.get("residence")).put("residentSince", "2018-13");
        assertStepField(
                step(a.token(), a.id(), "family", family(badSince), true),
                "family",
                "applicant.residence.residentSince");
        assertStepField(
                step(
                        a.token(),
                        a.id(),
                        "assets",
                        JSON.createObjectNode().put("depositsFen", -1),
                        true),
                "assets",
                "depositsFen");
    }
}
