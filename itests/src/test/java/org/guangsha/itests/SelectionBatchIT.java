package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * S-1, the operators' side of the selection line: a batch imported over HTTP from the operator's
 * CSV files lands in the SEL_ tables in one piece; a batch with errors in several rows of several
 * files is refused with every row listed and nothing stored; caseworkers read the batches of their
 * region and cannot import; the Karaf shell commands import, list and close.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SelectionBatchIT extends CitizenTestSupport {

    private static final DateTimeFormatter WALL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Inject SessionFactory sessions;

    @Inject JaxrsServiceRuntime runtime;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    public void anOperatorImportsCsvFilesAndTheBatchIsStoredWhole() throws Exception {
        awaitIdentity();
        String operator = staffToken(sessions, "OPERATOR", null);
        assertEquals(0, runtime.getRuntimeDTO().failedResourceDTOs.length);
        String code = "IT-CSV-" + shortId();
        HttpResponse<String> r =
                importBatch(
                        operator, batchJson(code), units(12), families(20, false), sessions(10));
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode summary = json(r);
        String bid = summary.path("id").asText();
        assertEquals(code, summary.path("code").asText());
        assertEquals(12, summary.path("units").asInt());
        assertEquals(2, summary.path("sessions").asInt());
        assertEquals(20, summary.path("families").asInt());
        assertEquals(5, summary.path("cartSize").asInt());
        assertEquals(180, summary.path("windowSeconds").asInt());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith(bid));

        // the rows, in the SEL_ tables
        assertEquals(12, count("SELECT COUNT(*) FROM SEL_UNIT WHERE BATCH_ID = ?", bid));
        assertEquals(
                123_450,
                count("SELECT RENT_FEN FROM SEL_UNIT WHERE BATCH_ID = ? AND CODE = '1-101'", bid));
        assertEquals(
                5230,
                count(
                        "SELECT AREA_CENTI_M2 FROM SEL_UNIT WHERE BATCH_ID = ? AND CODE = '1-101'",
                        bid));
        assertEquals(
                2,
                count(
                        "SELECT COUNT(*) FROM SEL_SESSION WHERE BATCH_ID = ? AND KIND = 'FORMAL'"
                                + " AND STATUS = 'SCHEDULED'",
                        bid));
        assertEquals(
                20,
                count(
                        "SELECT COUNT(*) FROM SEL_FAMILY WHERE BATCH_ID = ? AND STATUS = 'WAITING'",
                        bid));
        // families named no session: ranks 11-20 filled the second one
        assertEquals(
                10,
                count(
                        "SELECT COUNT(*) FROM SEL_FAMILY f JOIN SEL_SESSION s ON s.ID = f.SESSION_ID"
                                + " WHERE f.BATCH_ID = ? AND s.SEQ = 2 AND f.RANK_NO > 10",
                        bid));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM PLT_AUDIT WHERE ACTION = 'selection.batch.created'"
                                + " AND TARGET = ?",
                        "selection-batch:" + bid));

        // staff read: the list, one batch with its sessions' counts, the families masked
        JsonNode list = json(call("GET", "/api/selection/admin/batches", operator, null));
        assertTrue(list.toString(), list.toString().contains(code));
        JsonNode detail = json(call("GET", "/api/selection/admin/batches/" + bid, operator, null));
        assertEquals(2, detail.path("sessions").size());
        assertEquals(10, detail.path("sessions").get(0).path("families").path("WAITING").asInt());
        assertEquals(20, detail.path("families").path("WAITING").asInt());
        HttpResponse<String> families =
                call(
                        "GET",
                        "/api/selection/admin/batches/" + bid + "/families?page=2&size=15",
                        operator,
                        null);
        assertEquals(families.body(), 200, families.statusCode());
        JsonNode page = json(families);
        assertEquals(20, page.path("total").asInt());
        assertEquals(5, page.path("items").size());
        JsonNode sixteenth = page.path("items").get(0);
        assertEquals(16, sixteenth.path("rank").asInt());
        assertEquals("测*****", sixteenth.path("applicantName").asText());
        assertTrue(sixteenth.path("idNumber").asText().startsWith("4403**********"));
        assertFalse(families.body(), families.body().contains(idNumber(16)));
        assertTrue(families.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals(
                400,
                call(
                                "GET",
                                "/api/selection/admin/batches/" + bid + "/families?status=LOST",
                                operator,
                                null)
                        .statusCode());
        assertEquals(
                404, call("GET", "/api/selection/admin/batches/nope", operator, null).statusCode());

        // the operators' paths are in the API description
        JsonNode paths = json(get("/api/openapi.json")).path("paths");
        assertTrue(paths.path("/selection/admin/batches/import").has("post"));
        assertTrue(paths.path("/selection/admin/batches/{bid}/families").has("get"));
        assertTrue(paths.path("/sandbox/selection").has("post"));

        // the same code again is refused
        HttpResponse<String> again =
                importBatch(operator, batchJson(code), units(1), families(1, false), sessions(5));
        assertRejected(again, List.of("batch.code"));
    }

    @Test
    public void errorsInSeveralRowsOfEveryFileAreListedTogetherAndNothingIsStored()
            throws Exception {
        awaitIdentity();
        String operator = staffToken(sessions, "OPERATOR", null);
        String code = "IT-BAD-" + shortId();
        String units =
                units(3).replace("1-102,广厦家园", "1-101,广厦家园").replace("\"1,234.50\"", "12.345");
        String families =
                families(4, true)
                        .replace(idNumber(2), idNumber(2).substring(0, 17) + checkNot(idNumber(2)))
                        .replace(",4,1\n", ",30,1\n");
        String sessions = sessions(10).replace(end(2), start(1));
        HttpResponse<String> r = importBatch(operator, batchJson(code), units, families, sessions);
        assertRejected(
                r,
                List.of(
                        "units[1].rentYuan",
                        "units[2].code",
                        "sessions[2].endsAt",
                        "families[2].idNumber",
                        "families[4].householdSize"));
        JsonNode error = json(r).path("errors").get(0);
        assertEquals("units", error.path("section").asText());
        assertEquals(1, error.path("row").asInt());
        assertEquals("rentYuan", error.path("column").asText());
        assertFalse(error.path("message").asText().isEmpty());
        assertFalse(error.path("messageEn").asText().isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM SEL_BATCH WHERE CODE = ?", code));

        // JSON with the same kind of problems: the same answer, member names of the JSON
        ObjectNode body =
                JSON.createObjectNode()
                        .put("code", code)
                        .put("name", "JSON批次")
                        .put("regionCode", "440304")
                        .put("preselectStartsAt", "2026-01-01T09:00:00+08:00");
        body.putArray("units")
                .addObject()
                .put("code", "1-101")
                .put("building", "1栋")
                .put("unitType", "一房一厅")
                .put("orientation", "南")
                .put("roomNumber", "101")
                .put("floor", 1)
                .put("areaCentiM2", 0)
                .put("rentFen", 100_000);
        body.putArray("sessions");
        body.putArray("families");
        HttpResponse<String> json = call("POST", "/api/selection/admin/batches", operator, body);
        assertRejected(json, List.of("units[1].areaCentiM2", "sessions", "families"));
        assertEquals(0, count("SELECT COUNT(*) FROM SEL_BATCH WHERE CODE = ?", code));
    }

    @Test
    public void caseworkersReadTheirRegionsBatchesAndCannotImportCitizensAreRefused()
            throws Exception {
        awaitIdentity();
        String operator = staffToken(sessions, "OPERATOR", null);
        String futian = staffToken(sessions, "CASEWORKER", "440304");
        String city = staffToken(sessions, "CASEWORKER", "440300");
        String luohu = staffToken(sessions, "CASEWORKER", "440303");
        String code = "IT-CW-" + shortId();

        HttpResponse<String> refused =
                importBatch(futian, batchJson(code), units(2), families(2, false), sessions(5));
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("urn:guangsha:problem:forbidden", json(refused).path("type").asText());
        assertEquals(0, count("SELECT COUNT(*) FROM SEL_BATCH WHERE CODE = ?", code));

        HttpResponse<String> r =
                importBatch(operator, batchJson(code), units(2), families(2, false), sessions(5));
        assertEquals(r.body(), 201, r.statusCode());
        String bid = json(r).path("id").asText();
        String path = "/api/selection/admin/batches/" + bid;
        assertEquals(200, call("GET", path, futian, null).statusCode());
        assertEquals(200, call("GET", path, city, null).statusCode());
        assertEquals(200, call("GET", path + "/families", futian, null).statusCode());
        assertEquals(404, call("GET", path, luohu, null).statusCode());
        assertEquals(404, call("GET", path + "/families", luohu, null).statusCode());
        assertFalse(call("GET", "/api/selection/admin/batches", luohu, null).body().contains(code));
        assertTrue(call("GET", "/api/selection/admin/batches", futian, null).body().contains(code));
        String sid =
                json(call("GET", path, operator, null)).path("sessions").get(0).path("id").asText();
        assertEquals(
                403,
                call("POST", "/api/selection/admin/sessions/" + sid + "/close", futian, null)
                        .statusCode());

        String citizen = registerAndLogin(Person.random());
        HttpResponse<String> asCitizen = call("GET", "/api/selection/admin/batches", citizen, null);
        assertEquals(403, asCitizen.statusCode());
        assertEquals(
                "urn:guangsha:problem:wrong-account-kind", json(asCitizen).path("type").asText());
        assertEquals(403, call("GET", path, citizen, null).statusCode());
        assertEquals(
                403,
                importBatch(
                                citizen,
                                batchJson("IT-X-" + shortId()),
                                units(1),
                                families(1, false),
                                sessions(5))
                        .statusCode());
        assertEquals(401, call("GET", "/api/selection/admin/batches", null, null).statusCode());
    }

    @Test
    public void theShellImportsListsAndClosesAndOperatorsPublishSupplementarySessions()
            throws Exception {
        awaitIdentity();
        String operator = staffToken(sessions, "OPERATOR", null);
        String code = "IT-SHELL-" + shortId();
        Path dir = Files.createTempDirectory("selection-import");
        Path batch = Files.writeString(dir.resolve("batch.json"), batchJson(code));
        Path u = Files.writeString(dir.resolve("units.csv"), units(4));
        Path f = Files.writeString(dir.resolve("families.csv"), families(6, false));
        Path s = Files.writeString(dir.resolve("sessions.csv"), sessions(3));
        String files = batch + " " + u + " " + f + " " + s;

        String out = execute(sessions, "guangsha:selection-import " + files);
        assertTrue(out, out.contains("Created batch " + code));
        assertTrue(out, out.contains("4 units, 2 sessions, 6 families"));
        String listed = execute(sessions, "guangsha:selection-batches");
        assertTrue(listed, listed.contains(code));

        // the same files again: the code is taken, nothing more is stored
        Path bad = Files.writeString(dir.resolve("units-bad.csv"), units(4).replace("南,", ","));
        String refused =
                execute(
                        sessions,
                        "guangsha:selection-import " + batch + " " + bad + " " + f + " " + s);
        assertTrue(refused, refused.contains("REJECTED"));
        assertTrue(refused, refused.contains("batch code"));
        assertTrue(refused, refused.contains("units row 1 orientation"));
        assertEquals(1, count("SELECT COUNT(*) FROM SEL_BATCH WHERE CODE = ?", code));

        String bid = text("SELECT ID FROM SEL_BATCH WHERE CODE = ?", code);
        JsonNode detail = json(call("GET", "/api/selection/admin/batches/" + bid, operator, null));
        String first = detail.path("sessions").get(0).path("id").asText();
        String second = detail.path("sessions").get(1).path("id").asText();

        String closed = execute(sessions, "guangsha:selection-close " + first);
        assertTrue(closed, closed.contains("closed; run"));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM SEL_SESSION WHERE ID = ? AND STATUS = 'CLOSED'",
                        first));
        // nobody took part in it: absent (S-7)
        assertEquals(
                3,
                count(
                        "SELECT COUNT(*) FROM SEL_FAMILY WHERE SESSION_ID = ? AND STATUS = 'ABSENT'",
                        first));
        String unknown = execute(sessions, "guangsha:selection-close nope");
        assertFalse(unknown, unknown.contains("closed; run"));

        // over REST: closing twice answers the same run
        HttpResponse<String> run =
                call("POST", "/api/selection/admin/sessions/" + second + "/close", operator, null);
        assertEquals(run.body(), 200, run.statusCode());
        HttpResponse<String> runAgain =
                call("POST", "/api/selection/admin/sessions/" + second + "/close", operator, null);
        assertEquals(json(run).path("id").asText(), json(runAgain).path("id").asText());
        assertEquals(
                404,
                call("POST", "/api/selection/admin/sessions/nope/close", operator, null)
                        .statusCode());
        JsonNode counts = json(call("GET", "/api/selection/admin/batches/" + bid, operator, null));
        assertEquals(3, counts.path("sessions").get(1).path("families").path("ABSENT").asInt());

        // a supplementary session (S-9): nobody applied, so it is published empty
        Instant starts = Instant.now().plusSeconds(3600);
        ObjectNode supplementary =
                JSON.createObjectNode()
                        .put("name", "补选场次")
                        .put("startsAt", WALL.format(starts))
                        .put("endsAt", WALL.format(starts.plusSeconds(3600)));
        HttpResponse<String> published =
                call(
                        "POST",
                        "/api/selection/admin/batches/" + bid + "/supplementary-sessions",
                        operator,
                        supplementary);
        assertEquals(published.body(), 201, published.statusCode());
        JsonNode p = json(published);
        assertEquals("SUPPLEMENTARY", p.path("session").path("kind").asText());
        assertEquals(3, p.path("session").path("seq").asInt());
        assertEquals(0, p.path("families").size());
        assertEquals(
                400,
                call(
                                "POST",
                                "/api/selection/admin/batches/" + bid + "/supplementary-sessions",
                                operator,
                                supplementary.put("startsAt", "soon"))
                        .statusCode());
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM PLT_AUDIT WHERE ACTION = 'selection.session.closed'"
                                + " AND TARGET = ?",
                        "session:" + second));
    }

    // ------------------------------------------------------------------ files

    private static String batchJson(String code) {
        return "{\"code\":\""
                + code
                + "\",\"name\":\"集成测试选房批次\",\"regionCode\":\"440304\","
                + "\"preselectStartsAt\":\""
                + WALL.format(Instant.now().plusSeconds(3600))
                + "\"}";
    }

    /**
     * {@code n} units with Chinese headers and a BOM, as Excel saves them; unit 1-102 rents
     * 1,234.50.
     */
    private static String units(int n) {
        StringBuilder b = new StringBuilder("\uFEFF房源编号,项目,楼栋,户型,朝向,房号,楼层,面积,月租金(元),地址\r\n");
        for (int i = 1; i <= n; i++) {
            String room = (100 + i) + "";
            b.append("1-")
                    .append(room)
                    .append(",广厦家园,1栋,")
                    .append(i % 2 == 0 ? "两房一厅" : "一房一厅")
                    .append(",南,")
                    .append(room)
                    .append(",1,52.3,")
                    .append(i == 1 ? "\"1,234.50\"" : "1200")
                    .append(",示范路1号\r\n");
        }
        return b.toString();
    }

    /** {@code n} families; in session 1 when {@code named}, else assigned by rank. */
    private static String families(int n, boolean named) {
        StringBuilder b = new StringBuilder("rank,name,idNumber,householdSize,session\n");
        for (int i = 1; i <= n; i++) {
            b.append(i)
                    .append(",测试家庭")
                    .append(i)
                    .append(',')
                    .append(idNumber(i))
                    .append(",")
                    .append(i)
                    .append(",")
                    .append(named ? "1" : "")
                    .append('\n');
        }
        return b.toString();
    }

    /** Two sessions tomorrow of {@code capacity} families each. */
    private static String sessions(int capacity) {
        return "seq,name,startsAt,endsAt,capacity\n"
                + "1,第1场,"
                + start(1)
                + ","
                + end(1)
                + ","
                + capacity
                + "\n2,第2场,"
                + start(2)
                + ","
                + end(2)
                + ","
                + capacity
                + "\n";
    }

    private static String start(int seq) {
        return WALL.format(tomorrow().plusSeconds(3600L * (seq - 1)));
    }

    private static String end(int seq) {
        return WALL.format(tomorrow().plusSeconds(3600L * (seq - 1) + 1800));
    }

    private static Instant tomorrow() {
        return Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }

    /** Made-up ID numbers, fixed per rank within a run and unique across runs of this test. */
    private static final String RUN = String.format("%03d", (int) (Math.random() * 900) + 100);

    private static String idNumber(int rank) {
        String base =
                "440304"
                        + "19"
                        + RUN.substring(0, 2)
                        + String.format("%02d", 1 + rank % 12)
                        + String.format("%02d", 1 + rank % 28)
                        + String.format("%03d", rank);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    private static char checkNot(String id) {
        return id.charAt(17) == '1' ? '2' : '1';
    }

    // ------------------------------------------------------------------ HTTP and database

    private HttpResponse<String> importBatch(
            String token, String batch, String units, String families, String sessions)
            throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("batch", batch);
        parts.put("units", units);
        parts.put("families", families);
        parts.put("sessions", sessions);
        String boundary = "----selection" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Map.Entry<String, String> part : parts.entrySet()) {
            boolean file = !part.getKey().equals("batch");
            b.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + part.getKey()
                                    + "\""
                                    + (file ? "; filename=\"" + part.getKey() + ".csv\"" : "")
                                    + "\r\nContent-Type: "
                                    + (file ? "text/csv" : "application/json")
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            b.writeBytes(part.getValue().getBytes(StandardCharsets.UTF_8));
            b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri("/api/selection/admin/batches/import"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** 400 problem+json {@code batch-rejected} naming exactly these fields, in this order. */
    private static void assertRejected(HttpResponse<String> r, List<String> fields)
            throws Exception {
        assertEquals(r.body(), 400, r.statusCode());
        assertTrue(
                r.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"));
        JsonNode problem = json(r);
        assertEquals("urn:guangsha:problem:batch-rejected", problem.path("type").asText());
        assertFalse(problem.path("title").asText().isEmpty());
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertEquals(r.body(), fields, named);
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String text(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
