package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.casework.ReviewLevel;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.TrustLevel;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Cases and review (C-1 … C-3) over HTTP: a two-level life cycle with a return for correction,
 * queues scoped by region and level, one winner among concurrent decisions, live progress, and a
 * two-step withdrawal that erases the case's data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CaseIT extends CitizenTestSupport {

    static final String TYPE = "itest-rental-application";

    /** A line's case type with two levels; remembers what it was asked to erase. */
    static final class TestType implements CaseType {
        final List<String> erased = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String id() {
            return TYPE;
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("测试公租房申请", "Test rental application");
        }

        @Override
        public List<ReviewLevel> levels() {
            return List.of(ReviewLevel.district(), ReviewLevel.city());
        }

        @Override
        public TrustLevel requiredTrustLevel() {
            return TrustLevel.L2;
        }

        @Override
        public List<String> requiredAttachments() {
            return List.of("id-card-front");
        }

        @Override
        public void erase(String caseId) {
            erased.add(caseId);
        }
    }

    @Inject BundleContext context;

    @Inject SessionFactory sessions;

    @Inject CaseService cases;

    @Inject AttachmentService attachments;

    @Inject org.guangsha.platform.document.DocumentService documents;

    @Test
    public void aCaseGoesThroughTwoLevelsWithAReturnForCorrection() throws Exception {
        awaitIdentity();
        TestType type = new TestType();
        ServiceRegistration<CaseType> reg = register(type);
        try {
            String citizen = registerL2(Person.random());
            String applicantId = me(citizen);
            CaseRecord draft =
                    cases.create(new NewCase(TYPE, applicantId, "440304", Channel.MOBILE, null));
            String id = draft.id();
            assertEquals(
                    "DRAFT",
                    json(call("GET", "/api/cases/" + id, citizen, null)).path("status").asText());
            assertEquals(
                    id, json(call("GET", "/api/cases", citizen, null)).get(0).path("id").asText());

            // the required ID card photo is missing
            assertField(
                    call("POST", "/api/cases/" + id + "/submit", citizen, null),
                    "attachments.id-card-front");
            String photo =
                    json(multipart(
                                            "POST",
                                            "/api/attachments",
                                            citizen,
                                            "id-card-front",
                                            "a.png",
                                            "image/png",
                                            AttachmentIT.png())
                                    .body())
                            .path("id")
                            .asText();
            attachments.fileWithCase(id, applicantId, List.of(photo));
            JsonNode submitted = json(call("POST", "/api/cases/" + id + "/submit", citizen, null));
            assertEquals("SUBMITTED", submitted.path("status").asText());
            assertEquals(1, submitted.path("level").asInt());
            assertEquals(
                    409, call("POST", "/api/cases/" + id + "/submit", citizen, null).statusCode());
            assertTrue(
                    json(call("GET", "/api/attachments/" + photo, citizen, null))
                            .path("frozen")
                            .asBoolean());

            String futian = staffToken(sessions, "CASEWORKER", "440304");
            String nanshan = staffToken(sessions, "CASEWORKER", "440305");
            String city = staffToken(sessions, "CASEWORKER", "440300");

            // queues: the district's caseworker sees it; another district and the city (level 2) do
            // not
            assertTrue(inQueue(futian, id));
            assertFalse(inQueue(nanshan, id));
            assertFalse(inQueue(city, id));
            assertEquals(403, call("GET", "/api/review/queue", citizen, null).statusCode());
            assertField(call("GET", "/api/review/queue?status=APPROVED", futian, null), "status");
            assertField(call("GET", "/api/review/queue?status=NONSENSE", futian, null), "status");
            assertField(call("GET", "/api/review/queue?sort=name", futian, null), "sort");
            // pages count from 1, as in every list of the API; the last page holds the last case
            assertField(call("GET", "/api/review/queue?page=0", futian, null), "page");
            assertField(call("GET", "/api/review/queue?page=x", futian, null), "page");
            assertField(call("GET", "/api/review/queue?size=101", futian, null), "size");
            String onePerPage = "/api/review/queue?type=" + TYPE + "&size=1";
            JsonNode first = json(call("GET", onePerPage, futian, null));
            assertEquals(1, first.path("page").asInt());
            assertEquals(1, first.path("size").asInt());
            assertEquals(1, first.path("items").size());
            long total = first.path("total").asLong();
            assertEquals(
                    1,
                    json(call("GET", onePerPage + "&page=" + total, futian, null))
                            .path("items")
                            .size());
            assertEquals(
                    0,
                    json(call("GET", onePerPage + "&page=" + (total + 1), futian, null))
                            .path("items")
                            .size());
            assertEquals(404, call("GET", "/api/review/cases/" + id, nanshan, null).statusCode());
            assertEquals(200, bytes("/api/attachments/" + photo + "/content", futian).statusCode());
            assertEquals(
                    404, bytes("/api/attachments/" + photo + "/content", nanshan).statusCode());
            assertEquals(403, decide(city, id, "APPROVE", null, version(futian, id)).statusCode());

            // returned for correction, with a remark per field; the citizen sees it, actor masked
            ObjectNode remarks = JSON.createObjectNode().put("income", "收入证明不清晰，请重新上传");
            HttpResponse<String> returned =
                    decide(futian, id, "RETURN", remarks, version(futian, id));
            assertEquals(returned.body(), 200, returned.statusCode());
            JsonNode seen = json(call("GET", "/api/cases/" + id, citizen, null));
            assertEquals("RETURNED", seen.path("status").asText());
            JsonNode last = seen.path("timeline").get(seen.path("timeline").size() - 1);
            assertEquals("returned", last.path("type").asText());
            assertEquals("收入证明不清晰，请重新上传", last.path("fieldRemarks").path("income").asText());
            assertTrue(
                    last.path("actor").asText(), last.path("actor").asText().startsWith("工作人员 "));
            assertFalse(inQueue(futian, id));

            // resubmitted; two caseworkers approve at once: exactly one wins
            assertEquals(
                    "SUBMITTED",
                    json(call("POST", "/api/cases/" + id + "/submit", citizen, null))
                            .path("status")
                            .asText());
            String futian2 = staffToken(sessions, "CASEWORKER", "440304");
            long v = version(futian, id);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> both =
                        List.of(
                                () -> decide(futian, id, "APPROVE", null, v).statusCode(),
                                () -> decide(futian2, id, "APPROVE", null, v).statusCode());
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(both)) {
                    codes.add(f.get());
                }
                Collections.sort(codes);
                assertEquals(List.of(200, 409), codes);
            } finally {
                pool.shutdown();
            }

            // level 2: the city's queue; live progress sees the city's approval without reloading
            assertFalse(inQueue(futian, id));
            assertTrue(inQueue(city, id));
            JsonNode before = json(call("GET", "/api/cases/" + id, citizen, null));
            assertEquals("UNDER_REVIEW", before.path("status").asText());
            assertEquals(2, before.path("level").asInt());
            long seenVersion = before.path("version").asLong();
            ExecutorService waiter = Executors.newSingleThreadExecutor();
            try {
                Future<HttpResponse<String>> progress =
                        waiter.submit(
                                () ->
                                        call(
                                                "GET",
                                                "/api/cases/"
                                                        + id
                                                        + "/progress?since="
                                                        + seenVersion
                                                        + "&wait=20",
                                                citizen,
                                                null));
                Thread.sleep(500);
                assertEquals(
                        200, decide(city, id, "APPROVE", null, version(city, id)).statusCode());
                JsonNode live = json(progress.get());
                assertEquals("APPROVED", live.path("status").asText());
            } finally {
                waiter.shutdown();
            }
            assertEquals(409, decide(city, id, "APPROVE", null, version(city, id)).statusCode());
            // every status change reached the applicant's inbox
            JsonNode inbox = json(call("GET", "/api/notifications?size=50", citizen, null));
            assertTrue(inbox.toString(), inbox.toString().contains("审核通过"));
            assertTrue(inbox.toString(), inbox.toString().contains("已退回"));

            // a document issued for the case shows in its timeline
            ServiceRegistration<org.guangsha.platform.document.DocumentType> notice =
                    context.registerService(
                            org.guangsha.platform.document.DocumentType.class,
                            org.guangsha.platform.document.DocumentType.of(
                                    "itest-approval-notice",
                                    LocalizedText.of("资格确认通知书", "Approval notice"),
                                    null,
                                    "# 资格确认通知书\n${holderName} 的申请已审核通过。"),
                            new Hashtable<>());
            try {
                documents.issue(
                        new org.guangsha.platform.document.IssueRequest(
                                "itest-approval-notice",
                                applicantId,
                                "440304",
                                id,
                                java.util.Map.of()));
            } finally {
                notice.unregister();
            }
            List<String> events = new ArrayList<>();
            json(call("GET", "/api/cases/" + id, citizen, null))
                    .path("timeline")
                    .forEach(e -> events.add(e.path("type").asText()));
            assertEquals(
                    List.of(
                            "created",
                            "submitted",
                            "returned",
                            "submitted",
                            "approved",
                            "approved",
                            "document"),
                    events);
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void withdrawingNeedsTwoStepsAndErasesTheCasesData() throws Exception {
        awaitIdentity();
        TestType type = new TestType();
        ServiceRegistration<CaseType> reg = register(type);
        try {
            Person applicant = new Person("周杰", Person.newIdNumber(), Person.newMobile());
            Person spouse = new Person("蔡依", Person.newIdNumber(), Person.newMobile());
            String a = registerL2(applicant);
            String b = registerL2(spouse);
            String applicantId = me(a);
            String consent =
                    json(call(
                                    "POST",
                                    "/api/licences/consents",
                                    b,
                                    JSON.createObjectNode()
                                            .put("granteeName", applicant.name())
                                            .put("granteeMobile", applicant.mobile())))
                            .path("id")
                            .asText();
            String spouseLicence =
                    json(call(
                                    "POST",
                                    "/api/licences/id-card",
                                    a,
                                    JSON.createObjectNode().put("consentId", consent)))
                            .path("id")
                            .asText();
            String photo =
                    json(multipart(
                                            "POST",
                                            "/api/attachments",
                                            a,
                                            "id-card-front",
                                            "a.png",
                                            "image/png",
                                            AttachmentIT.png())
                                    .body())
                            .path("id")
                            .asText();
            CaseRecord c = cases.create(new NewCase(TYPE, applicantId, "440304", Channel.PC, null));
            attachments.fileWithCase(c.id(), applicantId, List.of(photo, spouseLicence));
            cases.submit(c.id(), applicantId);
            String futian = staffToken(sessions, "CASEWORKER", "440304");
            decide(
                    futian,
                    c.id(),
                    "RETURN",
                    JSON.createObjectNode().put("name", "请核对姓名"),
                    version(futian, c.id()));

            // step two without step one's token is refused; nothing changes
            assertField(
                    call(
                            "POST",
                            "/api/cases/" + c.id() + "/withdraw/confirm",
                            a,
                            JSON.createObjectNode().put("confirmationToken", "guess")),
                    "confirmationToken");
            assertEquals(
                    404, call("POST", "/api/cases/" + c.id() + "/withdraw", b, null).statusCode());
            JsonNode notice = json(call("POST", "/api/cases/" + c.id() + "/withdraw", a, null));
            assertTrue(notice.path("consequences").path("zh").asText().contains("无法恢复"));
            HttpResponse<String> done =
                    call(
                            "POST",
                            "/api/cases/" + c.id() + "/withdraw/confirm",
                            a,
                            JSON.createObjectNode()
                                    .put(
                                            "confirmationToken",
                                            notice.path("confirmationToken").asText()));
            assertEquals(done.body(), 200, done.statusCode());
            JsonNode withdrawn = json(done);
            assertEquals("WITHDRAWN", withdrawn.path("status").asText());
            assertEquals(List.of(c.id()), type.erased);
            for (JsonNode e : withdrawn.path("timeline")) {
                assertFalse(e.toString(), e.toString().contains("请核对姓名"));
            }
            // the spouse's licence fetched for this case is gone; the applicant's own photo stays
            assertEquals(0, attachments.ofCase(c.id()).size());
            assertEquals(
                    404, call("GET", "/api/attachments/" + spouseLicence, a, null).statusCode());
            assertEquals(200, call("GET", "/api/attachments/" + photo, a, null).statusCode());
            assertEquals(
                    409, call("POST", "/api/cases/" + c.id() + "/withdraw", a, null).statusCode());
            assertFalse(inQueue(futian, c.id()));
        } finally {
            reg.unregister();
        }
    }

    private ServiceRegistration<CaseType> register(TestType type) {
        Dictionary<String, Object> props = new Hashtable<>();
        return context.registerService(CaseType.class, type, props);
    }

    private String me(String token) throws Exception {
        return json(call("GET", "/api/identity/me", token, null)).path("id").asText();
    }

    private boolean inQueue(String token, String caseId) throws Exception {
        HttpResponse<String> r =
                call("GET", "/api/review/queue?type=" + TYPE + "&size=100", token, null);
        assertEquals(r.body(), 200, r.statusCode());
        Set<String> ids = new java.util.HashSet<>();
        json(r).path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids.contains(caseId);
    }

    private long version(String staff, String caseId) throws Exception {
        HttpResponse<String> r = call("GET", "/api/review/cases/" + caseId, staff, null);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).path("record").path("version").asLong();
    }

    private HttpResponse<String> decide(
            String staff, String caseId, String decision, ObjectNode remarks, long version)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("decision", decision).put("version", version);
        if (remarks != null) {
            body.set("remarks", remarks);
        }
        return call("POST", "/api/review/cases/" + caseId + "/decisions", staff, body);
    }
}
