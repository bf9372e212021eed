package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The audit trail: logins and their failures, verifications, staff and configuration changes are
 * recorded with masked details; only operators read them; the hash chain verifies, over REST and in
 * the shell, and an edited row is found by its SEQ.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AuditIT extends CitizenTestSupport {

    @Inject SessionFactory sessions;

    @Inject BundleContext context;

    @Inject DocumentService documents;

    @Inject AuditLog audit;

    @Inject ConfigurationAdmin configAdmin;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    @Test
    public void loginsAndTheirFailuresAreAuditedForOperatorsOnly() throws Exception {
        awaitAudit();
        Person p = Person.random();
        String citizen = registerL2(p);
        String citizenId = json(call("GET", "/api/identity/me", citizen, null)).path("id").asText();
        assertEquals(401, loginResponse(p.idNumber(), "Wrong#Password1").statusCode());
        String operator = staffToken(sessions, "OPERATOR", null);
        String operatorId =
                json(call("GET", "/api/identity/me", operator, null)).path("id").asText();
        String caseworker = staffToken(sessions, "CASEWORKER", "440304");

        HttpResponse<String> page = audit(operator, "action=login.*&size=200");
        assertEquals(page.body(), 200, page.statusCode());
        assertFalse(page.body().contains(p.idNumber()));
        assertFalse(page.body().contains(p.mobile()));
        JsonNode failed = find(page, "login.failed", "account:" + citizenId);
        assertNotNull(page.body(), failed);
        assertFalse(failed.hasNonNull("actorId"));
        assertTrue(
                failed.path("detail").asText(),
                failed.path("detail").asText().contains("reason=BAD_PASSWORD"));
        assertTrue(
                failed.path("detail").asText(),
                failed.path("detail").asText().contains(p.idNumber().substring(14)));
        assertFalse(failed.path("sourceAddress").asText().isEmpty());
        assertTrue(failed.path("at").asText(), failed.path("at").asText().endsWith("+08:00"));
        JsonNode succeeded = find(page, "login.succeeded", "account:" + citizenId);
        assertNotNull(page.body(), succeeded);
        assertEquals(citizenId, succeeded.path("actorId").asText());
        assertTrue(succeeded.path("seq").asLong() < failed.path("seq").asLong());

        // newest first, paged
        JsonNode one = json(audit(operator, "size=1"));
        assertEquals(1, one.path("items").size());
        assertTrue(one.path("total").asLong() > 1);
        assertEquals(400, audit(operator, "size=201").statusCode());
        assertEquals(400, audit(operator, "from=yesterday").statusCode());

        // the citizen's verification, the caseworker's account, and the export itself
        JsonNode mine = json(audit(operator, "actor=" + citizenId));
        assertTrue(mine.toString(), mine.toString().contains("\"verification.passed\""));
        String staff = audit(operator, "action=staff.created&size=5").body();
        assertTrue(staff, staff.contains("role=CASEWORKER region=440304"));
        JsonNode exports = json(audit(operator, "action=audit.export&actor=" + operatorId));
        assertTrue(exports.path("total").asLong() >= 5);

        // citizens and caseworkers are refused
        HttpResponse<String> asCitizen = audit(citizen, "");
        assertEquals(403, asCitizen.statusCode());
        assertEquals(403, audit(caseworker, "").statusCode());
        assertEquals(403, call("GET", "/api/audit/verification", caseworker, null).statusCode());
        assertEquals(401, audit(null, "").statusCode());
    }

    @Test
    public void documentsIssuedAndRevokedAreAuditedWithPersonalDataMasked() throws Exception {
        awaitAudit();
        ServiceRegistration<DocumentType> type =
                context.registerService(
                        DocumentType.class,
                        DocumentType.of(
                                "itest-audit-notice",
                                LocalizedText.of("审计测试通知", "Audit test notice"),
                                null,
                                "# 审计测试通知\n兹通知 ${holderName}。\n"),
                        null);
        try {
            String operator = staffToken(sessions, "OPERATOR", null);
            String operatorId =
                    json(call("GET", "/api/identity/me", operator, null)).path("id").asText();
            String holder = registerAndLogin(Person.random());
            String holderId =
                    json(call("GET", "/api/identity/me", holder, null)).path("id").asText();
            IssuedDocument d =
                    documents.issue(
                            new IssueRequest("itest-audit-notice", holderId, null, null, Map.of()));
            documents.revoke(d.id(), operatorId, "误发，联系人13812345678");

            String target = "document:" + d.id();
            JsonNode issued =
                    find(
                            audit(operator, "action=document.issued&size=50"),
                            "document.issued",
                            target);
            assertNotNull(issued);
            assertTrue(
                    issued.path("detail").asText(),
                    issued.path("detail").asText().contains(d.number()));
            JsonNode revoked =
                    find(
                            audit(operator, "action=document.revoked&size=50"),
                            "document.revoked",
                            target);
            assertNotNull(revoked);
            assertEquals(operatorId, revoked.path("actorId").asText());
            assertTrue(
                    revoked.path("detail").asText(),
                    revoked.path("detail").asText().contains("联系人138****5678"));
        } finally {
            type.unregister();
        }
    }

    @Test
    public void configurationChangesRecordKeyNamesNeverValues() throws Exception {
        awaitAudit();
        String operator = staffToken(sessions, "OPERATOR", null);
        String pid = "org.guangsha.itest" + UUID.randomUUID().toString().substring(0, 8);
        Configuration config = configAdmin.getConfiguration(pid, null);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("gateway.password", "hunter2-secret");
        config.update(props);
        await(
                "config.updated of " + pid,
                () -> contains(operator, "action=config.updated", pid, "gateway.password"));
        config.delete();
        await(
                "config.deleted of " + pid,
                () -> contains(operator, "action=config.*", pid, "config.deleted"));
        assertFalse(audit(operator, "action=config.*&size=200").body().contains("hunter2"));
    }

    @Test
    public void theChainVerifiesAndAnEditedRowIsFound() throws Exception {
        awaitAudit();
        String operator = staffToken(sessions, "OPERATOR", null);
        String target = "itest:" + UUID.randomUUID();
        audit.record("itest.tamper", null, target, null, "original detail");
        long seq = seqOf(target);

        JsonNode ok = json(call("GET", "/api/audit/verification", operator, null));
        assertTrue(ok.toString(), ok.path("ok").asBoolean());
        assertTrue(ok.path("rowsChecked").asLong() >= seq);
        String shell = execute(sessions, "guangsha:audit-verify");
        assertTrue(shell, shell.contains("OK: audit chain intact"));

        setDetail(seq, "edited behind the platform's back");
        try {
            JsonNode broken = json(call("GET", "/api/audit/verification", operator, null));
            assertFalse(broken.toString(), broken.path("ok").asBoolean());
            assertEquals(broken.toString(), seq, broken.path("firstBrokenSeq").asLong());
            assertTrue(broken.path("reason").asText().contains("edited"));
            String report = execute(sessions, "guangsha:audit-verify");
            assertTrue(report, report.contains("BROKEN"));
            assertTrue(report, report.contains("SEQ " + seq));
        } finally {
            // other tests share this container and its chain
            setDetail(seq, "original detail");
        }
        assertTrue(
                json(call("GET", "/api/audit/verification", operator, null))
                        .path("ok")
                        .asBoolean());
    }

    @Test
    public void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        awaitAudit();
        String operator = staffToken(sessions, "OPERATOR", null);
        String prefix = "itest:concurrent:" + UUID.randomUUID() + ":";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                String target = prefix + i;
                done.add(
                        pool.submit(
                                () -> audit.record("itest.concurrent", null, target, null, null)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> seqs = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            seqs.add(seqOf(prefix + i));
        }
        assertEquals(60, seqs.size());
        JsonNode v = json(call("GET", "/api/audit/verification", operator, null));
        assertTrue(v.toString(), v.path("ok").asBoolean());
    }

    private void awaitAudit() throws InterruptedException {
        awaitIdentity();
        await("the audit resource", () -> statusOf("/api/audit") == 401);
    }

    private HttpResponse<String> audit(String token, String query) throws Exception {
        return call("GET", "/api/audit" + (query.isEmpty() ? "" : "?" + query), token, null);
    }

    private boolean contains(String token, String query, String target, String text) {
        try {
            HttpResponse<String> r = audit(token, query + "&size=200");
            for (JsonNode item : json(r).path("items")) {
                if (item.path("target").asText().equals(target) && item.toString().contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode find(HttpResponse<String> page, String action, String target)
            throws Exception {
        for (JsonNode item : json(page).path("items")) {
            if (item.path("action").asText().equals(action)
                    && item.path("target").asText().equals(target)) {
                return item;
            }
        }
        return null;
    }

    private long seqOf(String target) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT SEQ FROM PLT_AUDIT WHERE TARGET = ?")) {
            st.setString(1, target);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue("an audit row for " + target, rs.next());
                return rs.getLong(1);
            }
        }
    }

    private void setDetail(long seq, String detail) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement("UPDATE PLT_AUDIT SET DETAIL = ? WHERE SEQ = ?")) {
            st.setString(1, detail);
            st.setLong(2, seq);
            assertEquals(1, st.executeUpdate());
        }
    }
}
