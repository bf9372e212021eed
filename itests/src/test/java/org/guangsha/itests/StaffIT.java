package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Operators create caseworkers (shell and REST), list every staff account and disable or enable
 * them; a caseworker acts only in its region; the region tree ships with Shenzhen's districts and
 * Jiangxi's counties.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StaffIT extends CitizenTestSupport {

    @Inject SessionFactory sessions;

    @Test
    public void regionTreeIsSeeded() throws Exception {
        await("regions", () -> statusOf("/api/platform/regions") == 200);
        String tree = get("/api/platform/regions").body();
        assertTrue(tree.contains("\"440304\"") && tree.contains("福田区"));
        assertTrue(tree.contains("\"360100\"") && tree.contains("南昌市"));
        assertTrue(tree.contains("\"360781\"") && tree.contains("瑞金市"));
    }

    @Test
    public void aCaseworkerOfOneDistrictCannotActInAnother() throws Exception {
        await("captcha", () -> statusOf("/api/identity/captcha") == 200);
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String operator = "op" + suffix;
        String out =
                execute(
                        sessions,
                        "guangsha:staff-add --password Operator#2026 "
                                + operator
                                + " 运维一 OPERATOR");
        assertTrue(out, out.contains("Created OPERATOR " + operator));
        String op = login(operator, "Operator#2026");

        assertEquals(201, createStaff(op, "ft" + suffix, "CASEWORKER", "440304").statusCode());
        assertEquals(201, createStaff(op, "ns" + suffix, "CASEWORKER", "440305").statusCode());
        assertField(createStaff(op, "xx" + suffix, "CASEWORKER", "999999"), "regionCode");
        assertEquals(409, createStaff(op, "ft" + suffix, "CASEWORKER", "440304").statusCode());

        String futian = login("ft" + suffix, "Caseworker#2026");
        HttpResponse<String> own = call("GET", "/api/identity/staff?region=440304", futian, null);
        assertEquals(own.body(), 200, own.statusCode());
        assertTrue(own.body().contains("ft" + suffix));
        HttpResponse<String> other = call("GET", "/api/identity/staff?region=440305", futian, null);
        assertEquals(403, other.statusCode());
        assertEquals("urn:guangsha:problem:out-of-region", json(other).path("type").asText());
        assertEquals(200, call("GET", "/api/identity/staff?region=440305", op, null).statusCode());

        // A caseworker cannot create staff; a citizen cannot reach staff endpoints at all.
        assertEquals(403, createStaff(futian, "zz" + suffix, "CASEWORKER", "440304").statusCode());
        String citizen = registerAndLogin(Person.random());
        HttpResponse<String> refused =
                call("GET", "/api/identity/staff?region=440304", citizen, null);
        assertEquals(
                "urn:guangsha:problem:wrong-account-kind", json(refused).path("type").asText());
        JsonNode me = json(call("GET", "/api/identity/me", futian, null));
        assertEquals("L3", me.path("trustLevel").asText());

        // At the counter: find the citizen by ID card (masked) and record the in-person check.
        Person p = Person.random();
        String citizenToken = registerAndLogin(p);
        JsonNode found =
                json(call("GET", "/api/identity/citizens?idNumber=" + p.idNumber(), futian, null));
        assertEquals("张*", found.path("name").asText());
        assertEquals("L1", found.path("trustLevel").asText());
        String path =
                "/api/identity/citizens/" + found.path("id").asText() + "/in-person-verification";
        assertEquals(403, call("POST", path, citizenToken, null).statusCode());
        HttpResponse<String> inPerson = call("POST", path, futian, null);
        assertEquals(inPerson.body(), 200, inPerson.statusCode());
        assertEquals("L3", json(inPerson).path("trustLevel").asText());
        assertEquals(
                "L3",
                json(call("GET", "/api/identity/me", citizenToken, null))
                        .path("trustLevel")
                        .asText());
    }

    @Test
    public void operatorsListAllStaffAndDisableAndEnableThem() throws Exception {
        await("captcha", () -> statusOf("/api/identity/captcha") == 200);
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String operator = "op" + suffix;
        String out =
                execute(
                        sessions,
                        "guangsha:staff-add --password Operator#2026 "
                                + operator
                                + " 运维二 OPERATOR");
        assertTrue(out, out.contains("Created OPERATOR " + operator));
        String op = login(operator, "Operator#2026");
        String opId = json(call("GET", "/api/identity/me", op, null)).path("id").asText();
        HttpResponse<String> created = createStaff(op, "ft" + suffix, "CASEWORKER", "440304");
        assertEquals(created.body(), 201, created.statusCode());
        String ftId = json(created).path("id").asText();
        assertFalse(json(created).path("disabled").asBoolean());
        assertEquals(201, createStaff(op, "ns" + suffix, "CASEWORKER", "440305").statusCode());

        // no region: an operator sees every staff account, a caseworker those of its region
        HttpResponse<String> all = call("GET", "/api/identity/staff", op, null);
        assertEquals(all.body(), 200, all.statusCode());
        assertTrue(all.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonNode ft = byUsername(json(all), "ft" + suffix);
        assertEquals("CASEWORKER", ft.path("role").asText());
        assertEquals("440304", ft.path("regionCode").asText());
        assertNotNull(byUsername(json(all), "ns" + suffix));
        assertFalse(byUsername(json(all), operator).hasNonNull("regionCode"));
        String futian = login("ft" + suffix, "Caseworker#2026");
        JsonNode own = json(call("GET", "/api/identity/staff", futian, null));
        assertNotNull(byUsername(own, "ft" + suffix));
        assertNull(byUsername(own, "ns" + suffix));
        assertNull(byUsername(own, operator));

        // only operators disable; not themselves; only staff accounts
        String disable = "/api/identity/staff/" + ftId + "/disable";
        assertEquals(403, call("POST", disable, futian, null).statusCode());
        String citizen = registerAndLogin(Person.random());
        assertEquals(403, call("POST", disable, citizen, null).statusCode());
        HttpResponse<String> self =
                call("POST", "/api/identity/staff/" + opId + "/disable", op, null);
        assertEquals(409, self.statusCode());
        assertEquals("urn:guangsha:problem:own-account", json(self).path("type").asText());
        String citizenId = json(call("GET", "/api/identity/me", citizen, null)).path("id").asText();
        assertEquals(
                404,
                call("POST", "/api/identity/staff/" + citizenId + "/disable", op, null)
                        .statusCode());

        // disabled: its login ends at once and it cannot log in again
        HttpResponse<String> disabled = call("POST", disable, op, null);
        assertEquals(disabled.body(), 200, disabled.statusCode());
        assertTrue(json(disabled).path("disabled").asBoolean());
        assertTrue(json(disabled).path("disabledAt").asText().endsWith("+08:00"));
        HttpResponse<String> dead = call("GET", "/api/identity/me", futian, null);
        assertEquals(401, dead.statusCode());
        assertEquals("urn:guangsha:problem:invalid-token", json(dead).path("type").asText());
        HttpResponse<String> refused = loginResponse("ft" + suffix, "Caseworker#2026");
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("urn:guangsha:problem:account-disabled", json(refused).path("type").asText());
        assertEquals(401, loginResponse("ft" + suffix, "Wrong#2026guangsha").statusCode());
        assertTrue(
                byUsername(json(call("GET", "/api/identity/staff", op, null)), "ft" + suffix)
                        .path("disabled")
                        .asBoolean());

        // enabled: it logs in afresh; the login it had stays ended
        HttpResponse<String> enabled =
                call("POST", "/api/identity/staff/" + ftId + "/enable", op, null);
        assertEquals(enabled.body(), 200, enabled.statusCode());
        assertFalse(json(enabled).path("disabled").asBoolean());
        assertFalse(json(enabled).hasNonNull("disabledAt"));
        assertEquals(401, call("GET", "/api/identity/me", futian, null).statusCode());
        String again = login("ft" + suffix, "Caseworker#2026");
        assertEquals(200, call("GET", "/api/identity/me", again, null).statusCode());

        // both are in the audit trail with the operator as actor
        JsonNode audit =
                json(
                        call(
                                "GET",
                                "/api/audit?action=staff.*&actor=" + opId + "&size=200",
                                op,
                                null));
        List<String> actions = new ArrayList<>();
        audit.path("items")
                .forEach(
                        i -> {
                            if (("account:" + ftId).equals(i.path("target").asText())) {
                                actions.add(i.path("action").asText());
                            }
                        });
        assertEquals(List.of("staff.enabled", "staff.disabled", "staff.created"), actions);
    }

    private static JsonNode byUsername(JsonNode staff, String username) {
        for (JsonNode s : staff) {
            if (username.equals(s.path("username").asText())) {
                return s;
            }
        }
        return null;
    }

    /**
     * JX-1 at the counter: 东湖区's caseworker opens an L3 account for a citizen who has none; the
     * citizen is told by SMS and sets a password with the SMS reset; citizens and L1 users cannot;
     * a taken ID number or mobile is 409 naming it; audited.
     */
    @Test
    public void aCaseworkerOpensAnAccountAtTheCounter() throws Exception {
        awaitDemoAccounts();
        String donghu = login("donghu-county", "Demo@2026");
        Person p = new Person("王秀英", Person.newIdNumber(), Person.newMobile());
        ObjectNode body =
                JSON.createObjectNode()
                        .put("name", p.name())
                        .put("idNumber", p.idNumber())
                        .put("mobile", p.mobile());

        // citizens (L2 张三, L1 李四) and anonymous callers cannot open accounts
        assertEquals(
                403,
                call("POST", "/api/identity/citizens", login("13800000001", "Demo@2026"), body)
                        .statusCode());
        assertEquals(
                403,
                call("POST", "/api/identity/citizens", login("13800000002", "Demo@2026"), body)
                        .statusCode());
        assertEquals(401, call("POST", "/api/identity/citizens", null, body).statusCode());
        assertEquals(
                404,
                call("GET", "/api/identity/citizens?idNumber=" + p.idNumber(), donghu, null)
                        .statusCode());

        HttpResponse<String> created = call("POST", "/api/identity/citizens", donghu, body);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode view = json(created);
        String id = view.path("id").asText();
        assertEquals("王**", view.path("name").asText());
        assertEquals("L3", view.path("trustLevel").asText());
        assertFalse(created.body(), created.body().contains(p.idNumber()));
        assertFalse(created.body(), created.body().contains(p.mobile()));
        assertTrue(created.body(), !created.body().contains("password"));

        // found with the ID card afterwards, masked
        JsonNode found =
                json(call("GET", "/api/identity/citizens?idNumber=" + p.idNumber(), donghu, null));
        assertEquals(id, found.path("id").asText());
        assertEquals("L3", found.path("trustLevel").asText());

        // taken keys: 409 naming them; rules of self-registration: 400 naming the field
        HttpResponse<String> again = call("POST", "/api/identity/citizens", donghu, body);
        assertEquals(409, again.statusCode());
        assertEquals("idNumber", json(again).path("errors").get(0).path("field").asText());
        assertEquals("mobile", json(again).path("errors").get(1).path("field").asText());
        ObjectNode sameMobile = body.deepCopy().put("idNumber", Person.newIdNumber());
        HttpResponse<String> mobileTaken =
                call("POST", "/api/identity/citizens", donghu, sameMobile);
        assertEquals(409, mobileTaken.statusCode());
        assertEquals(1, json(mobileTaken).path("errors").size());
        assertEquals("mobile", json(mobileTaken).path("errors").get(0).path("field").asText());
        String badCheck = p.idNumber().substring(0, 17) + (p.idNumber().endsWith("1") ? "2" : "1");
        assertField(
                call(
                        "POST",
                        "/api/identity/citizens",
                        donghu,
                        body.deepCopy()
                                .put("idNumber", badCheck)
                                .put("mobile", Person.newMobile())),
                "idNumber");

        // the citizen was told by SMS, then sets a password with the SMS reset and logs in at L3
        JsonNode outbox = json(get("/api/sandbox/sms/" + p.mobile()));
        assertEquals(outbox.toString(), 1, outbox.size());
        String told = outbox.get(0).path("text").asText();
        assertTrue(told, told.contains("账号已开通") && told.contains("忘记密码"));
        assertFalse(told, told.contains(p.idNumber()));
        String captcha = json(get("/api/identity/captcha")).path("id").asText();
        ObjectNode codeRequest =
                JSON.createObjectNode()
                        .put("mobile", p.mobile())
                        .put("captchaId", captcha)
                        .put(
                                "captchaAnswer",
                                json(get("/api/sandbox/captcha/" + captcha))
                                        .path("answer")
                                        .asText());
        assertEquals(
                202,
                call("POST", "/api/identity/password-reset/code", null, codeRequest).statusCode());
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("验证码(\\d{6})")
                        .matcher(json(get("/api/sandbox/sms/" + p.mobile())).toString());
        assertTrue(code.find());
        ObjectNode reset =
                JSON.createObjectNode()
                        .put("mobile", p.mobile())
                        .put("code", code.group(1))
                        .put("newPassword", "Wang#2026xiu");
        assertEquals(204, call("POST", "/api/identity/password-reset", null, reset).statusCode());
        JsonNode me =
                json(call("GET", "/api/identity/me", login(p.mobile(), "Wang#2026xiu"), null));
        assertEquals(id, me.path("id").asText());
        assertEquals("L3", me.path("trustLevel").asText());

        // audited: the caseworker acted on the new account, details masked
        String donghuId = json(call("GET", "/api/identity/me", donghu, null)).path("id").asText();
        JsonNode audit =
                json(
                        call(
                                "GET",
                                "/api/audit?action=account.counter-registered&size=200",
                                login("operator", "Demo@2026"),
                                null));
        JsonNode entry = null;
        for (JsonNode item : audit.path("items")) {
            if (("account:" + id).equals(item.path("target").asText())) {
                entry = item;
            }
        }
        assertNotNull(audit.toString(), entry);
        assertEquals(donghuId, entry.path("actorId").asText());
        assertFalse(entry.toString(), entry.toString().contains(p.idNumber()));
        assertFalse(entry.toString(), entry.toString().contains(p.mobile()));
        assertTrue(entry.toString(), entry.path("detail").asText().contains("trustLevel=L3"));
    }

    private void awaitDemoAccounts() throws InterruptedException {
        await(
                "the demo accounts are seeded and the sandbox outbox answers",
                () -> {
                    try {
                        return loginResponse("donghu-county", "Demo@2026").statusCode() == 200
                                && statusOf("/api/sandbox/sms/13800000000") == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    @Test
    public void theDocumentedSandboxDemoAccountsCanLogIn() throws Exception {
        await(
                "the demo accounts are seeded (in the background)",
                () -> {
                    try {
                        return loginResponse("operator", "Demo@2026").statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
        JsonNode zhang =
                json(call("GET", "/api/identity/me", login("13800000001", "Demo@2026"), null));
        assertEquals("张三", zhang.path("name").asText());
        assertEquals("L2", zhang.path("trustLevel").asText());
        JsonNode li =
                json(call("GET", "/api/identity/me", login("13800000002", "Demo@2026"), null));
        assertEquals("L1", li.path("trustLevel").asText());
        for (String[] staff :
                new String[][] {
                    {"futian-district", "CASEWORKER"},
                    {"nanshan-district", "CASEWORKER"},
                    {"shenzhen-city", "CASEWORKER"},
                    {"donghu-county", "CASEWORKER"},
                    {"nanchang-city", "CASEWORKER"},
                    {"operator", "OPERATOR"}
                }) {
            JsonNode me = json(call("GET", "/api/identity/me", login(staff[0], "Demo@2026"), null));
            assertEquals(staff[0], "STAFF", me.path("kind").asText());
            assertTrue(staff[0], me.path("roles").toString().contains(staff[1]));
        }
        ObjectNode org =
                JSON.createObjectNode()
                        .put("creditCode", "91440300MA5G20260T")
                        .put("password", "Demo@2026");
        String id = json(get("/api/identity/captcha")).path("id").asText();
        org.put("captchaId", id)
                .put(
                        "captchaAnswer",
                        json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
        HttpResponse<String> orgLogin = post("/api/identity/organizations/login", org);
        assertEquals(orgLogin.body(), 200, orgLogin.statusCode());
    }

    private HttpResponse<String> createStaff(
            String token, String username, String role, String region) throws Exception {
        ObjectNode body =
                JSON.createObjectNode()
                        .put("username", username)
                        .put("name", "工作人员")
                        .put("password", "Caseworker#2026")
                        .put("role", role)
                        .put("regionCode", region);
        return call("POST", "/api/identity/staff", token, body);
    }
}
