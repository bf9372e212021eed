package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The sandbox's demo case type {@code sandbox-demo} over HTTP, with the demo accounts: 张三 opens and
 * submits a case with a file, Futian's caseworker sees it with its form masked and approves level
 * 1, Shenzhen's approves level 2 and 张三 sees it approved; wrong forms are refused field by field,
 * others' files and others' forms stay out of reach, and a withdrawal erases the form.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SandboxCaseIT extends CitizenTestSupport {

    private static final String DEMO_PASSWORD = "Demo@2026";
    private static final String TYPE = "sandbox-demo";

    @Test
    public void aDemoCaseGoesFromZhangSanThroughFutianAndShenzhen() throws Exception {
        awaitIdentity();
        String zhang = demoLogin("13800000001");
        String li = demoLogin("13800000002");
        String futian = demoLogin("futian-district");
        String city = demoLogin("shenzhen-city");

        // wrong fields are named; staff cannot open demo cases
        assertField(
                call("POST", "/api/sandbox/cases", zhang, form().put("householdSize", 0)),
                "householdSize");
        assertField(
                call(
                        "POST",
                        "/api/sandbox/cases",
                        zhang,
                        form().put("idNumber", "440304199001011234")),
                "idNumber");
        assertField(
                call("POST", "/api/sandbox/cases", zhang, form().put("regionCode", "440300")),
                "regionCode");
        assertEquals(403, call("POST", "/api/sandbox/cases", futian, form()).statusCode());
        assertEquals(401, call("POST", "/api/sandbox/cases", null, form()).statusCode());

        // 李四's file cannot be filed with 张三's case
        String hisPhoto = upload(li);
        ObjectNode withHisFile = form();
        withHisFile.putArray("attachmentIds").add(hisPhoto);
        assertField(call("POST", "/api/sandbox/cases", zhang, withHisFile), "attachmentIds");

        String photo = upload(zhang);
        ObjectNode body =
                form().put("applicantName", "张三")
                        .put("idNumber", "440304199001011233")
                        .put("householdSize", 3)
                        .put("reason", "家庭在本市无自有住房");
        body.putArray("attachmentIds").add(photo);
        HttpResponse<String> created = call("POST", "/api/sandbox/cases", zhang, body);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode c = json(created);
        String id = c.path("id").asText();
        assertEquals(TYPE, c.path("typeId").asText());
        assertEquals("SUBMITTED", c.path("status").asText());
        assertEquals(1, c.path("level").asInt());
        assertEquals("440304", c.path("regionCode").asText());
        assertTrue(c.path("sandbox").asBoolean());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/cases/" + id));

        // the applicant sees the form whole, Futian's caseworker masked, others not at all
        JsonNode own = json(call("GET", "/api/sandbox/cases/" + id, zhang, null));
        assertEquals("张三", own.path("fields").get(0).path("value").asText());
        JsonNode seen = json(call("GET", "/api/sandbox/cases/" + id, futian, null));
        assertEquals("applicantName", seen.path("fields").get(0).path("name").asText());
        assertEquals("张*", seen.path("fields").get(0).path("value").asText());
        assertEquals("4403**********1233", seen.path("fields").get(1).path("value").asText());
        assertEquals("家庭人数", seen.path("fields").get(2).path("label").path("zh").asText());
        assertEquals(404, call("GET", "/api/sandbox/cases/" + id, li, null).statusCode());

        // level 1: Futian's queue, not the city's; the file is readable by Futian
        assertTrue(inQueue(futian, id));
        assertFalse(inQueue(city, id));
        JsonNode review = json(call("GET", "/api/review/cases/" + id, futian, null));
        assertEquals(photo, review.path("attachments").get(0).path("id").asText());
        assertEquals(200, bytes("/api/attachments/" + photo + "/content", futian).statusCode());
        long v = review.path("record").path("version").asLong();
        JsonNode claimed =
                json(
                        call(
                                "POST",
                                "/api/review/cases/" + id + "/claim",
                                futian,
                                JSON.createObjectNode().put("version", v)));
        assertEquals("UNDER_REVIEW", claimed.path("status").asText());
        assertEquals(200, decide(futian, id, claimed.path("version").asLong()).statusCode());

        // level 2: the city's queue; approved, and 张三 sees it
        assertFalse(inQueue(futian, id));
        assertTrue(inQueue(city, id));
        long v2 =
                json(call("GET", "/api/review/cases/" + id, city, null))
                        .path("record")
                        .path("version")
                        .asLong();
        assertEquals(200, decide(city, id, v2).statusCode());
        JsonNode mine = json(call("GET", "/api/cases/" + id, zhang, null));
        assertEquals("APPROVED", mine.path("status").asText());
        assertEquals("沙箱演示申请（公共租赁住房）", mine.path("typeName").path("zh").asText());
    }

    @Test
    public void anEmptyFormIsASampleAndWithdrawingErasesIt() throws Exception {
        awaitIdentity();
        String li = demoLogin("13800000002");
        HttpResponse<String> created = call("POST", "/api/sandbox/cases", li, null);
        assertEquals(created.body(), 201, created.statusCode());
        String id = json(created).path("id").asText();
        assertEquals("440304", json(created).path("regionCode").asText());
        JsonNode fields = json(call("GET", "/api/sandbox/cases/" + id, li, null)).path("fields");
        assertEquals("沙箱演示申请人", fields.get(0).path("value").asText());
        assertEquals("3", fields.get(1).path("value").asText());

        JsonNode notice = json(call("POST", "/api/cases/" + id + "/withdraw", li, null));
        HttpResponse<String> done =
                call(
                        "POST",
                        "/api/cases/" + id + "/withdraw/confirm",
                        li,
                        JSON.createObjectNode()
                                .put(
                                        "confirmationToken",
                                        notice.path("confirmationToken").asText()));
        assertEquals(done.body(), 200, done.statusCode());
        assertEquals(404, call("GET", "/api/sandbox/cases/" + id, li, null).statusCode());
    }

    /** Logs a demo account in once the sandbox has created it (5 s after start). */
    private String demoLogin(String account) throws Exception {
        await(
                "demo account " + account,
                () -> {
                    try {
                        return loginResponse(account, DEMO_PASSWORD).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
        return login(account, DEMO_PASSWORD);
    }

    private static ObjectNode form() {
        return JSON.createObjectNode();
    }

    private String upload(String token) throws Exception {
        HttpResponse<byte[]> r =
                multipart(
                        "POST",
                        "/api/attachments",
                        token,
                        "id-card-front",
                        "a.png",
                        "image/png",
                        AttachmentIT.png());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200);
        return json(r.body()).path("id").asText();
    }

    private boolean inQueue(String token, String caseId) throws Exception {
        HttpResponse<String> r =
                call("GET", "/api/review/queue?type=" + TYPE + "&size=100", token, null);
        assertEquals(r.body(), 200, r.statusCode());
        Set<String> ids = new HashSet<>();
        json(r).path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids.contains(caseId);
    }

    private HttpResponse<String> decide(String staff, String caseId, long version)
            throws Exception {
        return call(
                "POST",
                "/api/review/cases/" + caseId + "/decisions",
                staff,
                JSON.createObjectNode().put("decision", "APPROVE").put("version", version));
    }
}
