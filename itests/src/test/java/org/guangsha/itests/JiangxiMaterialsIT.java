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
 * Materials (JX-8): the ID card and the household register by electronic licence, the rest
 * uploaded, earlier uploads reused; only the applicant's own files, of a kind the material takes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiMaterialsIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /**
     * JX-8: the ID card licence fetched through the core, then filed for the applicant; the 低保证
     * uploaded through the line; an earlier upload of the household register reused.
     */
    @Test
    public void licencesUploadsAndEarlierFilesFillTheChecklist() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("曾静", 1984);
        Applicant a = applicantAfterFace(p);
        String token = a.token();
        String id = a.id();
        saved(token, id, "type", type("SUBSIDY", "dibao"));
        String self =
                saved(token, id, "family", family(member("SELF", p, "UNMARRIED")))
                        .path("family")
                        .path("applicant")
                        .path("id")
                        .asText();

        JsonNode before = materials(token, id);
        JsonNode idCard = items(before, "id-card").get(0);
        assertEquals("ID_CARD", idCard.path("licence").asText());
        assertEquals(self, idCard.path("memberId").asText());
        assertFalse(idCard.path("satisfied").asBoolean());
        assertEquals(
                "HOUSEHOLD_REGISTER",
                items(before, "household-register").get(0).path("licence").asText());

        // the electronic licence, fetched through the core and filed here
        String licence = licence(token, "id-card");
        HttpResponse<String> filed = file(token, id, "id-card", licence, self);
        assertEquals(filed.body(), 200, filed.statusCode());
        JsonNode item = items(json(filed), "id-card").get(0);
        assertTrue(item.path("satisfied").asBoolean());
        assertEquals(licence, item.path("attachments").get(0).path("id").asText());
        assertEquals("licence:sandbox", item.path("attachments").get(0).path("source").asText());

        // an upload through the line
        HttpResponse<String> uploaded = uploadMaterial(token, id, "dibao-certificate", null, null);
        assertEquals(uploaded.body(), 200, uploaded.statusCode());
        JsonNode dibao = items(json(uploaded), "dibao-certificate").get(0);
        assertTrue(dibao.path("satisfied").asBoolean());
        assertEquals("dibao-certificate", dibao.path("attachments").get(0).path("kind").asText());
        String dibaoFile = dibao.path("attachments").get(0).path("id").asText();
        assertEquals(200, call("GET", "/api/attachments/" + dibaoFile, token, null).statusCode());

        // an earlier upload (made before, for anything) reused
        String earlier = upload(token, "household-register");
        HttpResponse<String> reused = file(token, id, "household-register", earlier, null);
        assertEquals(reused.body(), 200, reused.statusCode());
        assertTrue(items(json(reused), "household-register").get(0).path("satisfied").asBoolean());
        assertEquals(
                3, count(dataSource, "SELECT COUNT(*) FROM JX_MATERIAL WHERE CASE_ID = ?", id));

        // taken off again: no longer satisfied
        HttpResponse<String> off =
                call("DELETE", app(id) + "/materials/household-register/" + earlier, token, null);
        assertEquals(off.body(), 200, off.statusCode());
        assertFalse(items(json(off), "household-register").get(0).path("satisfied").asBoolean());
        assertEquals(
                2, count(dataSource, "SELECT COUNT(*) FROM JX_MATERIAL WHERE CASE_ID = ?", id));
        // the file itself is still the citizen's, to reuse
        assertEquals(200, call("GET", "/api/attachments/" + earlier, token, null).statusCode());

        // the back of the ID card, uploaded with a kind the material takes
        HttpResponse<String> back = uploadMaterial(token, id, "id-card", self, "id-card-back");
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals(2, items(json(back), "id-card").get(0).path("attachments").size());
    }

    /**
     * JX-8: another citizen's attachment is 404; a file of a kind the material does not take, an
     * unknown member and an unknown material are refused.
     */
    @Test
    public void onlyTheApplicantsOwnFilesOfTheRightKind() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("彭磊", 1979);
        Applicant a = applicantAfterFace(p);
        String token = a.token();
        String id = a.id();
        saved(token, id, "type", type("IN_KIND", "dibao"));
        String self =
                saved(token, id, "family", family(member("SELF", p, "UNMARRIED")))
                        .path("family")
                        .path("applicant")
                        .path("id")
                        .asText();

        String stranger = registerL2(jiangxiPerson("陌生人", 1975));
        String theirs = upload(stranger, "dibao-certificate");
        assertEquals(404, file(token, id, "dibao-certificate", theirs, null).statusCode());
        assertEquals(404, file(token, id, "dibao-certificate", "no-such-file", null).statusCode());
        assertEquals(
                0, count(dataSource, "SELECT COUNT(*) FROM JX_MATERIAL WHERE CASE_ID = ?", id));

        String dibao = upload(token, "dibao-certificate");
        assertField(file(token, id, "household-register", dibao, null), "attachmentId");
        assertField(
                file(token, id, "id-card", licence(token, "id-card"), "no-such-member"),
                "memberId");
        assertEquals(404, file(token, id, "no-such-material", dibao, null).statusCode());
        // the stranger cannot see or fill this checklist
        assertEquals(404, call("GET", app(id) + "/materials", stranger, null).statusCode());
        assertEquals(404, file(stranger, id, "dibao-certificate", theirs, null).statusCode());
        assertEquals(
                404, uploadMaterial(stranger, id, "dibao-certificate", null, null).statusCode());

        assertEquals(200, file(token, id, "dibao-certificate", dibao, null).statusCode());
        assertEquals(200, file(token, id, "id-card", licence(token, "id-card"), self).statusCode());
    }
}
