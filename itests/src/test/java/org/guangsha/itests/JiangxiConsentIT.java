package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * Consent and region (JX-2): without 同意授权 nothing is stored, the consent is for the agreement in
 * force, 取消授权 erases the drafts, the region is a county of Jiangxi confirmed a second time, and a
 * citizen holds one open application.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiConsentIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /** JX-2: no consent, no application: 409 consent-required and no row in JX_APPLICATION. */
    @Test
    public void withoutConsentNothingIsStored() throws Exception {
        awaitJiangxi();
        String token = registerL2(jiangxiPerson("周明", 1988));
        String account = accountId(token);

        JsonNode before = json(call("GET", API + "/consent", token, null));
        assertFalse(before.toString(), before.path("granted").asBoolean());
        assertProblem(openResponse(token, opening(DONGHU)), 409, "consent-required");
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE ACCOUNT_ID = ?",
                        account));
        assertEquals(
                0,
                count(dataSource, "SELECT COUNT(*) FROM JX_CONSENT WHERE ACCOUNT_ID = ?", account));
        assertEquals(0, json(call("GET", API + "/applications", token, null)).size());
    }

    /**
     * JX-2: 同意授权 stores the consent (JX_CONSENT) for the version read; another version is 409
     * agreement-changed; L1 citizens cannot consent.
     */
    @Test
    public void consentIsStoredForTheAgreementInForce() throws Exception {
        awaitJiangxi();
        String l1 = registerAndLogin(jiangxiPerson("吴芳", 1990));
        HttpResponse<String> low =
                call(
                        "POST",
                        API + "/consent",
                        l1,
                        JSON.createObjectNode().put("version", agreementVersion()));
        assertEquals(low.body(), 403, low.statusCode());

        String token = registerL2(jiangxiPerson("郑伟", 1985));
        String account = accountId(token);
        assertProblem(
                call(
                        "POST",
                        API + "/consent",
                        token,
                        JSON.createObjectNode().put("version", "1999.01")),
                409,
                "agreement-changed");
        assertEquals(
                0,
                count(dataSource, "SELECT COUNT(*) FROM JX_CONSENT WHERE ACCOUNT_ID = ?", account));

        JsonNode granted = consent(token);
        assertTrue(granted.path("granted").asBoolean());
        assertEquals(agreementVersion(), granted.path("version").asText());
        assertFalse(granted.path("grantedAt").asText().isEmpty());
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_CONSENT WHERE ACCOUNT_ID = ? AND AGREEMENT_VERSION"
                                + " = ?",
                        account,
                        agreementVersion()));
        JsonNode now = json(call("GET", API + "/consent", token, null));
        assertTrue(now.path("granted").asBoolean());
        assertEquals(agreementVersion(), now.path("version").asText());
    }

    /**
     * JX-2: 取消授权 is refused while an application is open (409 application-open, nothing lost); once
     * it is withdrawn (which erases it) the consent is revoked, its row gone, and a new application
     * needs a new consent.
     */
    @Test
    public void revokingTheConsentLeavesNothingBehind() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("孙丽", 1992);
        String token = registerL2(p);
        String account = accountId(token);
        consent(token);
        String id = open(token, DONGHU).path("id").asText();
        face(token, id);
        HttpResponse<String> draft =
                step(token, id, "family", family(member("SELF", p, "UNMARRIED")), true);
        assertEquals(draft.body(), 200, draft.statusCode());

        assertProblem(call("DELETE", API + "/consent", token, null), 409, "application-open");
        assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM JX_MEMBER WHERE CASE_ID = ?", id));
        assertTrue(json(call("GET", API + "/consent", token, null)).path("granted").asBoolean());

        // 放弃申请 erases the draft; then 取消授权 goes through
        JsonNode notice = json(call("POST", "/api/cases/" + id + "/withdraw", token, null));
        assertEquals(
                200,
                call(
                                "POST",
                                "/api/cases/" + id + "/withdraw/confirm",
                                token,
                                JSON.createObjectNode()
                                        .put(
                                                "confirmationToken",
                                                notice.path("confirmationToken").asText()))
                        .statusCode());
        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM JX_MEMBER WHERE CASE_ID = ?", id));
        HttpResponse<String> revoked = call("DELETE", API + "/consent", token, null);
        assertEquals(revoked.body(), 200, revoked.statusCode());
        assertFalse(json(revoked).path("granted").asBoolean());
        assertEquals(
                0,
                count(dataSource, "SELECT COUNT(*) FROM JX_CONSENT WHERE ACCOUNT_ID = ?", account));
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE OPEN_ACCOUNT_ID = ?",
                        account));
        assertEquals(404, call("GET", app(id), token, null).statusCode());
        assertProblem(openResponse(token, opening(DONGHU)), 409, "consent-required");
    }

    /**
     * JX-2: the region is a county or district under the province (not a Shenzhen district, not a
     * city, not the province), confirmed a second time.
     */
    @Test
    public void theRegionIsAJiangxiCountyConfirmedTwice() throws Exception {
        awaitJiangxi();
        String token = registerL2(jiangxiPerson("钱进", 1980));
        consent(token);

        assertField(openResponse(token, opening(FUTIAN)), "regionCode");
        assertField(openResponse(token, opening("360100")), "regionCode");
        assertField(openResponse(token, opening("360000")), "regionCode");
        assertField(openResponse(token, opening("369999")), "regionCode");
        assertField(openResponse(token, opening(null)), "regionCode");
        assertField(
                openResponse(token, opening(DONGHU).put("confirmRegion", false)), "confirmRegion");
        JsonNode unconfirmed = opening(DONGHU);
        ((com.fasterxml.jackson.databind.node.ObjectNode) unconfirmed).remove("confirmRegion");
        assertField(openResponse(token, unconfirmed), "confirmRegion");
        assertEquals(0, json(call("GET", API + "/applications", token, null)).size());

        JsonNode opened = open(token, DONGHU);
        assertEquals("DRAFT", opened.path("status").asText());
        assertEquals(DONGHU, opened.path("regionCode").asText());
        assertTrue(opened.toString(), opened.path("regionName").path("zh").asText().contains("东湖"));
        assertEquals("MOBILE", opened.path("channel").asText());
        assertFalse(opened.path("number").asText().isEmpty());
        assertEquals(
                "jiangxi-public-rental",
                json(call("GET", "/api/cases/" + opened.path("id").asText(), token, null))
                        .path("typeId")
                        .asText());
    }

    /** JX-2: one open application per citizen: 409 application-exists naming it. */
    @Test
    public void aCitizenHoldsOneOpenApplication() throws Exception {
        awaitJiangxi();
        String token = registerL2(jiangxiPerson("冯涛", 1979));
        consent(token);
        String id = open(token, DONGHU).path("id").asText();
        HttpResponse<String> again = openResponse(token, opening(XIHU));
        assertProblem(again, 409, "application-exists");
        assertEquals(id, json(again).path("detail").asText());
        JsonNode mine = json(call("GET", API + "/applications", token, null));
        assertEquals(1, mine.size());
        assertEquals(id, mine.get(0).path("id").asText());
    }
}
