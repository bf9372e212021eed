package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Base of the tests that act as citizens: registers made-up people with valid ID numbers, logs them
 * in through the captcha (answered by the sandbox) and calls the API with their tokens.
 */
public abstract class CitizenTestSupport extends GuangshaTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String PASSWORD = "Guangsha#2026";

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Changes one identity setting (etc/org.guangsha.identity.cfg) and waits until the component
     * {@code service} (simple class name in the core's identity package) applies it.
     *
     * @return the configuration before, for {@link #restoreIdentityConfig}
     */
    protected static Dictionary<String, Object> setIdentityConfig(
            ConfigurationAdmin configAdmin,
            BundleContext context,
            String service,
            String key,
            String value)
            throws Exception {
        Configuration config = configAdmin.getConfiguration("org.guangsha.identity", null);
        Dictionary<String, Object> original = config.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        for (Enumeration<String> keys = original.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            changed.put(k, original.get(k));
        }
        changed.put(key, value);
        config.update(changed);
        awaitApplied(context, service, key, value);
        return original;
    }

    /** Puts the identity configuration back and waits until {@code service} applied it. */
    protected static void restoreIdentityConfig(
            ConfigurationAdmin configAdmin,
            BundleContext context,
            Dictionary<String, Object> original,
            String service,
            String key)
            throws Exception {
        configAdmin.getConfiguration("org.guangsha.identity", null).update(original);
        awaitApplied(context, service, key, String.valueOf(original.get(key)));
    }

    private static void awaitApplied(
            BundleContext context, String service, String key, String value)
            throws InterruptedException {
        String filter =
                "(&(objectClass=org.guangsha.platform.internal.identity."
                        + service
                        + ")("
                        + key
                        + "="
                        + value
                        + "))";
        await(
                service + " applies " + key + "=" + value,
                () -> {
                    try {
                        return context.getServiceReferences((String) null, filter) != null;
                    } catch (InvalidSyntaxException e) {
                        throw new IllegalArgumentException(e);
                    }
                });
    }

    /** A resource of another line that only real-name verified citizens may use. */
    @Path("itest-l2")
    @Produces(MediaType.APPLICATION_JSON)
    public static class L2Resource {
        @GET
        @RequiresTrustLevel(TrustLevel.L2)
        public String housing() {
            return "{\"ok\":true}";
        }
    }

    /** Registers {@link L2Resource} at /api/itest-l2 from the test bundle, as a line would. */
    protected ServiceRegistration<Object> registerL2Resource(BundleContext context)
            throws InterruptedException {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.resource", true);
        props.put("osgi.jaxrs.application.select", GuangshaRest.APPLICATION_SELECT);
        ServiceRegistration<Object> reg =
                context.registerService(Object.class, new L2Resource(), props);
        await("the L2 resource is up", () -> statusOf("/api/itest-l2") == 401);
        return reg;
    }

    /** Registers {@code p} and logs in; the token. */
    protected String registerAndLogin(Person p) throws Exception {
        HttpResponse<String> r = register(p);
        assertEquals(r.body(), 201, r.statusCode());
        return login(p.idNumber(), PASSWORD);
    }

    protected void awaitIdentity() throws InterruptedException {
        await(
                "identity and sandbox answer",
                () -> {
                    try {
                        HttpResponse<String> c = get("/api/identity/captcha");
                        return c.statusCode() == 200
                                && get("/api/sandbox/captcha/" + json(c).path("id").asText())
                                                .statusCode()
                                        == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    protected int registerStatus(Person p) {
        try {
            return register(p).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    protected HttpResponse<String> register(Person p) throws Exception {
        return register(p, PASSWORD);
    }

    protected HttpResponse<String> register(Person p, String password) throws Exception {
        return post("/api/identity/register", body(p, password));
    }

    protected ObjectNode body(Person p, String password) throws Exception {
        JsonNode captcha = json(get("/api/identity/captcha"));
        String id = captcha.path("id").asText();
        return body(
                p, password, id, json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
    }

    protected static ObjectNode body(Person p, String password, String captchaId, String answer) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", p.name());
        body.put("idNumber", p.idNumber());
        body.put("mobile", p.mobile());
        body.put("password", password);
        body.put("captchaId", captchaId);
        body.put("captchaAnswer", answer);
        return body;
    }

    protected String login(String account, String password) throws Exception {
        HttpResponse<String> r = loginResponse(account, password);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode body = json(r);
        assertTrue(body.path("expiresAt").asText().endsWith("+08:00"));
        return body.path("token").asText();
    }

    protected HttpResponse<String> loginResponse(String account, String password) throws Exception {
        String id = json(get("/api/identity/captcha")).path("id").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("account", account);
        body.put("password", password);
        body.put("captchaId", id);
        body.put("captchaAnswer", json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
        return post("/api/identity/login", body);
    }

    protected HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return call("POST", path, null, body);
    }

    protected HttpResponse<String> call(String method, String path, String token, JsonNode body)
            throws Exception {
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body.toString(), StandardCharsets.UTF_8));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Registers {@code p}, verifies them by the sandbox's bank-card rule (L2); the token. */
    protected String registerL2(Person p) throws Exception {
        String token = registerAndLogin(p);
        JsonNode passed =
                verify(token, "bank-card", "cardNumber", "6222020200112230004", p.mobile());
        assertEquals(passed.toString(), "L2", passed.path("trustLevel").asText());
        return token;
    }

    protected JsonNode verify(String token, String method, String key, String value, String mobile)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("method", method);
        ObjectNode input = body.putObject("input").put(key, value);
        if (mobile != null) {
            input.put("reservedMobile", mobile);
        }
        HttpResponse<String> r = call("POST", "/api/identity/verifications", token, body);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    /** The phone's answer to a face session, through the sandbox's simulated phone page. */
    protected HttpResponse<String> complete(String id, String secret, boolean passed)
            throws Exception {
        return call(
                "POST",
                "/api/sandbox/face/" + id,
                null,
                JSON.createObjectNode().put("secret", secret).put("passed", passed));
    }

    /** A face session for {@code purpose} that the (simulated) phone passed; its id. */
    protected String passedFaceSession(String token, String purpose) throws Exception {
        HttpResponse<String> r =
                call(
                        "POST",
                        "/api/identity/face-sessions",
                        token,
                        JSON.createObjectNode().put("purpose", purpose));
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode session = json(r);
        String qr = session.path("qr").asText();
        String secret = qr.substring(qr.indexOf("?k=") + 3);
        assertEquals(200, complete(session.path("id").asText(), secret, true).statusCode());
        return session.path("id").asText();
    }

    /** A multipart/form-data request with a {@code kind} field and a {@code file} part. */
    protected HttpResponse<byte[]> multipart(
            String method,
            String path,
            String token,
            String kind,
            String fileName,
            String contentType,
            byte[] content)
            throws Exception {
        return multipart(
                method,
                path,
                token,
                kind == null ? Map.of() : Map.of("kind", kind),
                fileName,
                contentType,
                content,
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart/form-data request with text fields and one {@code file} part. */
    protected <T> HttpResponse<T> multipart(
            String method,
            String path,
            String token,
            Map<String, String> fields,
            String fileName,
            String contentType,
            byte[] content,
            HttpResponse.BodyHandler<T> answer)
            throws Exception {
        String boundary = "----guangsha" + System.nanoTime();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            b.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + f.getKey()
                                    + "\"\r\n\r\n"
                                    + f.getValue()
                                    + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName
                                + "\"\r\nContent-Type: "
                                + contentType
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), answer);
    }

    /**
     * A drawn signature as the signature pad sends it: {@code {image: "data:image/png;base64,…"}}.
     */
    protected static com.fasterxml.jackson.databind.node.ObjectNode signaturePad()
            throws Exception {
        java.awt.image.BufferedImage pad =
                new java.awt.image.BufferedImage(
                        300, 120, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = pad.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawLine(20, 80, 120, 30);
        g.drawLine(120, 30, 260, 90);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pad, "png", out);
        return JSON.createObjectNode()
                .put(
                        "image",
                        "data:image/png;base64,"
                                + java.util.Base64.getEncoder().encodeToString(out.toByteArray()));
    }

    /** Creates a staff account with the shell command and logs it in; the token. */
    protected String staffToken(
            org.apache.karaf.shell.api.console.SessionFactory sessions, String role, String region)
            throws Exception {
        String username =
                role.toLowerCase() + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String out =
                execute(
                        sessions,
                        "guangsha:staff-add --password Staff#2026guangsha "
                                + username
                                + " 工作人员 "
                                + role
                                + (region == null ? "" : " " + region));
        assertTrue(out, out.contains("Created " + role + " " + username));
        return login(username, "Staff#2026guangsha");
    }

    /** A GET whose answer is bytes (PDFs, images). */
    protected HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected static JsonNode json(byte[] body) throws java.io.IOException {
        return JSON.readTree(body);
    }

    protected int statusWith(String token) {
        try {
            return call("GET", "/api/identity/me", token, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** {@code r} is 400 problem+json whose first error names {@code field}. */
    protected static void assertField(HttpResponse<String> r, String field) throws Exception {
        assertField(r, field, null);
    }

    protected static void assertField(HttpResponse<String> r, String field, String zhFragment)
            throws Exception {
        assertEquals(r.body(), 400, r.statusCode());
        assertTrue(
                r.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith(GuangshaRest.PROBLEM_JSON));
        JsonNode error = json(r).path("errors").get(0);
        assertEquals(r.body(), field, error.path("field").asText());
        if (zhFragment != null) {
            assertTrue(
                    error.path("message").asText(),
                    error.path("message").asText().contains(zhFragment));
        }
    }

    /** A made-up citizen with a valid ID number (GB 11643 check digit) and mobile. */
    /**
     * A selection batch as the operators' REST path takes it (JSON). Tests build batches this way,
     * never through the line's Java API: the test probe then does not depend on the selection
     * bundle, which other tests uninstall and install again (that would refresh the probe under the
     * tests running next).
     */
    protected static final class SelectionBatch {
        final ObjectNode json = JSON.createObjectNode();

        SelectionBatch(
                String code, String name, Instant preselect, Integer cartSize, int windowSeconds) {
            json.put("code", code).put("name", name).put("regionCode", "440304");
            json.put("preselectStartsAt", preselect.toString()).put("windowSeconds", windowSeconds);
            if (cartSize != null) {
                json.put("cartSize", cartSize);
            }
            json.putArray("units");
            json.putArray("sessions");
            json.putArray("families");
        }

        SelectionBatch unit(
                String code,
                String project,
                String building,
                String unitType,
                String orientation,
                String roomNumber,
                int floor,
                int areaCentiM2,
                long rentFen,
                String address) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("units"))
                    .addObject()
                    .put("code", code)
                    .put("project", project)
                    .put("building", building)
                    .put("unitType", unitType)
                    .put("orientation", orientation)
                    .put("roomNumber", roomNumber)
                    .put("floor", floor)
                    .put("areaCentiM2", areaCentiM2)
                    .put("rentFen", rentFen)
                    .put("address", address);
            return this;
        }

        SelectionBatch session(
                int seq, String name, Instant startsAt, Instant endsAt, int capacity) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("sessions"))
                    .addObject()
                    .put("seq", seq)
                    .put("name", name)
                    .put("startsAt", startsAt.toString())
                    .put("endsAt", endsAt.toString())
                    .put("capacity", capacity);
            return this;
        }

        SelectionBatch family(
                int rank, String name, String idNumber, int householdSize, Integer sessionSeq) {
            ObjectNode f =
                    ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("families"))
                            .addObject()
                            .put("rank", rank)
                            .put("applicantName", name)
                            .put("idNumber", idNumber)
                            .put("householdSize", householdSize);
            if (sessionSeq != null) {
                f.put("sessionSeq", sessionSeq);
            }
            return this;
        }
    }

    /** Creates {@code batch} as the demo operator over REST; the batch's summary ({@code id} …). */
    protected JsonNode createBatch(SelectionBatch batch) throws Exception {
        String operator = login("operator", "Demo@2026");
        HttpResponse<String> r = call("POST", "/api/selection/admin/batches", operator, batch.json);
        assertEquals(r.body(), 201, r.statusCode());
        return json(r);
    }

    protected record Person(String name, String idNumber, String mobile) {
        static Person random() {
            return new Person("张三", newIdNumber(), newMobile());
        }

        static String newMobile() {
            return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        }

        static String newIdNumber() {
            // sequence 999 is the sandbox licence service's "holds no licence"
            return newIdNumber(ThreadLocalRandom.current().nextInt(999));
        }

        static String newIdNumber(int sequence) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String base =
                    String.format(
                            "440304%04d%02d%02d%03d",
                            1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28), sequence);
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (base.charAt(i) - '0') * weights[i];
            }
            return base + "10X98765432".charAt(sum % 11);
        }
    }
}
