package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * The service-hall counter (JX-1): a caseworker of the region finds or registers the citizen,
 * records the consent signed on paper and the in-person ID check, and files on the citizen's behalf
 * with the same steps; the case records channel COUNTER and the staff member.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiCounterIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /**
     * JX-1: 东湖区's caseworker finds a citizen by ID number, files and submits on their behalf; the
     * case has channel COUNTER and filedBy the caseworker; the citizen reads it under my
     * applications.
     */
    @Test
    public void aCaseworkerFilesOnTheCitizensBehalf() throws Exception {
        awaitJiangxi();
        String donghu = demoLogin("donghu-county");
        String donghuId = accountId(donghu);
        Person p = jiangxiPerson("万桂英", 1962);
        String citizen = registerAndLogin(p);

        HttpResponse<String> found =
                call("GET", "/api/identity/citizens?idNumber=" + p.idNumber(), donghu, null);
        assertEquals(found.body(), 200, found.statusCode());
        String citizenId = json(found).path("id").asText();
        assertEquals(accountId(citizen), citizenId);

        // what the counter must record: the paper consent, the in-person check, the region
        assertField(
                counter(donghu, counterBody(citizenId, DONGHU).put("consentSigned", false)),
                "consentSigned");
        assertField(
                counter(donghu, counterBody(citizenId, DONGHU).put("identityChecked", false)),
                "identityChecked");
        assertField(
                counter(donghu, counterBody(citizenId, DONGHU).put("confirmRegion", false)),
                "confirmRegion");
        assertField(counter(donghu, counterBody(citizenId, "360100")), "regionCode");
        assertField(counter(donghu, counterBody("no-such-citizen", DONGHU)), "citizenId");
        // not a region of 东湖区's caseworker
        assertEquals(403, counter(donghu, counterBody(citizenId, XIHU)).statusCode());
        // not a caseworker of the province at all; not staff
        String futian = demoLogin("futian-district");
        assertEquals(403, counter(futian, counterBody(citizenId, DONGHU)).statusCode());
        assertEquals(403, counter(citizen, counterBody(citizenId, DONGHU)).statusCode());
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE ACCOUNT_ID = ?",
                        citizenId));

        HttpResponse<String> opened = counter(donghu, counterBody(citizenId, DONGHU));
        assertEquals(opened.body(), 201, opened.statusCode());
        JsonNode application = json(opened);
        String id = application.path("id").asText();
        assertEquals("COUNTER", application.path("channel").asText());
        assertEquals("DRAFT", application.path("status").asText());
        assertFalse(application.path("filedBy").asText().isEmpty());
        // the in-person check stands for the face check
        assertFalse(application.path("faceVerifiedAt").asText().isEmpty());
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE CASE_ID = ? AND CHANNEL ="
                                + " 'COUNTER' AND FILED_BY = ? AND FACE_METHOD = 'IN_PERSON'",
                        id,
                        donghuId));
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_CONSENT WHERE ACCOUNT_ID = ? AND CHANNEL ="
                                + " 'COUNTER' AND RECORDED_BY = ?",
                        citizenId,
                        donghuId));

        // the same steps, by the caseworker
        saved(donghu, id, "type", type("SUBSIDY", "dibao"));
        String self =
                saved(donghu, id, "family", family(member("SELF", p, "WIDOWED")))
                        .path("family")
                        .path("applicant")
                        .path("id")
                        .asText();
        signCommitment(donghu, id);
        saved(donghu, id, "assets", noAssets());
        assertEquals(
                200, uploadMaterial(donghu, id, "id-card", self, "id-card-front").statusCode());
        assertEquals(200, uploadMaterial(donghu, id, "id-card", self, "id-card-back").statusCode());
        assertEquals(
                200, uploadMaterial(donghu, id, "household-register", null, null).statusCode());
        HttpResponse<String> last = uploadMaterial(donghu, id, "dibao-certificate", null, null);
        assertEquals(last.body(), 200, last.statusCode());
        // the uploads are the citizen's files, filed with the case
        String file =
                items(json(last), "dibao-certificate")
                        .get(0)
                        .path("attachments")
                        .get(0)
                        .path("id")
                        .asText();
        assertEquals(200, call("GET", "/api/attachments/" + file, citizen, null).statusCode());

        assertField(submit(donghu, id, false), "confirm");
        HttpResponse<String> submitted = submit(donghu, id, true);
        assertEquals(submitted.body(), 200, submitted.statusCode());
        assertEquals("SUBMITTED", json(submitted).path("status").asText());
        assertEquals("COUNTER", json(submitted).path("channel").asText());
        // the core's case records the channel and the staff member too
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM PLT_CASE WHERE ID = ? AND CHANNEL = 'COUNTER' AND"
                                + " FILED_BY = ?",
                        id,
                        donghuId));
        JsonNode record = json(call("GET", "/api/review/cases/" + id, donghu, null)).path("record");
        assertEquals(record.toString(), "COUNTER", record.path("channel").asText());

        // the citizen sees it as theirs, the caseworker's name masked
        JsonNode mine = json(call("GET", API + "/applications", citizen, null));
        assertEquals(1, mine.size());
        assertEquals(id, mine.get(0).path("id").asText());
        assertEquals("COUNTER", mine.get(0).path("channel").asText());
        JsonNode theirs = json(call("GET", app(id), citizen, null));
        assertFalse(theirs.path("filedBy").asText().isEmpty());
        assertNotEquals("东湖区审核员", theirs.path("filedBy").asText());
        assertEquals(
                "SUBMITTED",
                json(call("GET", "/api/cases/" + id, citizen, null)).path("status").asText());

        // the counter's list: the citizen's applications in the caller's region
        JsonNode list =
                json(
                        call(
                                "GET",
                                API + "/counter/applications?citizenId=" + citizenId,
                                donghu,
                                null));
        assertEquals(list.toString(), 1, list.size());
        assertEquals(id, list.get(0).path("id").asText());
        HttpResponse<String> elsewhere =
                call("GET", API + "/counter/applications?citizenId=" + citizenId, futian, null);
        assertTrue(
                elsewhere.body(),
                elsewhere.statusCode() == 403
                        || (elsewhere.statusCode() == 200 && json(elsewhere).size() == 0));
        int status = call("GET", app(id), futian, null).statusCode();
        assertTrue("futian reads the application: " + status, status == 403 || status == 404);
        // the review queue of the county has it
        assertTrue(inQueue(donghu, id));
    }

    /**
     * JX-1: a citizen without an account is registered at the counter (core), then found; the
     * city's caseworker, whose region covers 东湖区, may file there too; the county's goes on, and the
     * scan of the letter signed on paper is filed as the citizen's (JX-7).
     */
    @Test
    public void aNewCitizenIsRegisteredAndTheCityMayFile() throws Exception {
        awaitJiangxi();
        String donghu = demoLogin("donghu-county");
        String nanchang = demoLogin("nanchang-city");
        Person p = jiangxiPerson("熊桂花", 1958);

        assertEquals(
                404,
                call("GET", "/api/identity/citizens?idNumber=" + p.idNumber(), donghu, null)
                        .statusCode());
        ObjectNode registration =
                JSON.createObjectNode()
                        .put("name", p.name())
                        .put("idNumber", p.idNumber())
                        .put("mobile", p.mobile());
        HttpResponse<String> registered =
                call("POST", "/api/identity/citizens", donghu, registration);
        assertEquals(registered.body(), 201, registered.statusCode());
        String citizenId = json(registered).path("id").asText();
        assertFalse(citizenId.isEmpty());
        HttpResponse<String> found =
                call("GET", "/api/identity/citizens?idNumber=" + p.idNumber(), nanchang, null);
        assertEquals(found.body(), 200, found.statusCode());
        assertEquals(citizenId, json(found).path("id").asText());

        HttpResponse<String> opened = counter(nanchang, counterBody(citizenId, DONGHU));
        assertEquals(opened.body(), 201, opened.statusCode());
        String id = json(opened).path("id").asText();
        assertEquals("COUNTER", json(opened).path("channel").asText());
        // counter staff of the region may work on it: 东湖区's caseworker goes on
        assertEquals(200, call("GET", app(id), donghu, null).statusCode());
        saved(donghu, id, "type", type("IN_KIND", "tekun"));
        saved(donghu, id, "family", family(member("SELF", p, "UNMARRIED")));

        // JX-7 at the counter: the letter printed, signed on paper and scanned by the caseworker
        // becomes the citizen's signed-letter, not the caseworker's file
        HttpResponse<String> scanned =
                multipartForm(
                        app(id) + "/commitment/upload",
                        donghu,
                        Map.of(),
                        "letter.png",
                        "image/png",
                        png("letter"));
        assertEquals(scanned.body(), 200, scanned.statusCode());
        JsonNode commitment = json(scanned).path("assets").path("commitment");
        assertEquals("UPLOADED", commitment.path("mode").asText());
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM PLT_ATTACHMENT WHERE ID = ? AND OWNER_ID = ? AND KIND"
                                + " = 'signed-letter'",
                        commitment.path("attachmentId").asText(),
                        citizenId));
        assertTrue(
                saved(donghu, id, "assets", noAssets()).path("steps").path("assets").asBoolean());
        // one open application per citizen at the counter too
        HttpResponse<String> again = counter(donghu, counterBody(citizenId, DONGHU));
        assertProblem(again, 409, "application-exists");
        assertEquals(id, json(again).path("detail").asText());
    }

    /** JX-1: counter staff reach counter filings only, never what a citizen filed online. */
    @Test
    public void counterStaffDoNotReachOnlineApplications() throws Exception {
        awaitJiangxi();
        String donghu = demoLogin("donghu-county");
        Person p = jiangxiPerson("程刚", 1977);
        Applicant a = applicantAfterFace(p);
        assertEquals(404, call("GET", app(a.id()), donghu, null).statusCode());
        assertEquals(
                404, step(donghu, a.id(), "type", type("IN_KIND", "dibao"), false).statusCode());
        // and the counter cannot open a second one for them
        HttpResponse<String> again = counter(donghu, counterBody(accountId(a.token()), DONGHU));
        assertProblem(again, 409, "application-exists");
        // the refused filing left the citizen's own online consent as it was
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_CONSENT WHERE ACCOUNT_ID = ? AND CHANNEL ="
                                + " 'MOBILE' AND RECORDED_BY IS NULL",
                        accountId(a.token())));
    }

    private static ObjectNode counterBody(String citizenId, String regionCode) {
        return JSON.createObjectNode()
                .put("citizenId", citizenId)
                .put("regionCode", regionCode)
                .put("confirmRegion", true)
                .put("consentSigned", true)
                .put("identityChecked", true);
    }

    private HttpResponse<String> counter(String token, JsonNode body) throws Exception {
        return call("POST", API + "/counter/applications", token, body);
    }
}
