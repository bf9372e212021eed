package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
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
 * Withdrawal (JX-10, core C-3): confirmed twice, told beforehand that nothing can be restored; the
 * line erases the members, assets, materials and the letter and keeps only the case's shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiWithdrawIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /**
     * JX-10: a submitted application withdrawn through the core: its JX_MEMBER, JX_ASSET and
     * JX_MATERIAL rows are gone, the application is 404, the case WITHDRAWN; a new one may be
     * opened.
     */
    @Test
    public void withdrawingErasesTheApplicationsData() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("蒋文", 1982);
        Applicant a = applicantAfterFace(p);
        String token = a.token();
        String id = a.id();
        fillDibao(token, id, p);
        // a car too, so that JX_ASSET has a row
        var withCar = noAssets().put("hasVehicle", true);
        withCar.withArray("vehicles")
                .addObject()
                .put("ownerName", p.name())
                .put("plateNumber", "赣A88888")
                .put("model", "五菱宏光")
                .put("valueFen", 3_000_000);
        saved(token, id, "assets", withCar);
        HttpResponse<String> submitted = submit(token, id, true);
        assertEquals(submitted.body(), 200, submitted.statusCode());
        assertTrue(rows("JX_MEMBER", id) > 0);
        assertTrue(rows("JX_ASSET", id) > 0);
        assertTrue(rows("JX_MATERIAL", id) > 0);

        withdraw(token, id);

        assertEquals(0, rows("JX_MEMBER", id));
        assertEquals(0, rows("JX_ASSET", id));
        assertEquals(0, rows("JX_MATERIAL", id));
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM JX_APPLICATION WHERE CASE_ID = ? AND ERASED_AT IS NOT"
                                + " NULL AND OPEN_ACCOUNT_ID IS NULL AND COMMITMENT_DOCUMENT_ID IS"
                                + " NULL AND HAS_VEHICLE IS NULL",
                        id));
        assertEquals(404, call("GET", app(id), token, null).statusCode());
        assertEquals(404, call("GET", API + "/cases/" + id, token, null).statusCode());
        assertEquals(
                "WITHDRAWN",
                json(call("GET", "/api/cases/" + id, token, null)).path("status").asText());

        // the citizen may apply again
        assertEquals(201, openResponse(token, opening(DONGHU)).statusCode());
    }

    /** JX-10: a draft withdrawn is erased the same way. */
    @Test
    public void withdrawingADraftErasesItToo() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("韩梅", 1994);
        Applicant a = applicantAfterFace(p);
        saved(a.token(), a.id(), "family", family(member("SELF", p, "UNMARRIED")));
        assertEquals(1, rows("JX_MEMBER", a.id()));
        withdraw(a.token(), a.id());
        assertEquals(0, rows("JX_MEMBER", a.id()));
        assertEquals(404, call("GET", app(a.id()), a.token(), null).statusCode());
        assertEquals(
                "WITHDRAWN",
                json(call("GET", "/api/cases/" + a.id(), a.token(), null)).path("status").asText());
    }

    private void withdraw(String token, String id) throws Exception {
        HttpResponse<String> asked = call("POST", "/api/cases/" + id + "/withdraw", token, null);
        assertEquals(asked.body(), 200, asked.statusCode());
        JsonNode notice = json(asked);
        assertTrue(asked.body(), notice.path("consequences").path("zh").asText().contains("无法恢复"));
        HttpResponse<String> done =
                call(
                        "POST",
                        "/api/cases/" + id + "/withdraw/confirm",
                        token,
                        JSON.createObjectNode()
                                .put(
                                        "confirmationToken",
                                        notice.path("confirmationToken").asText()));
        assertEquals(done.body(), 200, done.statusCode());
    }

    private long rows(String table, String caseId) throws Exception {
        return count(dataSource, "SELECT COUNT(*) FROM " + table + " WHERE CASE_ID = ?", caseId);
    }
}
