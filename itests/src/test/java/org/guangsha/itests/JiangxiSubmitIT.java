package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * The whole path (JX-9): consent, region, face, the four steps, the materials, submission after a
 * second confirmation, then 县（区）级审核 by 东湖区 and 市级审核 by 南昌市 in the review console, and the citizen
 * sees it approved; a caseworker of another province sees nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiSubmitIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /**
     * JX-9: from consent to approval by the county and the city; submit needs confirm: true; the
     * files are frozen; the caseworkers read the form masked; Futian's caseworker is refused.
     */
    @Test
    public void fromConsentToApprovalByTheCountyAndTheCity() throws Exception {
        awaitJiangxi();
        String donghu = demoLogin("donghu-county");
        String nanchang = demoLogin("nanchang-city");
        String futian = demoLogin("futian-district");

        Person p = jiangxiPerson("胡建国", 1978);
        String token = registerL2(p);
        consent(token);
        JsonNode opened =
                json(
                        call(
                                "POST",
                                API + "/applications",
                                token,
                                opening(DONGHU).put("channel", "PC")));
        String id = opened.path("id").asText();
        assertEquals("PC", opened.path("channel").asText());
        assertEquals(
                "PC", json(call("GET", "/api/cases/" + id, token, null)).path("channel").asText());
        face(token, id);

        // submitting an empty application lists what is missing, step by step
        HttpResponse<String> empty = submit(token, id, true);
        assertEquals(empty.body(), 400, empty.statusCode());
        assertTrue(empty.body(), json(empty).path("errors").size() > 1);

        Person spouse = jiangxiPerson("黄美玲", 1980);
        Person kid = jiangxiPerson("胡小龙", 2012);
        saved(token, id, "type", type("IN_KIND", "dibao"));
        JsonNode fam =
                saved(
                        token,
                        id,
                        "family",
                        family(
                                member("SELF", p, "MARRIED"),
                                member("SPOUSE", spouse, "MARRIED"),
                                child(kid)));
        String self = fam.path("family").path("applicant").path("id").asText();
        String spouseId = fam.path("family").path("members").get(0).path("id").asText();
        signCommitment(token, id);
        saved(token, id, "assets", noAssets());
        assertEquals(200, file(token, id, "id-card", licence(token, "id-card"), self).statusCode());
        assertEquals(
                200,
                file(token, id, "household-register", licence(token, "household-register"), null)
                        .statusCode());
        assertEquals(200, uploadMaterial(token, id, "id-card", spouseId, null).statusCode());
        assertEquals(
                200, uploadMaterial(token, id, "id-card", spouseId, "id-card-back").statusCode());
        assertEquals(
                200, uploadMaterial(token, id, "marriage-certificate", null, null).statusCode());
        HttpResponse<String> last = uploadMaterial(token, id, "dibao-certificate", null, null);
        assertEquals(last.body(), 200, last.statusCode());
        String dibaoFile =
                items(json(last), "dibao-certificate")
                        .get(0)
                        .path("attachments")
                        .get(0)
                        .path("id")
                        .asText();
        JsonNode ready = json(call("GET", app(id), token, null));
        assertTrue(ready.toString(), ready.path("steps").path("type").asBoolean());
        assertTrue(ready.path("steps").path("family").asBoolean());
        assertTrue(ready.path("steps").path("assets").asBoolean());
        materials(token, id)
                .path("items")
                .forEach(
                        i ->
                                assertTrue(
                                        i.toString(),
                                        !i.path("required").asBoolean()
                                                || i.path("satisfied").asBoolean()));

        // the second confirmation
        assertField(submit(token, id, false), "confirm");
        assertField(call("POST", app(id) + "/submit", token, JSON.createObjectNode()), "confirm");
        assertEquals("DRAFT", json(call("GET", app(id), token, null)).path("status").asText());
        HttpResponse<String> submitted = submit(token, id, true);
        assertEquals(submitted.body(), 200, submitted.statusCode());
        JsonNode s = json(submitted);
        assertEquals("SUBMITTED", s.path("status").asText());
        assertEquals(1, s.path("level").asInt());
        assertFalse(s.path("submittedAt").asText().isEmpty());
        assertFalse(s.path("editable").asBoolean());
        assertTrue(s.path("steps").path("materials").asBoolean());

        // frozen: no step, no material, no file changes any more
        assertEquals(409, step(token, id, "assets", noAssets(), false).statusCode());
        assertEquals(
                409,
                call("DELETE", app(id) + "/materials/dibao-certificate/" + dibaoFile, token, null)
                        .statusCode());
        assertTrue(
                json(call("GET", "/api/attachments/" + dibaoFile, token, null))
                        .path("frozen")
                        .asBoolean());
        assertEquals(
                409, call("DELETE", "/api/attachments/" + dibaoFile, token, null).statusCode());
        assertEquals(409, submit(token, id, true).statusCode());

        // 县（区）级审核: 东湖区 sees it, reads the form masked; Futian and the city not yet
        assertTrue(inQueue(donghu, id));
        assertFalse(inQueue(nanchang, id));
        assertFalse(inQueue(futian, id));
        HttpResponse<String> form = call("GET", API + "/cases/" + id, donghu, null);
        assertEquals(form.body(), 200, form.statusCode());
        JsonNode f = json(form);
        assertEquals(id, f.path("caseId").asText());
        assertEquals("jiangxi-public-rental", f.path("typeId").asText());
        assertTrue(f.path("fields").size() > 5);
        assertFalse(form.body(), form.body().contains(p.idNumber()));
        assertFalse(form.body(), form.body().contains(spouse.idNumber()));
        assertFalse(form.body(), form.body().contains(p.name()));
        assertFalse(form.body(), form.body().contains(p.mobile()));
        assertTrue(form.body(), form.body().contains(ResidentIdNumber.mask(p.idNumber())));
        // the applicant reads their own form whole
        HttpResponse<String> own = call("GET", API + "/cases/" + id, token, null);
        assertEquals(own.body(), 200, own.statusCode());
        assertTrue(own.body(), own.body().contains(p.idNumber()));
        // a caseworker of Shenzhen gets nothing
        int status = call("GET", API + "/cases/" + id, futian, null).statusCode();
        assertTrue("futian reads the form: " + status, status == 403 || status == 404);
        status = call("GET", "/api/review/cases/" + id, futian, null).statusCode();
        assertTrue("futian reads the case: " + status, status == 403 || status == 404);
        status = call("GET", app(id), futian, null).statusCode();
        assertTrue("futian reads the application: " + status, status == 403 || status == 404);
        // the county's caseworker reads the files of the case
        assertEquals(200, bytes("/api/attachments/" + dibaoFile + "/content", donghu).statusCode());

        JsonNode review = json(call("GET", "/api/review/cases/" + id, donghu, null));
        JsonNode claimed =
                json(
                        call(
                                "POST",
                                "/api/review/cases/" + id + "/claim",
                                donghu,
                                JSON.createObjectNode()
                                        .put(
                                                "version",
                                                review.path("record").path("version").asLong())));
        assertEquals("UNDER_REVIEW", claimed.path("status").asText());
        HttpResponse<String> county = approve(donghu, id, claimed.path("version").asLong());
        assertEquals(county.body(), 200, county.statusCode());

        // 市级审核: 南昌市
        assertFalse(inQueue(donghu, id));
        assertTrue(inQueue(nanchang, id));
        assertEquals(200, call("GET", API + "/cases/" + id, nanchang, null).statusCode());
        long v =
                json(call("GET", "/api/review/cases/" + id, nanchang, null))
                        .path("record")
                        .path("version")
                        .asLong();
        HttpResponse<String> city = approve(nanchang, id, v);
        assertEquals(city.body(), 200, city.statusCode());

        // 我的申请: approved, with the two levels in the timeline
        JsonNode mine = json(call("GET", "/api/cases/" + id, token, null));
        assertEquals("APPROVED", mine.path("status").asText());
        assertTrue(mine.path("timeline").size() >= 3);
        JsonNode summary = json(call("GET", API + "/applications", token, null)).get(0);
        assertEquals(id, summary.path("id").asText());
        assertEquals("APPROVED", summary.path("status").asText());
    }

    /**
     * JX-9, C-1, C-2: returned for correction the application is editable again and resubmitted;
     * rejected, it frees the citizen's one open place, so a new application can be opened.
     */
    @Test
    public void returnedIsCorrectedAndResubmittedRejectedFreesThePlace() throws Exception {
        awaitJiangxi();
        String donghu = demoLogin("donghu-county");
        Applicant a = readyToSubmit(jiangxiPerson("邓退回", 1983));
        String token = a.token();
        String id = a.id();
        assertEquals(200, submit(token, id, true).statusCode());
        assertProblem(
                step(token, id, "type", type("SUBSIDY", "dibao"), false),
                409,
                "application-not-editable");

        long v = caseVersion(donghu, id);
        HttpResponse<String> returned =
                call(
                        "POST",
                        "/api/review/cases/" + id + "/decisions",
                        donghu,
                        JSON.createObjectNode()
                                .put("decision", "RETURN")
                                .put("reason", "请改为租赁补贴")
                                .put("version", v)
                                .set(
                                        "remarks",
                                        JSON.createObjectNode()
                                                .put("type.applicationType", "请核对申请类别")));
        assertEquals(returned.body(), 200, returned.statusCode());
        JsonNode corrected = saved(token, id, "type", type("SUBSIDY", "dibao"));
        assertEquals("RETURNED", corrected.path("status").asText());
        assertEquals("SUBSIDY", corrected.path("type").path("applicationType").asText());
        HttpResponse<String> again = submit(token, id, true);
        assertEquals(again.body(), 200, again.statusCode());
        assertEquals("SUBMITTED", json(again).path("status").asText());

        HttpResponse<String> rejected =
                call(
                        "POST",
                        "/api/review/cases/" + id + "/decisions",
                        donghu,
                        JSON.createObjectNode()
                                .put("decision", "REJECT")
                                .put("reason", "家庭收入超过标准")
                                .put("version", caseVersion(donghu, id)));
        assertEquals(rejected.body(), 200, rejected.statusCode());
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE CASE_ID = ? AND"
                                + " OPEN_ACCOUNT_ID IS NOT NULL",
                        id));
        JsonNode next = open(token, DONGHU);
        assertFalse(next.path("id").asText().equals(id));
    }

    private long caseVersion(String staff, String caseId) throws Exception {
        return json(call("GET", "/api/review/cases/" + caseId, staff, null))
                .path("record")
                .path("version")
                .asLong();
    }

    private HttpResponse<String> approve(String staff, String caseId, long version)
            throws Exception {
        return call(
                "POST",
                "/api/review/cases/" + caseId + "/decisions",
                staff,
                JSON.createObjectNode().put("decision", "APPROVE").put("version", version));
    }
}
