package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Organizations (法人) register and log in by credit code, apart from citizens (I-3). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OrganizationIT extends CitizenTestSupport {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
    };

    @Test
    public void registerLoginAndStayOutOfCitizenServices() throws Exception {
        await("captcha", () -> statusOf("/api/identity/captcha") == 200);
        String code = creditCode();
        HttpResponse<String> registered = register(code);
        assertEquals(registered.body(), 201, registered.statusCode());
        JsonNode org = json(registered);
        assertEquals("ORGANIZATION", org.path("kind").asText());
        assertEquals(
                code.substring(0, 6) + "********" + code.substring(14),
                org.path("creditCode").asText());
        assertFalse(registered.body().contains(code));

        HttpResponse<String> again = register(code);
        assertEquals(409, again.statusCode());
        assertEquals("creditCode", json(again).path("errors").get(0).path("field").asText());
        char last = code.charAt(17);
        String badCheck = code.substring(0, 17) + (last == '0' ? '1' : '0');
        assertField(register(badCheck), "creditCode", "校验位");

        String token =
                json(post("/api/identity/organizations/login", login(code))).path("token").asText();
        JsonNode me = json(call("GET", "/api/identity/me", token, null));
        assertEquals("ORGANIZATION", me.path("kind").asText());
        assertEquals("广厦测试物业有限公司", me.path("name").asText());

        HttpResponse<String> citizenOnly =
                call(
                        "POST",
                        "/api/identity/verifications",
                        token,
                        JSON.createObjectNode().put("method", "wechat"));
        assertEquals(403, citizenOnly.statusCode());
        assertEquals(
                "urn:guangsha:problem:wrong-account-kind", json(citizenOnly).path("type").asText());

        // The citizen login does not know organizations.
        assertEquals(401, loginResponse(code, PASSWORD).statusCode());
    }

    private HttpResponse<String> register(String code) throws Exception {
        ObjectNode body = captcha(JSON.createObjectNode());
        body.put("organizationName", "广厦测试物业有限公司");
        body.put("creditCode", code);
        body.put("legalRepresentativeName", "赵六");
        body.put("legalRepresentativeIdNumber", Person.newIdNumber());
        body.put("mobile", Person.newMobile());
        body.put("password", PASSWORD);
        return post("/api/identity/organizations/register", body);
    }

    private ObjectNode login(String code) throws Exception {
        ObjectNode body = captcha(JSON.createObjectNode());
        body.put("creditCode", code);
        body.put("password", PASSWORD);
        return body;
    }

    private ObjectNode captcha(ObjectNode body) throws Exception {
        String id = json(get("/api/identity/captcha")).path("id").asText();
        body.put("captchaId", id);
        body.put("captchaAnswer", json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
        return body;
    }

    /** A made-up valid credit code: market registration (91), Shenzhen, GB 32100 check. */
    private static String creditCode() {
        StringBuilder b = new StringBuilder("91440300");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(CHARSET.charAt(r.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(b.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return b.append(CHARSET.charAt(check == 31 ? 0 : check)).toString();
    }
}
