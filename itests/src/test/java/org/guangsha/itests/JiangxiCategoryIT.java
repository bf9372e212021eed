package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Application type and applicant category (JX-4): the city's category list, the types each category
 * allows, and the materials the category decides, down to the submission.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiCategoryIT extends JiangxiTestSupport {

    /** JX-4: the configured categories, with their types and materials, for anyone. */
    @Test
    public void theCategoriesAreTheCitysConfiguration() throws Exception {
        awaitJiangxi();
        HttpResponse<String> r = call("GET", API + "/categories", null, null);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode categories = json(r);
        JsonNode dibao = find(categories, "dibao");
        assertNotNull(r.body(), dibao);
        assertEquals("城镇低保住房困难家庭", dibao.path("name").path("zh").asText());
        assertTrue(dibao.toString(), hasMaterial(dibao, "dibao-certificate"));
        JsonNode newEmployee = find(categories, "new-employee");
        assertNotNull(r.body(), newEmployee);
        assertEquals(1, newEmployee.path("applicationTypes").size());
        assertEquals("IN_KIND", newEmployee.path("applicationTypes").get(0).asText());

        JsonNode guide = json(call("GET", API + "/guide", null, null));
        assertEquals("360000", guide.path("provinceCode").asText());
        assertEquals(2, guide.path("applicationTypes").size());
        assertFalse(guide.path("agreement").path("text").path("zh").asText().isEmpty());
    }

    /**
     * JX-4: 租赁补贴 (SUBSIDY) is not open to 新就业无房职工: 400 naming applicationType; an unknown category
     * is 400 naming categoryCode.
     */
    @Test
    public void theCategoryDecidesTheApplicationTypes() throws Exception {
        awaitJiangxi();
        Applicant a = applicantAfterFace(jiangxiPerson("杨帆", 1998));
        assertStepField(
                step(a.token(), a.id(), "type", type("SUBSIDY", "new-employee"), false),
                "type",
                "applicationType");
        assertStepField(
                step(a.token(), a.id(), "type", type("IN_KIND", "no-such-category"), false),
                "type",
                "categoryCode");
        assertStepField(
                step(a.token(), a.id(), "type", type("RENT", "dibao"), false),
                "type",
                "applicationType");
        JsonNode ok = saved(a.token(), a.id(), "type", type("IN_KIND", "new-employee"));
        assertEquals("IN_KIND", ok.path("type").path("applicationType").asText());
        assertEquals("new-employee", ok.path("type").path("categoryCode").asText());
        assertTrue(ok.path("steps").path("type").asBoolean());
        JsonNode subsidy = saved(a.token(), a.id(), "type", type("SUBSIDY", "dibao"));
        assertEquals("SUBSIDY", subsidy.path("applicationType").asText());
    }

    /**
     * JX-4: a 城镇低保 family's checklist requires the 低保证; submitting without it is 400 naming
     * materials.dibao-certificate; another category asks for its own materials instead.
     */
    @Test
    public void aDibaoFamilyMustUploadItsCertificate() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("何秀英", 1975);
        Applicant a = applicantAfterFace(p);
        String token = a.token();
        String id = a.id();
        saved(token, id, "type", type("IN_KIND", "dibao"));
        JsonNode application = saved(token, id, "family", family(member("SELF", p, "UNMARRIED")));
        signCommitment(token, id);
        saved(token, id, "assets", noAssets());
        String self = application.path("family").path("applicant").path("id").asText();

        JsonNode checklist = materials(token, id);
        assertEquals(1, items(checklist, "dibao-certificate").size());
        JsonNode dibao = items(checklist, "dibao-certificate").get(0);
        assertTrue(dibao.path("required").asBoolean());
        assertFalse(dibao.path("satisfied").asBoolean());
        assertEquals("dibao-certificate", dibao.path("uploadKind").asText());
        assertTrue(items(checklist, "income-certificate").isEmpty());
        assertTrue(items(checklist, "marriage-certificate").isEmpty());

        assertEquals(200, file(token, id, "id-card", licence(token, "id-card"), self).statusCode());
        assertEquals(
                200,
                file(token, id, "household-register", licence(token, "household-register"), null)
                        .statusCode());
        HttpResponse<String> without = submit(token, id, true);
        assertNames(without, "materials.dibao-certificate");
        assertEquals(1, json(without).path("errors").size());

        // 中等偏下收入: an income statement per adult instead of the 低保证
        saved(token, id, "type", type("IN_KIND", "lower-middle-income"));
        JsonNode other = materials(token, id);
        assertTrue(items(other, "dibao-certificate").isEmpty());
        assertEquals(1, items(other, "income-certificate").size());
        assertEquals(self, items(other, "income-certificate").get(0).path("memberId").asText());
        // a per-member material is named with the member's id
        assertNames(submit(token, id, true), "materials.income-certificate[" + self + "]");

        saved(token, id, "type", type("IN_KIND", "dibao"));
        HttpResponse<String> uploaded = uploadMaterial(token, id, "dibao-certificate", null, null);
        assertEquals(uploaded.body(), 200, uploaded.statusCode());
        assertTrue(items(json(uploaded), "dibao-certificate").get(0).path("satisfied").asBoolean());
        HttpResponse<String> submitted = submit(token, id, true);
        assertEquals(submitted.body(), 200, submitted.statusCode());
        assertEquals("SUBMITTED", json(submitted).path("status").asText());
    }

    private static JsonNode find(JsonNode categories, String code) {
        for (JsonNode c : categories) {
            if (code.equals(c.path("code").asText())) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasMaterial(JsonNode category, String code) {
        for (JsonNode m : category.path("materials")) {
            if (code.equals(m.path("code").asText()) && m.path("required").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
