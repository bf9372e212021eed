package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Password change and reset by SMS code (I-3), with the sandbox's SMS outbox. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PasswordIT extends CitizenTestSupport {

    private static final String NEW_PASSWORD = "Anjia#Guangsha9";

    @Test
    public void changeNeedsTheOldPasswordAndEndsEveryLogin() throws Exception {
        awaitSms();
        Person p = Person.random();
        String token = registerAndLogin(p);
        assertField(change(token, "Wrong#Password1", NEW_PASSWORD), "oldPassword");
        assertField(change(token, PASSWORD, "short"), "newPassword");
        assertEquals(204, change(token, PASSWORD, NEW_PASSWORD).statusCode());
        assertEquals(401, call("GET", "/api/identity/me", token, null).statusCode());
        assertEquals(401, loginResponse(p.idNumber(), PASSWORD).statusCode());
        login(p.idNumber(), NEW_PASSWORD);
    }

    @Test
    public void resetBySmsCode() throws Exception {
        awaitSms();
        Person p = Person.random();
        String oldToken = registerAndLogin(p);
        assertEquals(202, requestCode(p.mobile()).statusCode());
        HttpResponse<String> again = requestCode(p.mobile());
        assertEquals(429, again.statusCode());
        assertTrue(again.headers().firstValue("Retry-After").isPresent());

        JsonNode outbox = json(get("/api/sandbox/sms/" + p.mobile()));
        assertEquals(1, outbox.size());
        Matcher m = Pattern.compile("验证码(\\d{6})").matcher(outbox.get(0).path("text").asText());
        assertTrue(outbox.toString(), m.find());
        String code = m.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertField(reset(p.mobile(), wrong, NEW_PASSWORD), "code");
        assertField(reset(p.mobile(), code, "weakpassword"), "newPassword");
        assertEquals(204, reset(p.mobile(), code, NEW_PASSWORD).statusCode());
        assertField(reset(p.mobile(), code, "Other#Password7"), "code");
        assertEquals(401, call("GET", "/api/identity/me", oldToken, null).statusCode());
        login(p.mobile(), NEW_PASSWORD);
    }

    @Test
    public void anUnknownMobileLearnsNothingAndGetsNoSms() throws Exception {
        awaitSms();
        String mobile = Person.newMobile();
        assertEquals(202, requestCode(mobile).statusCode());
        assertEquals(0, json(get("/api/sandbox/sms/" + mobile)).size());
        assertField(reset(mobile, "123456", NEW_PASSWORD), "code");
    }

    private void awaitSms() throws InterruptedException {
        await(
                "identity and the sandbox outbox",
                () ->
                        statusOf("/api/sandbox/sms/13800000000") == 200
                                && statusOf("/api/identity/captcha") == 200);
    }

    private HttpResponse<String> change(String token, String oldPassword, String newPassword)
            throws Exception {
        ObjectNode body =
                JSON.createObjectNode()
                        .put("oldPassword", oldPassword)
                        .put("newPassword", newPassword);
        return call("POST", "/api/identity/password", token, body);
    }

    private HttpResponse<String> requestCode(String mobile) throws Exception {
        String id = json(get("/api/identity/captcha")).path("id").asText();
        String answer = json(get("/api/sandbox/captcha/" + id)).path("answer").asText();
        ObjectNode body =
                JSON.createObjectNode()
                        .put("mobile", mobile)
                        .put("captchaId", id)
                        .put("captchaAnswer", answer);
        return call("POST", "/api/identity/password-reset/code", null, body);
    }

    private HttpResponse<String> reset(String mobile, String code, String newPassword)
            throws Exception {
        ObjectNode body =
                JSON.createObjectNode()
                        .put("mobile", mobile)
                        .put("code", code)
                        .put("newPassword", newPassword);
        return call("POST", "/api/identity/password-reset", null, body);
    }
}
