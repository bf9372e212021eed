package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.guangsha.platform.identity.ResidentIdNumber;

/**
 * Base of the Jiangxi application line's tests (rules JX-1 … JX-10): Jiangxi citizens with valid
 * made-up ID numbers, the line's REST calls (consent, opening, face check, the four steps,
 * materials, submit) with complete and valid bodies to vary, the demo caseworkers, and reading the
 * line's tables. Only REST and JDBC: the shared probe must not import the line's classes, which
 * other tests uninstall.
 */
public abstract class JiangxiTestSupport extends CitizenTestSupport {

    protected static final String API = "/api/jiangxi";
    protected static final String DEMO_PASSWORD = "Demo@2026";

    /** 南昌市东湖区, the county of the demo caseworker {@code donghu-county}. */
    protected static final String DONGHU = "360102";

    /** 南昌市西湖区: under the same city, another county. */
    protected static final String XIHU = "360103";

    /** 深圳市福田区: a district outside the province. */
    protected static final String FUTIAN = "440304";

    protected static final String PROBLEM = "urn:guangsha:problem:";

    private final HttpClient http = HttpClient.newHttpClient();

    /** A made-up person registered in 南昌市东湖区 (the ID number's region), born in {@code year}. */
    protected static Person jiangxiPerson(String name, int year) {
        return new Person(name, jiangxiIdNumber(year), Person.newMobile());
    }

