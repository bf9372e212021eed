package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 修改手机号码 over HTTP with the sandbox's SMS outbox: the code goes to the new number, a number in use
 * is refused naming {@code mobile}, a wrong code naming {@code code}; after the change the citizen
 * logs in with the new number (not the old one), the old number was told, and the audit trail holds
 * {@code account.mobile-changed} with both numbers masked.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MobileChangeIT extends CitizenTestSupport {

    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    @Test
    public void aCitizenChangesTheMobileWithTheCodeSentToTheNewNumber() throws Exception {
        awaitIdentity();
        await("the sandbox outbox", () -> statusOf("/api/sandbox/sms/13800000000") == 200);
        Person p = Person.random();
        Person other = Person.random();
        String token = registerAndLogin(p);
        registerAndLogin(other);
        String newMobile = Person.newMobile();

        assertEquals(
                401,
                call("POST", "/api/identity/mobile/code", null, mobile(newMobile)).statusCode());
        assertField(call("POST", "/api/identity/mobile/code", token, mobile("123")), "mobile");
        assertField(call("POST", "/api/identity/mobile/code", token, mobile(p.mobile())), "mobile");
        HttpResponse<String> taken =
                call("POST", "/api/identity/mobile/code", token, mobile(other.mobile()));
        assertEquals(taken.body(), 409, taken.statusCode());
        assertEquals("urn:guangsha:problem:mobile-taken", json(taken).path("type").asText());
        assertEquals("mobile", json(taken).path("errors").get(0).path("field").asText());

        HttpResponse<String> sent =
                call("POST", "/api/identity/mobile/code", token, mobile(newMobile));
        assertEquals(sent.body(), 202, sent.statusCode());
        assertEquals(
                429,
                call("POST", "/api/identity/mobile/code", token, mobile(newMobile)).statusCode());
        JsonNode outbox = json(get("/api/sandbox/sms/" + newMobile));
        assertEquals(1, outbox.size());
        Matcher m = CODE.matcher(outbox.get(0).path("text").asText());
        assertTrue(outbox.toString(), m.find());
        String code = m.group(1);

        assertField(
                call(
                        "POST",
                        "/api/identity/mobile",
                        token,
                        mobile(newMobile).put("code", code.equals("000000") ? "111111" : "000000")),
                "code");
        HttpResponse<String> changed =
                call("POST", "/api/identity/mobile", token, mobile(newMobile).put("code", code));
        assertEquals(changed.body(), 200, changed.statusCode());
        assertEquals(
                newMobile.substring(0, 3) + "****" + newMobile.substring(7),
                json(changed).path("mobile").asText());

        // the token still works; the new number logs in, the old one no longer does
        assertEquals(200, call("GET", "/api/identity/me", token, null).statusCode());
        login(newMobile, PASSWORD);
        assertEquals(401, loginResponse(p.mobile(), PASSWORD).statusCode());
        JsonNode toOld = json(get("/api/sandbox/sms/" + p.mobile()));
        assertTrue(toOld.toString(), toOld.toString().contains("已修改为"));

        String operator = login("operator", "Demo@2026");
        JsonNode audit =
                json(call("GET", "/api/audit?action=account.mobile-changed", operator, null));
        String me = json(call("GET", "/api/identity/me", token, null)).path("id").asText();
        boolean found = false;
        for (JsonNode row : audit.path("items")) {
            if (row.path("target").asText().equals("account:" + me)) {
                found = true;
                String detail = row.path("detail").asText();
                assertTrue(detail, detail.contains("to=" + newMobile.substring(0, 3) + "****"));
                assertTrue(detail, !detail.contains(newMobile) && !detail.contains(p.mobile()));
            }
        }
        assertTrue(audit.toString(), found);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode mobile(String mobile) {
        return JSON.createObjectNode().put("mobile", mobile);
    }
}
