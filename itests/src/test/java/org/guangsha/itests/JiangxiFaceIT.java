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
 * The face check before the form (JX-3): every step is refused before it; only a passed face
 * session of the applicant for this application counts, and only once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class JiangxiFaceIT extends JiangxiTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    /** JX-3: before the face check every step, the letter and the materials are 409. */
    @Test
    public void noStepBeforeTheFaceCheck() throws Exception {
        awaitJiangxi();
        Person p = jiangxiPerson("陈静", 1991);
        String token = registerL2(p);
        consent(token);
        JsonNode opened = open(token, DONGHU);
        String id = opened.path("id").asText();
        assertTrue(
                opened.path("faceVerifiedAt").isNull()
                        || opened.path("faceVerifiedAt").isMissingNode());

        assertProblem(
                step(token, id, "type", type("IN_KIND", "dibao"), true),
                409,
                "face-check-required");
        assertProblem(
                step(token, id, "type", type("IN_KIND", "dibao"), false),
                409,
                "face-check-required");
        assertProblem(
                step(token, id, "family", family(member("SELF", p, "UNMARRIED")), true),
                409,
                "face-check-required");
        assertProblem(step(token, id, "assets", noAssets(), false), 409, "face-check-required");
        assertProblem(
                call("POST", app(id) + "/commitment/signature", token, signaturePad()),
                409,
                "face-check-required");
        // submission lists the missing face check with everything else
        assertNames(submit(token, id, true), "face");

        JsonNode passed = face(token, id);
        assertFalse(passed.path("faceVerifiedAt").asText().isEmpty());
        assertEquals(200, step(token, id, "type", type("IN_KIND", "dibao"), false).statusCode());
    }

    /**
     * JX-3: a session for another purpose, a failed or pending one, another account's, or one
     * already consumed is 400 naming sessionId.
     */
    @Test
    public void onlyTheApplicantsPassedSessionForThisApplicationCounts() throws Exception {
        awaitJiangxi();
        String token = registerL2(jiangxiPerson("林峰", 1987));
        consent(token);
        String id = open(token, DONGHU).path("id").asText();

        assertField(faceResponse(token, id, passedFaceSession(token, "verify")), "sessionId");
        assertField(faceResponse(token, id, passedFaceSession(token, "apply:other")), "sessionId");
        assertField(faceResponse(token, id, "no-such-session"), "sessionId");

        // a session the phone failed, and one never completed
        HttpResponse<String> created =
                call(
                        "POST",
                        "/api/identity/face-sessions",
                        token,
                        JSON.createObjectNode().put("purpose", "apply:" + id));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode s = json(created);
        assertField(faceResponse(token, id, s.path("id").asText()), "sessionId");
        String qr = s.path("qr").asText();
        complete(s.path("id").asText(), qr.substring(qr.indexOf("?k=") + 3), false);
        assertField(faceResponse(token, id, s.path("id").asText()), "sessionId");

        // another citizen's passed session for this very purpose
        String other = registerL2(jiangxiPerson("林峰", 1988));
        String theirs = passedFaceSession(other, "apply:" + id);
        assertField(faceResponse(token, id, theirs), "sessionId");
        // and the other citizen cannot touch this application at all
        assertEquals(404, faceResponse(other, id, theirs).statusCode());

        String mine = passedFaceSession(token, "apply:" + id);
        HttpResponse<String> ok = faceResponse(token, id, mine);
        assertEquals(ok.body(), 200, ok.statusCode());
        assertFalse(json(ok).path("faceVerifiedAt").asText().isEmpty());
        // consumed: used up in the core, so it cannot open a step of anything else
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM PLT_FACE_SESSION WHERE ID = ? AND CONSUMED_AT IS NOT"
                                + " NULL",
                        mine));
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM PLT_FACE_SESSION WHERE ID = ? AND CONSUMED_AT IS NOT"
                                + " NULL",
                        theirs));
    }
}