    /** A valid made-up ID number of 东湖区 born in {@code year}; never sequence 999 (no licence). */
    protected static String jiangxiIdNumber(int year) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return ResidentIdNumber.withCheckCharacter(
                String.format(
                        "%s%04d%02d%02d%03d",
                        DONGHU, year, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(999)));
    }

    /** {@code valid} with a wrong check character. */
    protected static String withWrongCheckCharacter(String valid) {
        char check = valid.charAt(17);
        return valid.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    /** Logs a demo account in once the sandbox has created it (a few seconds after start). */
    protected String demoLogin(String account) throws Exception {
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

    /** Waits until identity, the sandbox and the line's guide answer. */
    protected void awaitJiangxi() throws InterruptedException {
        awaitIdentity();
        await("the Jiangxi line answers", () -> statusOf(API + "/guide") == 200);
    }

    /** The version of the privacy agreement now in force (GET /guide). */
    protected String agreementVersion() throws Exception {
        HttpResponse<String> r = call("GET", API + "/guide", null, null);
        assertEquals(r.body(), 200, r.statusCode());
        String version = json(r).path("agreement").path("version").asText();
        assertTrue(r.body(), !version.isEmpty());
        return version;
    }

    /** 同意授权 with the agreement now in force; the answer. */
    protected JsonNode consent(String token) throws Exception {
        HttpResponse<String> r =
                call(
                        "POST",
                        API + "/consent",
                        token,
                        JSON.createObjectNode().put("version", agreementVersion()));
        assertEquals(r.body(), 201, r.statusCode());
        return json(r);
    }

    protected static ObjectNode opening(String regionCode) {
        return JSON.createObjectNode()
                .put("regionCode", regionCode)
                .put("confirmRegion", true)
                .put("channel", "MOBILE");
    }

    protected HttpResponse<String> openResponse(String token, JsonNode body) throws Exception {
        return call("POST", API + "/applications", token, body);
    }

    /** Opens an application in {@code regionCode} (consent given before); the Application. */
    protected JsonNode open(String token, String regionCode) throws Exception {
        HttpResponse<String> r = openResponse(token, opening(regionCode));
        assertEquals(r.body(), 201, r.statusCode());
        return json(r);
    }

    /** Passes the face check for application {@code id} through the sandbox's phone page. */
    protected JsonNode face(String token, String id) throws Exception {
        HttpResponse<String> r = faceResponse(token, id, passedFaceSession(token, "apply:" + id));
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    protected HttpResponse<String> faceResponse(String token, String id, String sessionId)
            throws Exception {
        return call(
                "POST",
                app(id) + "/face",
                token,
                JSON.createObjectNode().put("sessionId", sessionId));
    }

    /** A registered L2 Jiangxi citizen with consent, an application in 东湖区 and the face check. */
    protected Applicant applicantAfterFace(Person p) throws Exception {
        String token = registerL2(p);
        consent(token);
        String id = open(token, DONGHU).path("id").asText();
        face(token, id);
        return new Applicant(p, token, id);
    }

    protected static String app(String id) {
        return API + "/applications/" + id;
    }

    /** {@code PUT …/{step}}, as a draft (暂存) or complete. */
    protected HttpResponse<String> step(
            String token, String id, String step, JsonNode body, boolean draft) throws Exception {
        return call("PUT", app(id) + "/" + step + (draft ? "?draft=true" : ""), token, body);
    }

    /** A complete step saved; the Application. */
    protected JsonNode saved(String token, String id, String step, JsonNode body) throws Exception {
        HttpResponse<String> r = step(token, id, step, body, false);
        assertEquals(step + ": " + r.body(), 200, r.statusCode());
        return json(r);
    }

    protected static ObjectNode type(String applicationType, String category) {
        return JSON.createObjectNode()
                .put("applicationType", applicationType)
                .put("categoryCode", category);
    }

    /** A family member with every field filled and valid. */
    protected static ObjectNode member(String relation, Person p, String maritalStatus) {
        ObjectNode m =
                JSON.createObjectNode()
                        .put("relation", relation)
                        .put("name", p.name())
                        .put("idNumber", p.idNumber())
                        .put("mobile", p.mobile())
                        .put("maritalStatus", maritalStatus);
        m.putObject("employment")
                .put("status", "EMPLOYED")
                .put("employer", "南昌市公交运输集团有限责任公司")
                .put("occupation", "驾驶员")
                .put("monthlyIncomeFen", 320000);
        m.putObject("residence")
                .put("hukouType", "LOCAL_URBAN")
                .put("hukouAddress", "江西省南昌市东湖区八一大道100号")
                .put("currentAddress", "江西省南昌市东湖区阳明路20号3栋201室")
                .put("housingSituation", "RENTING")
                .put("livingAreaM2", 15.5)
                .put("residentSince", "2018-03");
        return m;
    }

    /** A minor child: no income, a student. */
    protected static ObjectNode child(Person p) {
        ObjectNode m = member("CHILD", p, "UNMARRIED");
        m.remove("mobile");
        ((ObjectNode) m.get("employment"))
                .put("status", "STUDENT")
                .put("monthlyIncomeFen", 0)
                .remove(List.of("employer", "occupation"));
        return m;
    }

    /** The family step: the applicant (relation SELF) and the co-applicants. */
    protected static ObjectNode family(ObjectNode applicant, ObjectNode... members) {
        ObjectNode f = JSON.createObjectNode();
        f.set("applicant", applicant);
        ArrayNode list = f.putArray("members");
        for (ObjectNode m : members) {
            list.add(m);
        }
        return f;
    }

    /** The assets step, every answer no and nothing in the bank. */
    protected static ObjectNode noAssets() {
        ObjectNode a = JSON.createObjectNode();
        a.put("hasVehicle", false).putArray("vehicles");
        a.put("hasRealEstate", false).putArray("realEstates");
        a.put("hasBusiness", false).putArray("businesses");
        a.put("depositsFen", 1_200_000).put("securitiesFen", 0);
        return a;
    }

    /** Signs the commitment letter on screen; the Application. */
    protected JsonNode signCommitment(String token, String id) throws Exception {
        HttpResponse<String> r =
                call("POST", app(id) + "/commitment/signature", token, signaturePad());
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    /** Uploads a small PNG as the caller's attachment of {@code kind}; its id. */
    protected String upload(String token, String kind) throws Exception {
        HttpResponse<byte[]> r =
                multipart(
                        "POST",
                        "/api/attachments",
                        token,
                        kind,
                        kind + ".png",
                        "image/png",
                        png(kind));
        assertTrue(
                new String(r.body(), StandardCharsets.UTF_8),
                r.statusCode() == 201 || r.statusCode() == 200);
        return json(r.body()).path("id").asText();
    }

    /** A PNG that differs by {@code seed} (the store keeps one file per content and kind). */
    protected static byte[] png(String seed) throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        image.setRGB(7, 7, seed.hashCode() & 0xffffff);
        image.setRGB(9, 9, ThreadLocalRandom.current().nextInt(0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** {@code POST …/materials/{code}} with an attachment of the applicant. */
    protected HttpResponse<String> file(
            String token, String id, String code, String attachmentId, String memberId)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("attachmentId", attachmentId);
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        return call("POST", app(id) + "/materials/" + code, token, body);
    }

    /** {@code POST …/materials/{code}/upload}: multipart {@code file}, {@code memberId?}. */
    protected HttpResponse<String> uploadMaterial(
            String token, String id, String code, String memberId, String kind) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        if (memberId != null) {
            fields.put("memberId", memberId);
        }
        if (kind != null) {
            fields.put("kind", kind);
        }
        return multipartForm(
                app(id) + "/materials/" + code + "/upload",
                token,
                fields,
                code + ".png",
                "image/png",
                png(code));
    }

    /** A multipart/form-data POST with text fields and one {@code file} part, as text. */
    protected HttpResponse<String> multipartForm(
            String path,
            String token,
            Map<String, String> fields,
            String fileName,
            String contentType,
            byte[] content)
            throws Exception {
        return multipart(
                "POST",
                path,
                token,
                fields,
                fileName,
                contentType,
                content,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The checklist's items for {@code code} (one per member for per-member materials). */
    protected static List<JsonNode> items(JsonNode checklist, String code) {
        List<JsonNode> found = new ArrayList<>();
        checklist
                .path("items")
                .forEach(
                        i -> {
                            if (code.equals(i.path("code").asText())) {
                                found.add(i);
                            }
                        });
        return found;
    }

    /** The checklist now. */
    protected JsonNode materials(String token, String id) throws Exception {
        HttpResponse<String> r = call("GET", app(id) + "/materials", token, null);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    /**
     * Files every required material of an unmarried 城镇低保 applicant alone: the ID card and the
     * household register as electronic licences, the 低保证 uploaded.
     */
    protected void fileDibaoMaterials(String token, String id, String applicantMemberId)
            throws Exception {
        String idCard = licence(token, "id-card");
        HttpResponse<String> r = file(token, id, "id-card", idCard, applicantMemberId);
        assertEquals(r.body(), 200, r.statusCode());
        String register = licence(token, "household-register");
        r = file(token, id, "household-register", register, null);
        assertEquals(r.body(), 200, r.statusCode());
        r = uploadMaterial(token, id, "dibao-certificate", null, null);
        assertEquals(r.body(), 200, r.statusCode());
    }

    /** Fetches the caller's electronic licence (core A-3); the attachment's id. */
    protected String licence(String token, String which) throws Exception {
        HttpResponse<String> r = call("POST", "/api/licences/" + which, token, null);
        assertTrue(r.body(), r.statusCode() == 201 || r.statusCode() == 200);
        return json(r).path("id").asText();
    }

    /**
     * An unmarried applicant alone, category 城镇低保, every step complete and every material filed,
     * ready to submit.
     */
    protected Applicant readyToSubmit(Person p) throws Exception {
        Applicant a = applicantAfterFace(p);
        fillDibao(a.token(), a.id(), p);
        return a;
    }

    /** Fills the four steps of {@code id} for {@code p} alone, category 城镇低保, type 实物配租. */
    protected void fillDibao(String token, String id, Person p) throws Exception {
        saved(token, id, "type", type("IN_KIND", "dibao"));
        JsonNode application = saved(token, id, "family", family(member("SELF", p, "UNMARRIED")));
        // the letter first: the assets step is complete only with it (JX-7)
        signCommitment(token, id);
        saved(token, id, "assets", noAssets());
        fileDibaoMaterials(
                token, id, application.path("family").path("applicant").path("id").asText());
    }

    protected HttpResponse<String> submit(String token, String id, boolean confirm)
            throws Exception {
        return call(
                "POST",
                app(id) + "/submit",
                token,
                JSON.createObjectNode().put("confirm", confirm));
    }

    /** {@code r} is problem+json with status {@code status} and type {@code slug}. */
    protected static void assertProblem(HttpResponse<String> r, int status, String slug)
            throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        assertEquals(r.body(), PROBLEM + slug, json(r).path("type").asText());
    }

    /** {@code r} is a 400 whose errors name {@code field} (among others). */
    protected static void assertNames(HttpResponse<String> r, String field) throws Exception {
        assertEquals(r.body(), 400, r.statusCode());
        Set<String> fields = new HashSet<>();
        json(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(field + " in " + r.body(), fields.contains(field));
    }

    /**
     * {@code r} is a 400 naming {@code field} of step {@code step}: as {@code step.field} (the
     * names of the submission's list, e.g. {@code family.members[0].idNumber}) or, for the step's
     * own endpoint, {@code field}.
     */
    protected static void assertStepField(HttpResponse<String> r, String step, String field)
            throws Exception {
        assertEquals(r.body(), 400, r.statusCode());
        Set<String> fields = new HashSet<>();
        json(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(
                step + "." + field + " in " + r.body(),
                fields.contains(step + "." + field) || fields.contains(field));
    }

    /** The account id of the caller. */
    protected String accountId(String token) throws Exception {
        return json(call("GET", "/api/identity/me", token, null)).path("id").asText();
    }

    /** The single number {@code sql} (with string parameters) answers. */
    protected static long count(DataSource dataSource, String sql, String... parameters)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(sql, rs.next());
                return rs.getLong(1);
            }
        }
    }

    /** Whether {@code caseId} is in the caller's review queue of the line's case type. */
    protected boolean inQueue(String token, String caseId) throws Exception {
        HttpResponse<String> r =
                call("GET", "/api/review/queue?type=jiangxi-public-rental&size=100", token, null);
        assertEquals(r.body(), 200, r.statusCode());
        Set<String> ids = new HashSet<>();
        json(r).path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids.contains(caseId);
    }

    /** An applicant's session: who, their token, their application's (case) id. */
    protected record Applicant(Person person, String token, String id) {}
}
