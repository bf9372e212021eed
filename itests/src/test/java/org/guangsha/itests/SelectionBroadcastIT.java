package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * The availability broadcast (房源信息播报, S-10) over HTTP, without logging in: the snapshot and its
 * position, a stream client seeing a unit a family confirmed (and the snapshot agreeing), a client
 * resuming after its {@code Last-Event-ID}, the stream's headers (never compressed, never cached),
 * and 404 for a batch that does not exist.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SelectionBroadcastIT extends CitizenTestSupport {

    @Inject JaxrsServiceRuntime runtime;

    private final HttpClient streams =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void streamClientsSeeEveryUnitTakenAndResumeAfterTheirLastEvent() throws Exception {
        awaitIdentity();
        Person first = Person.random();
        Person second = Person.random();
        String firstToken = registerL2(first);
        String secondToken = registerL2(second);
        Instant now = Instant.now();
        SelectionBatch batch =
                new SelectionBatch(
                        "BC-" + UUID.randomUUID().toString().substring(0, 8),
                        "播报测试批次",
                        now.minusSeconds(120),
                        2,
                        600);
        for (String code : List.of("1-101", "1-102", "1-103")) {
            batch.unit(code, "播报测试项目", "1栋", "一房一厅", "南", code.substring(2), 1, 5230, 125000, null);
        }
        batch.session(1, "第1场", now.minusSeconds(60), now.plusSeconds(1800), 10)
                .family(1, first.name(), first.idNumber(), 3, 1)
                .family(2, second.name(), second.idNumber(), 2, 1);
        String bid = createBatch(batch).path("id").asText();
        assertEquals(0, runtime.getRuntimeDTO().failedResourceDTOs.length);

        // the snapshot, to anyone: every unit free, and the position to stream from
        String base = "/api/selection/public/batches/" + bid + "/availability";
        HttpResponse<String> snapshot = get(base);
        assertEquals(snapshot.body(), 200, snapshot.statusCode());
        JsonNode units = json(snapshot).path("units");
        assertEquals(3, units.size());
        for (JsonNode u : units) {
            assertEquals("FREE", u.path("status").asText());
            assertFalse(u.has("rentFen"));
        }
        long seq = json(snapshot).path("seq").asLong();

        Stream live = open(base + "/stream?since=" + seq, null);
        assertEquals("text/event-stream", live.response.headers().firstValue("Content-Type").get());
        assertEquals("no-cache", live.response.headers().firstValue("Cache-Control").get());
        assertEquals("no", live.response.headers().firstValue("X-Accel-Buffering").get());
        assertFalse(live.response.headers().firstValue("Content-Encoding").isPresent());

        // a family confirms 1-101: the client sees it go
        String unit101 = unitId(units, "1-101");
        confirm(familyId(firstToken), firstToken, unit101);
        Event taken = live.next();
        assertEquals("unit", taken.name);
        JsonNode data = JSON.readTree(taken.data);
        assertEquals("1-101", data.path("code").asText());
        assertEquals(unit101, data.path("unitId").asText());
        assertEquals("TAKEN", data.path("status").asText());
        assertEquals(taken.id, data.path("seq").asLong());
        assertTrue(taken.id > seq);

        // the snapshot agrees, and is at least as far
        JsonNode after = json(get(base));
        assertEquals("TAKEN", statusOf(after.path("units"), "1-101"));
        assertEquals("FREE", statusOf(after.path("units"), "1-102"));
        assertTrue(after.path("seq").asLong() >= taken.id);

        // another family takes 1-102; a client that had only the first event resumes after it
        String unit102 = unitId(units, "1-102");
        confirm(familyId(secondToken), secondToken, unit102);
        Event next = live.next();
        assertEquals("1-102", JSON.readTree(next.data).path("code").asText());
        Stream resumed = open(base + "/stream", String.valueOf(taken.id));
        Event missed = resumed.next();
        assertEquals(next.id, missed.id);
        assertEquals("1-102", JSON.readTree(missed.data).path("code").asText());
        // and one that starts from the first snapshot gets both, in order
        Stream late = open(base + "/stream?since=" + seq, null);
        assertEquals(taken.id, late.next().id);
        assertEquals(next.id, late.next().id);

        // no such batch
        assertEquals(
                404, get("/api/selection/public/batches/no-such-batch/availability").statusCode());
        HttpResponse<String> noStream =
                get("/api/selection/public/batches/no-such-batch/availability/stream");
        assertEquals(404, noStream.statusCode());
        assertTrue(noStream.body().contains("not-found"));
        assertEquals(400, get(base + "/stream?since=x").statusCode());
        live.close();
        resumed.close();
        late.close();
    }

    // ------------------------------------------------------------------ helpers

    private String familyId(String token) throws Exception {
        JsonNode mine = json(call("GET", "/api/selection/me", token, null));
        assertEquals(mine.toString(), 1, mine.size());
        return mine.get(0).path("familyId").asText();
    }

    /** S-4, S-5: formal declaration, the unit as the only intent, confirm. */
    private void confirm(String fid, String token, String unitId) throws Exception {
        String family = "/api/selection/families/" + fid;
        HttpResponse<String> r =
                call("POST", family + "/formal/declaration", token, JSON.createObjectNode());
        assertEquals(r.body(), 200, r.statusCode());
        r =
                call(
                        "POST",
                        family + "/cart/FORMAL/items",
                        token,
                        JSON.createObjectNode().put("unitId", unitId));
        assertEquals(r.body(), 200, r.statusCode());
        r =
                call(
                        "POST",
                        family + "/formal/confirm",
                        token,
                        JSON.createObjectNode()
                                .put("unitId", unitId)
                                .put("idempotencyKey", "broadcast-" + UUID.randomUUID()));
        assertEquals(r.body(), 200, r.statusCode());
    }

    private static String unitId(JsonNode units, String code) {
        for (JsonNode u : units) {
            if (u.path("code").asText().equals(code)) {
                return u.path("id").asText();
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private static String statusOf(JsonNode units, String code) {
        for (JsonNode u : units) {
            if (u.path("code").asText().equals(code)) {
                return u.path("status").asText();
            }
        }
        throw new AssertionError("no unit " + code);
    }

    /** An event of the stream. */
    private record Event(long id, String name, String data) {}

    /** A stream client: its lines are read on the client's own thread into a queue. */
    private final class Stream {
        final HttpResponse<java.util.stream.Stream<String>> response;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader;

        Stream(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            this.reader =
                    new Thread(
                            () -> {
                                try {
                                    response.body().forEach(lines::add);
                                } catch (RuntimeException closed) {
                                    // the test closed it
                                }
                            },
                            "itest-stream");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next {@code unit} event, within 10 s (comments and the hello are skipped). */
        Event next() throws InterruptedException {
            long id = -1;
            String name = null;
            String data = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertNotNull("an event within 10 s", line);
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.isEmpty() && data != null) {
                    return new Event(id, name, data);
                }
            }
        }

        void close() {
            response.body().close();
        }
    }

    private Stream open(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/event-stream")
                        .header("Accept-Encoding", "gzip");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.util.stream.Stream<String>> response =
                streams.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        Stream s = new Stream(response);
        // the hello comes first: the stream is open and registered
        String hello = s.lines.poll(10, TimeUnit.SECONDS);
        assertEquals(": ok", hello);
        List<String> rest = new ArrayList<>();
        while (!"".equals(s.lines.poll(10, TimeUnit.SECONDS))) {
            rest.add("retry");
        }
        assertEquals(1, rest.size());
        return s;
    }
}
