package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Electronic licences from the sandbox's simulated licence service: fetched for verified
 * citizens, fetched again (重新获取) without piling up, fetched for a co-applicant only with their
 * consent.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LicenceIT extends CitizenTestSupport {

    @Test
    public void aVerifiedCitizenFetchesAndRefreshesTheirIdCard() throws Exception {
        awaitLicences();
        Person p = new Person("王小明", Person.newIdNumber(), Person.newMobile());
        String unverified = registerAndLogin(Person.random());
        HttpResponse<String> refused = call("POST", "/api/licences/id-card", unverified, null);
        assertEquals(403, refused.statusCode());
        assertEquals(
                "urn:guangsha:problem:trust-level-required", json(refused).path("type").asText());

        String token = registerL2(p);
        HttpResponse<String> fetched = call("POST", "/api/licences/id-card", token, null);
        assertEquals(fetched.body(), 201, fetched.statusCode());
        JsonNode licence = json(fetched);
        assertEquals("id-card-licence", licence.path("kind").asText());
        assertEquals("licence:sandbox", licence.path("source").asText());
        assertEquals("application/pdf", licence.path("mediaType").asText());
        assertEquals("王**", licence.path("subjectName").asText());
        String text =
                pdfText(
                        bytes("/api/attachments/" + licence.path("id").asText() + "/content", token)
                                .body());
        assertTrue(text, text.contains("沙箱样本"));
        assertTrue(text, text.contains("王小明") && text.contains(p.idNumber()));

        // 重新获取: still exactly one ID-card licence, the newest
        HttpResponse<String> refreshed = call("POST", "/api/licences/id-card", token, null);
        assertTrue(
                refreshed.body(), refreshed.statusCode() == 200 || refreshed.statusCode() == 201);
        JsonNode list = json(call("GET", "/api/attachments?kind=id-card-licence", token, null));
        assertEquals(list.toString(), 1, list.size());
        assertEquals(json(refreshed).path("id").asText(), list.get(0).path("id").asText());

        assertEquals(404, call("POST", "/api/licences/passport", token, null).statusCode());
    }

    @Test
    public void aCoApplicantsLicenceNeedsTheirConsent() throws Exception {
        awaitLicences();
        Person applicant = new Person("李娜", Person.newIdNumber(), Person.newMobile());
        Person spouse = new Person("赵强", Person.newIdNumber(), Person.newMobile());
        String a = registerL2(applicant);
        String b = registerL2(spouse);

        JsonNode noConsent = JSON.createObjectNode().put("consentId", "no-such-consent");
        assertField(call("POST", "/api/licences/household-register", a, noConsent), "consentId");

        // the name must match the mobile: a mobile alone finds nobody
        assertField(
                call(
                        "POST",
                        "/api/licences/consents",
                        b,
                        JSON.createObjectNode()
                                .put("granteeName", "别人")
                                .put("granteeMobile", applicant.mobile())),
                "granteeMobile");
        HttpResponse<String> granted =
                call(
                        "POST",
                        "/api/licences/consents",
                        b,
                        JSON.createObjectNode()
                                .put("granteeName", applicant.name())
                                .put("granteeMobile", applicant.mobile()));
        assertEquals(granted.body(), 201, granted.statusCode());
        String consentId = json(granted).path("id").asText();
        assertEquals(
                consentId,
                json(call("GET", "/api/licences/consents", a, null))
                        .path("received")
                        .get(0)
                        .path("id")
                        .asText());

        HttpResponse<String> fetched =
                call(
                        "POST",
                        "/api/licences/household-register",
                        a,
                        JSON.createObjectNode().put("consentId", consentId));
        assertEquals(fetched.body(), 201, fetched.statusCode());
        assertEquals("赵*", json(fetched).path("subjectName").asText());
        String text =
                pdfText(
                        bytes(
                                        "/api/attachments/"
                                                + json(fetched).path("id").asText()
                                                + "/content",
                                        a)
                                .body());
        assertTrue(text, text.contains(spouse.idNumber()));

        // the applicant cannot revoke the spouse's consent; the spouse can, and then it is gone
        assertEquals(
                404, call("DELETE", "/api/licences/consents/" + consentId, a, null).statusCode());
        assertEquals(
                204, call("DELETE", "/api/licences/consents/" + consentId, b, null).statusCode());
        assertField(
                call(
                        "POST",
                        "/api/licences/household-register",
                        a,
                        JSON.createObjectNode().put("consentId", consentId)),
                "consentId");
    }

    @Test
    public void aPersonWithoutLicenceIsToldToUpload() throws Exception {
        awaitLicences();
        String token = registerL2(new Person("孙丽", Person.newIdNumber(999), Person.newMobile()));
        HttpResponse<String> r = call("POST", "/api/licences/id-card", token, null);
        assertEquals(r.body(), 404, r.statusCode());
        assertEquals("urn:guangsha:problem:licence-not-found", json(r).path("type").asText());
        assertTrue(json(r).path("title").asText().contains("上传"));
    }

    private void awaitLicences() throws Exception {
        awaitIdentity();
        String token = registerAndLogin(Person.random());
        await(
                "the sandbox licence service",
                () -> {
                    try {
                        return json(call("GET", "/api/licences/service", token, null))
                                .path("provider")
                                .path("id")
                                .asText()
                                .equals("sandbox");
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
