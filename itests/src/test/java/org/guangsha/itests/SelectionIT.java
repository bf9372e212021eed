package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * The online selection line over HTTP (DOMAIN.md S-2 … S-9, S-11), with real citizens (L2), a batch
 * created through the operators' REST path and sessions running on the real clock: pre-selection, a
 * family of another session refused, idempotent confirm, a unit refused to a second family, timer
 * expiry, auto-assignment and absence at the session's end, results, the public results page
 * without ID numbers and with a run anyone can re-check, supplementary selection; and many families
 * confirming at the same instant without a double allocation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SelectionIT extends CitizenTestSupport {

    @Inject JaxrsServiceRuntime runtime;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    @Test
    public void aFamilysWholeSelectionFollowsTheRules() throws Exception {
        awaitIdentity();
        Person[] people = new Person[5];
        String[] tokens = new String[5];
        for (int i = 0; i < 5; i++) {
            people[i] = Person.random();
            tokens[i] = registerL2(people[i]);
        }
        assertEquals(0, runtime.getRuntimeDTO().failedResourceDTOs.length);
        // ranks 1-3 in session 1 (starts in 25 s, lasts 40 s, window 30 s); rank 4 in session 2;
        // people[4] is in no batch
        Instant t = Instant.now();
        Instant s1 = t.plusSeconds(25);
        Instant s1End = s1.plusSeconds(40);
        SelectionBatch batch = batch("IT-" + shortId(), t.minusSeconds(60), 2, 30, 6);
        batch.session(1, "第1场", s1, s1End, 3).session(2, "第2场", s1End, s1End.plusSeconds(600), 10);
        for (int i = 0; i < 4; i++) {
            family(batch, i + 1, people[i]);
        }
        String bid = createBatch(batch).path("id").asText();
        String f1 = familyId(tokens[0]);
        String f2 = familyId(tokens[1]);
        String f3 = familyId(tokens[2]);
        String f4 = familyId(tokens[3]);
        Map<String, String> unit = unitIds(tokens[0], bid);

        // nobody else's family, nor another batch's units (404); an L1 citizen is refused (403)
        assertEquals(0, json(call("GET", "/api/selection/me", tokens[4], null)).size());
        assertEquals(
                404, call("GET", "/api/selection/families/" + f1, tokens[4], null).statusCode());
        assertEquals(
                404,
                call("GET", "/api/selection/batches/" + bid + "/units", tokens[4], null)
                        .statusCode());
        String l1 = registerAndLogin(Person.random());
        assertEquals(403, call("GET", "/api/selection/me", l1, null).statusCode());
        assertEquals(401, call("GET", "/api/selection/me", null, null).statusCode());

        // S-2: the declaration first, then at most 2 units (the batch's cart size)
        String pre = "/api/selection/families/" + f1 + "/cart/PRE";
        assertSlug(
                call("POST", pre + "/items", tokens[0], unitBody(unit.get("1-101"))),
                409,
                "declaration-required");
        assertEquals(
                200,
                call(
                                "POST",
                                "/api/selection/families/" + f1 + "/preselection/declaration",
                                tokens[0],
                                JSON.createObjectNode())
                        .statusCode());
        assertEquals(
                200,
                call("POST", pre + "/items", tokens[0], unitBody(unit.get("1-101"))).statusCode());
        assertEquals(
                200,
                call("POST", pre + "/items", tokens[0], unitBody(unit.get("1-102"))).statusCode());
        assertSlug(
                call("POST", pre + "/items", tokens[0], unitBody(unit.get("1-103"))),
                409,
                "cart-full");
        // S-3: to the top
        JsonNode cart =
                json(
                        call(
                                "POST",
                                pre + "/items/" + unit.get("1-102") + "/move",
                                tokens[0],
                                JSON.createObjectNode().put("to", "top")));
        assertEquals("1-102", cart.path("items").get(0).path("unit").path("code").asText());
        // search by building and orientation
        JsonNode found =
                json(
                        call(
                                "GET",
                                "/api/selection/batches/"
                                        + bid
                                        + "/units?building=1%E6%A0%8B&orientation=%E5%8D%97",
                                tokens[0],
                                null));
        assertEquals(3, found.path("total").asInt());
        // family 3 pre-selects and will not take part (S-7)
        call(
                "POST",
                "/api/selection/families/" + f3 + "/preselection/declaration",
                tokens[2],
                JSON.createObjectNode());
        assertEquals(
                200,
                call(
                                "POST",
                                "/api/selection/families/" + f3 + "/cart/PRE/items",
                                tokens[2],
                                unitBody(unit.get("1-105")))
                        .statusCode());
        // S-4: not before the family's session
        assertSlug(
                call(
                        "POST",
                        "/api/selection/families/" + f1 + "/formal/declaration",
                        tokens[0],
                        JSON.createObjectNode()),
                409,
                "not-your-session");

        awaitUntil(s1.plusMillis(500));
        // a family of another session cannot act
        assertSlug(
                call(
                        "POST",
                        "/api/selection/families/" + f4 + "/formal/declaration",
                        tokens[3],
                        JSON.createObjectNode()),
                409,
                "not-your-session");
        // S-4: declaration starts the server's window; sync copies the pre-selection
        JsonNode declared =
                json(
                        call(
                                "POST",
                                "/api/selection/families/" + f1 + "/formal/declaration",
                                tokens[0],
                                JSON.createObjectNode()));
        assertEquals("FORMAL", declared.path("phase").asText());
        assertTrue(
                declared.path("secondsLeft").asInt() > 25
                        && declared.path("secondsLeft").asInt() <= 30);
        JsonNode synced =
                json(
                        call(
                                "POST",
                                "/api/selection/families/" + f1 + "/formal/sync",
                                tokens[0],
                                JSON.createObjectNode()));
        assertEquals(2, synced.path("items").size());
        // S-5: confirm; the same key again gives the same answer; another key is refused
        String key = "it-" + UUID.randomUUID();
        HttpResponse<String> confirmed =
                call(
                        "POST",
                        "/api/selection/families/" + f1 + "/formal/confirm",
                        tokens[0],
                        confirmBody(unit.get("1-102"), key));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        HttpResponse<String> again =
                call(
                        "POST",
                        "/api/selection/families/" + f1 + "/formal/confirm",
                        tokens[0],
                        confirmBody(unit.get("1-102"), key));
        assertEquals(200, again.statusCode());
        assertEquals(json(confirmed), json(again));
        assertSlug(
                call(
                        "POST",
                        "/api/selection/families/" + f1 + "/formal/confirm",
                        tokens[0],
                        confirmBody(unit.get("1-101"), "it-" + UUID.randomUUID())),
                409,
                "selection-already-confirmed");
        // S-11: the unit is not given to a second family
        call(
                "POST",
                "/api/selection/families/" + f2 + "/formal/declaration",
                tokens[1],
                JSON.createObjectNode());
        assertSlug(
                call(
                        "POST",
                        "/api/selection/families/" + f2 + "/cart/FORMAL/items",
                        tokens[1],
                        unitBody(unit.get("1-102"))),
                409,
                "unit-taken");
        call(
                "POST",
                "/api/selection/families/" + f2 + "/cart/FORMAL/items",
                tokens[1],
                unitBody(unit.get("1-101")));
        call(
                "POST",
                "/api/selection/families/" + f2 + "/cart/FORMAL/items",
                tokens[1],
                unitBody(unit.get("1-103")));
        call(
                "POST",
                "/api/selection/families/"
                        + f2
                        + "/cart/FORMAL/items/"
                        + unit.get("1-103")
                        + "/move",
                tokens[1],
                JSON.createObjectNode().put("to", "top"));

        // timer expiry: family 2's 30 s pass without a confirm
        Instant window2 =
                offsetToInstant(
                        json(call("GET", "/api/selection/families/" + f2, tokens[1], null))
                                .path("windowEndsAt")
                                .asText());
        awaitUntil(window2.plusMillis(300));
        assertSlug(
                call(
                        "POST",
                        "/api/selection/families/" + f2 + "/formal/confirm",
                        tokens[1],
                        confirmBody(unit.get("1-103"), "it-" + UUID.randomUUID())),
                409,
                "selection-window-over");

        // S-6 / S-7 / S-8: at the session's end, family 2 gets its first free intent, family 3 is
        // absent and its pre-selection void
        awaitUntil(s1End);
        await("session 1 closed", () -> "AUTO_ASSIGNED".equals(status(tokens[1], f2)));
        JsonNode result2 =
                json(call("GET", "/api/selection/families/" + f2 + "/result", tokens[1], null));
        assertEquals("1-103", result2.path("allocation").path("unit").path("code").asText());
        assertEquals("AUTO", result2.path("allocation").path("mode").asText());
        assertEquals("ABSENT", status(tokens[2], f3));
        assertEquals(
                0,
                json(call("GET", "/api/selection/families/" + f3 + "/cart/PRE", tokens[2], null))
                        .path("items")
                        .size());
        assertEquals(
                "CONFIRMED",
                json(call("GET", "/api/selection/families/" + f1 + "/result", tokens[0], null))
                        .path("status")
                        .asText());

        // the public results: no login, masked names, no ID number; the run re-checks
        HttpResponse<String> publicResults =
                get("/api/selection/public/batches/" + bid + "/results");
        assertEquals(200, publicResults.statusCode());
        for (Person p : people) {
            assertFalse(publicResults.body().contains(p.idNumber()));
            assertFalse(publicResults.body().contains(p.idNumber().substring(0, 14)));
        }
        JsonNode results = json(publicResults);
        assertEquals(2, results.path("results").size());
        assertEquals("张*", results.path("results").get(0).path("name").asText());
        String runId = results.path("runs").get(0).path("id").asText();
        JsonNode run = json(get("/api/selection/public/runs/" + runId));
        assertTrue(run.path("inputsMatch").asBoolean());
        assertTrue(run.path("resultsMatch").asBoolean());
        assertEquals("1-102", run.path("inputs").path("taken").get(0).asText());
        assertEquals("1-103", run.path("results").get(0).path("unitCode").asText());

        // S-9: the absent family may apply until the day's last formal session ends; a family
        // with a unit may not
        assertSlug(
                call(
                        "POST",
                        "/api/selection/families/" + f1 + "/supplement",
                        tokens[0],
                        JSON.createObjectNode()),
                409,
                "supplement-not-allowed");
        JsonNode applied =
                json(
                        call(
                                "POST",
                                "/api/selection/families/" + f3 + "/supplement",
                                tokens[2],
                                JSON.createObjectNode()));
        assertTrue(applied.path("supplement").path("appliedAt").isTextual());
        assertEquals(1, count("SELECT COUNT(*) FROM SEL_ALLOCATION WHERE FAMILY_ID = ?", f1));
        assertEquals(1, count("SELECT COUNT(*) FROM SEL_RUN WHERE BATCH_ID = ?", bid));

        // the operator publishes a supplementary session with the families that applied; there,
        // family 3 chooses among the free units
        String operator = login("operator", "Demo@2026");
        Instant supplementStart = Instant.now().plusSeconds(3);
        HttpResponse<String> published =
                call(
                        "POST",
                        "/api/selection/admin/batches/" + bid + "/supplementary-sessions",
                        operator,
                        JSON.createObjectNode()
                                .put("name", "补选第1场")
                                .put("startsAt", supplementStart.toString())
                                .put("endsAt", supplementStart.plusSeconds(300).toString()));
        assertEquals(published.body(), 201, published.statusCode());
        JsonNode waiting = json(call("GET", "/api/selection/families/" + f3, tokens[2], null));
        assertEquals("SUPPLEMENT_WAIT", waiting.path("phase").asText());
        assertEquals("SUPPLEMENTARY", waiting.path("session").path("kind").asText());
        awaitUntil(supplementStart.plusMillis(300));
        call(
                "POST",
                "/api/selection/families/" + f3 + "/formal/declaration",
                tokens[2],
                JSON.createObjectNode());
        call(
                "POST",
                "/api/selection/families/" + f3 + "/cart/FORMAL/items",
                tokens[2],
                unitBody(unit.get("1-104")));
        HttpResponse<String> supplemented =
                call(
                        "POST",
                        "/api/selection/families/" + f3 + "/formal/confirm",
                        tokens[2],
                        confirmBody(unit.get("1-104"), "it-" + UUID.randomUUID()));
        assertEquals(supplemented.body(), 200, supplemented.statusCode());
        assertEquals("CONFIRMED", status(tokens[2], f3));
    }

    @Test
    public void manyFamiliesConfirmingAtTheSameInstantNeverShareAUnit() throws Exception {
        awaitIdentity();
        int n = 24;
        List<Person> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Instant early = Instant.now();
        SelectionBatch batch = batch("IT-" + shortId(), early.minusSeconds(60), 3, 600, 4);
        for (int i = 0; i < n; i++) {
            Person p = Person.random();
            people.add(p);
            tokens.add(registerL2(p));
            family(batch, i + 1, p);
        }
        Instant start = Instant.now().plusSeconds(3);
        batch.session(1, "第1场", start, start.plusSeconds(900), n);
        String bid = createBatch(batch).path("id").asText();
        Map<String, String> unit = unitIds(tokens.get(0), bid);
        List<String> codes = List.of("1-101", "1-102", "1-103");
        awaitUntil(start.plusMillis(200));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String fid = familyId(tokens.get(i));
            ids.add(fid);
            call(
                    "POST",
                    "/api/selection/families/" + fid + "/formal/declaration",
                    tokens.get(i),
                    JSON.createObjectNode());
            for (int j = 0; j < 3; j++) {
                HttpResponse<String> r =
                        call(
                                "POST",
                                "/api/selection/families/" + fid + "/cart/FORMAL/items",
                                tokens.get(i),
                                unitBody(unit.get(codes.get((i + j) % 3))));
                assertEquals(r.body(), 200, r.statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            String key = "burst-" + UUID.randomUUID();
            for (int click = 0; click < 2; click++) {
                // every family double-clicks: the same key twice at once
                answers.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    return call(
                                            "POST",
                                            "/api/selection/families/"
                                                    + ids.get(k)
                                                    + "/formal/confirm",
                                            tokens.get(k),
                                            confirmBody(unit.get(codes.get(k % 3)), key));
                                }));
            }
        }
        go.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 409) {
                assertTrue(r.body(), r.body().contains("unit-taken"));
            } else {
                assertEquals(r.body(), 200, r.statusCode());
            }
        }
        pool.shutdown();
        // three units, three winners, each answered twice; nobody got an error page
        assertEquals(statuses.toString(), Integer.valueOf(6), statuses.get(200));
        assertEquals(Integer.valueOf(2 * n - 6), statuses.get(409));
        assertEquals(3, count("SELECT COUNT(*) FROM SEL_ALLOCATION WHERE BATCH_ID = ?", bid));
        assertEquals(
                3,
                count(
                        "SELECT COUNT(DISTINCT FAMILY_ID) FROM SEL_ALLOCATION WHERE BATCH_ID = ?",
                        bid));
        assertEquals(
                3,
                count(
                        "SELECT COUNT(DISTINCT UNIT_ID) FROM SEL_ALLOCATION WHERE BATCH_ID = ?",
                        bid));
        // every family ends with exactly one unit or none
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM SEL_FAMILY f WHERE f.BATCH_ID = ? AND ((f.STATUS ="
                                + " 'CONFIRMED' AND NOT EXISTS (SELECT 1 FROM SEL_ALLOCATION a WHERE"
                                + " a.FAMILY_ID = f.ID)) OR (f.STATUS <> 'CONFIRMED' AND EXISTS (SELECT"
                                + " 1 FROM SEL_ALLOCATION a WHERE a.FAMILY_ID = f.ID)))",
                        bid));
    }

    // ------------------------------------------------------------------ helpers

    /** A batch of this test: {@code units} units 1-101 … in building 1栋, south and north. */
    private static SelectionBatch batch(
            String code, Instant preselect, int cartSize, int windowSeconds, int units) {
        SelectionBatch batch =
                new SelectionBatch(code, "集成测试批次", preselect, cartSize, windowSeconds);
        for (int i = 0; i < units; i++) {
            batch.unit(
                    "1-" + (101 + i),
                    "集成测试项目",
                    "1栋",
                    "一房一厅",
                    i % 2 == 0 ? "南" : "北",
                    String.valueOf(101 + i),
                    1,
                    5230,
                    125000,
                    null);
        }
        return batch;
    }

    private static void family(SelectionBatch batch, int rank, Person p) {
        batch.family(rank, p.name(), p.idNumber(), 3, null);
    }

    private String familyId(String token) throws Exception {
        JsonNode mine = json(call("GET", "/api/selection/me", token, null));
        assertEquals(mine.toString(), 1, mine.size());
        return mine.get(0).path("familyId").asText();
    }

    private String status(String token, String fid) {
        try {
            return json(call("GET", "/api/selection/families/" + fid, token, null))
                    .path("status")
                    .asText();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private Map<String, String> unitIds(String token, String bid) throws Exception {
        JsonNode page =
                json(call("GET", "/api/selection/batches/" + bid + "/units?size=100", token, null));
        Map<String, String> ids = new HashMap<>();
        for (JsonNode u : page.path("items")) {
            ids.put(u.path("code").asText(), u.path("id").asText());
        }
        return ids;
    }

    private static ObjectNode unitBody(String unitId) {
        return JSON.createObjectNode().put("unitId", unitId);
    }

    private static ObjectNode confirmBody(String unitId, String key) {
        return JSON.createObjectNode().put("unitId", unitId).put("idempotencyKey", key);
    }

    private static void assertSlug(HttpResponse<String> r, int status, String slug) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.body().contains("problem:" + slug));
    }

    private static Instant offsetToInstant(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static void awaitUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
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

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
