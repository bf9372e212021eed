package org.guangsha.shenzhen.rental.internal.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.EconomicStatusProvider;
import org.guangsha.platform.casework.EconomicStatusQuery;
import org.guangsha.platform.casework.EconomicStatusReport;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningRequest;
import org.guangsha.platform.document.SigningService;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.CoreFakes;
import org.guangsha.shenzhen.rental.internal.Lessees;
import org.guangsha.shenzhen.rental.internal.RentalConfiguration;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.ConfirmationRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.DeclarationRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.DocumentsRequest;
import org.guangsha.shenzhen.rental.internal.renewal.RenewalViews.StartRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lease renewal (SZ-2) on H2 with the core's services faked: branch, order, signing, new term. */
class RenewalServiceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    static final String ZHANG_ID = "440304199001011233";
    static final Caller ZHANG =
            new Caller("zhang", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);
    static final Caller OTHER =
            new Caller("other", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);

    private final Map<String, CaseRecord> caseRows = new HashMap<>();
    private final List<SigningRequest> ceremonies = new ArrayList<>();
    private final List<List<String>> filed = new ArrayList<>();
    private boolean reportPasses = true;
    private int reports;
    private EntityManagerFactory emf;
    private JdbcDataSource ds;
    private RenewalService renewals;

    @BeforeEach
    void setUp() throws Exception {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            for (String script :
                    List.of(
                            "V1__homes_leases_bills.sql",
                            "V5__lease_renewals.sql",
                            "V6__resident_changes.sql")) {
                try (InputStream in = getClass().getResourceAsStream("/db/migration/" + script)) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (String s : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                        if (!s.isBlank()) {
                            st.execute(s);
                        }
                    }
                }
            }
            st.execute(
                    "INSERT INTO SZR_HOME (ID, HOME_CODE, PROJECT, BUILDING, ROOM, ADDRESS,"
                            + " DISTRICT_CODE, CREATED_AT, UPDATED_AT) VALUES ('h1', 'FT-1', '福田安居苑',"
                            + " '2栋', '801', '深圳市福田区某路8号', '440304', NOW(), NOW())");
            st.execute(
                    "INSERT INTO SZR_HOME (ID, HOME_CODE, PROJECT, BUILDING, ROOM, ADDRESS,"
                            + " DISTRICT_CODE, CREATED_AT, UPDATED_AT) VALUES ('h2', 'NS-1', '南山公寓',"
                            + " 'A座', '1001', '深圳市南山区某路1号', '440305', NOW(), NOW())");
            st.execute(lease("old", "h1", "OLD"));
            st.execute(lease("new", "h2", "NEW"));
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-shenzhen-rental",
                                Map.of("javax.persistence.nonJtaDataSource", ds));
        JpaTransactions tx = new JpaTransactions(emf);
        renewals =
                RenewalService.forTests(
                        tx,
                        Lessees.forTests(tx, accounts(), CLOCK),
                        CoreFakes.cases(caseRows, CLOCK::instant),
                        attachments(),
                        signing(),
                        accounts(),
                        CoreFakes.proxy(
                                Regions.class, (n, a) -> "mayAct".equals(n) ? Boolean.FALSE : null),
                        CLOCK);
        renewals.economic(economic());
    }

    private static String lease(String id, String home, String policy) {
        return "INSERT INTO SZR_LEASE (ID, LEASE_NO, HOME_ID, ACTIVE_HOME_ID, LESSEE_KIND,"
                + " LESSEE_NAME, LESSEE_ID, MARITAL_STATUS, POLICY, START_DATE, END_DATE, RENT_FEN,"
                + " STATUS, CREATED_AT, UPDATED_AT) VALUES ('"
                + id
                + "', 'L-"
                + id
                + "', '"
                + home
                + "', '"
                + home
                + "', 'CITIZEN', '张三', '"
                + ZHANG_ID
                + "', '已婚', '"
                + policy
                + "', DATE '2024-09-01', DATE '2027-08-31', 126000, 'ACTIVE', NOW(), NOW())";
    }

    @AfterEach
    void tearDown() {
        emf.close();
    }

    @Test
    void anOldPolicyLeaseMayRenewUnderTheOldPolicyANewOneNeedsAPassedReport() {
        // SZ-2 a
        assertEquals(List.of("OLD"), renewals.overview(ZHANG, "old").options());
        assertEquals(List.of(), renewals.overview(ZHANG, "new").options());
        assertSlug("old-policy-not-applicable", () -> start("new", "OLD"));
        assertSlug("economic-check-required", () -> start("new", "NEW"));
        reportPasses = false;
        assertEquals(false, renewals.check(ZHANG, "new").passed());
        assertSlug("economic-check-failed", () -> start("new", "NEW"));
        reportPasses = true;
        assertTrue(renewals.check(ZHANG, "new").passed());
        assertEquals(List.of("NEW"), renewals.overview(ZHANG, "new").options());
        assertEquals("NEW", start("new", "NEW").track());
    }

    @Test
    void someoneElsesLeaseReadsAsNoLease() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> renewals.overview(OTHER, "old"));
        assertEquals(404, e.problem().status());
    }

    @Test
    void theStepsGoInTheirOrderAndOneRenewalIsOpenPerLease() {
        // SZ-2 b
        assertSlug(
                "renewal-step-out-of-order",
                () -> renewals.declare(ZHANG, "old", new DeclarationRequest(true)));
        start("old", "OLD");
        assertSlug("renewal-open", () -> start("old", "OLD"));
        assertSlug(
                "renewal-step-out-of-order",
                () -> renewals.confirm(ZHANG, "old", new ConfirmationRequest(true, "已婚")));
        assertSlug("renewal-step-out-of-order", () -> renewals.submit(ZHANG, "old"));
        renewals.declare(ZHANG, "old", new DeclarationRequest(true));
        ProblemException bad =
                assertThrows(
                        ProblemException.class,
                        () -> renewals.confirm(ZHANG, "old", new ConfirmationRequest(true, "?")));
        assertEquals(400, bad.problem().status());
        renewals.confirm(ZHANG, "old", new ConfirmationRequest(true, "离异"));
        assertThrows(
                ProblemException.class,
                () -> renewals.documents(ZHANG, "old", new DocumentsRequest("back", "back")));
        renewals.documents(ZHANG, "old", new DocumentsRequest("front", "back"));
        RenewalViews.RenewalView v = renewals.submit(ZHANG, "old");
        assertEquals("REVIEW", v.status());
        assertEquals("您的续约申请已经提交成功", v.message());
        CaseRecord c = caseRows.get(v.caseId());
        assertEquals(RenewalService.RENEWAL_CASE, c.typeId());
        assertEquals("440304", c.regionCode());
        assertEquals(List.of(List.of("front", "back")), filed);
        assertSlug("renewal-step-out-of-order", () -> renewals.startSigning(ZHANG, "old"));
    }

    @Test
    void afterApprovalTheSignedAndApprovedContractExtendsTheLeaseOnce() throws Exception {
        // SZ-2 c
        renewals.check(ZHANG, "old");
        start("old", "NEW");
        renewals.declare(ZHANG, "old", new DeclarationRequest(true));
        renewals.confirm(ZHANG, "old", new ConfirmationRequest(true, "已婚"));
        renewals.documents(ZHANG, "old", new DocumentsRequest("front", "back"));
        String caseId = renewals.submit(ZHANG, "old").caseId();
        renewals.renewalApproved(caseId);
        RenewalViews.SigningStarted s = renewals.startSigning(ZHANG, "old");
        SigningRequest req = ceremonies.get(0);
        assertEquals("lease-contract", req.documentTypeId());
        assertEquals(RenewalService.COMMITMENT, req.commitmentText());
        assertEquals("2027年09月01日", req.values().get("termFrom"));
        assertEquals("2030年08月31日", req.values().get("termTo"));
        SigningFlow done =
                new SigningFlow(
                        s.signingId(),
                        "shenzhen-rental",
                        s.renewalId(),
                        "zhang",
                        "lease-contract",
                        SigningStep.DONE,
                        null,
                        CLOCK.instant().plusSeconds(3600),
                        "doc-1");
        renewals.contractSigned(done, "doc-1");
        renewals.contractSigned(done, "doc-1"); // told twice: one contract case
        RenewalViews.RenewalView signed = renewals.overview(ZHANG, "old").renewal();
        assertEquals("SIGNED", signed.status());
        assertEquals("签订成功", signed.message());
        assertEquals(
                1,
                caseRows.values().stream()
                        .filter(c -> RenewalService.CONTRACT_CASE.equals(c.typeId()))
                        .count());
        assertEquals(LocalDate.of(2027, 8, 31), renewals.overview(ZHANG, "old").endDate());
        renewals.contractApproved(signed.contractCaseId());
        renewals.contractApproved(signed.contractCaseId());
        RenewalViews.Overview after = renewals.overview(ZHANG, "old");
        assertEquals(LocalDate.of(2030, 8, 31), after.endDate());
        assertEquals("NEW", after.policy());
        assertEquals("RENEWED", after.renewal().status());
        // done, now under the new policy: a later renewal may start, not under the old one
        assertSlug("old-policy-not-applicable", () -> start("old", "OLD"));
        assertEquals("DRAFT", start("old", "NEW").status());
    }

    @Test
    void theCitysSettingsGiveTheTermTheCountdownsAndTheLessor() {
        // SZ-2 c with etc/org.guangsha.shenzhen.rental.cfg changed while running
        Map<String, Object> cfg =
                Map.of(
                        "renewal_term_years", 5,
                        "signing_read_seconds", 30,
                        "signing_commitment_seconds", 500,
                        "lessor_name", " 某市住房保障中心 ",
                        "rent_due_day", 8);
        renewals.modified(
                (RentalConfiguration)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {RentalConfiguration.class},
                                (p, m, args) ->
                                        cfg.containsKey(m.getName())
                                                ? cfg.get(m.getName())
                                                : m.getDefaultValue()));
        start("old", "OLD");
        renewals.declare(ZHANG, "old", new DeclarationRequest(true));
        renewals.confirm(ZHANG, "old", new ConfirmationRequest(true, "已婚"));
        renewals.documents(ZHANG, "old", new DocumentsRequest("front", "back"));
        renewals.renewalApproved(renewals.submit(ZHANG, "old").caseId());
        renewals.startSigning(ZHANG, "old");
        SigningRequest req = ceremonies.get(0);
        assertEquals("2032年08月31日", req.values().get("termTo"));
        assertEquals(Duration.ofSeconds(30), req.contractReading());
        assertEquals(Duration.ofSeconds(120), req.commitmentReading()); // kept within 0–120
        assertEquals("某市住房保障中心", req.values().get("lessorName"));
        assertEquals("12345", req.values().get("lessorPhone"));
        assertEquals("8", req.values().get("paymentDay"));
    }

    @Test
    void aRejectedRenewalClosesAndTheLeaseStays() {
        start("old", "OLD");
        renewals.declare(ZHANG, "old", new DeclarationRequest(true));
        renewals.confirm(ZHANG, "old", new ConfirmationRequest(true, "已婚"));
        renewals.documents(ZHANG, "old", new DocumentsRequest("front", "back"));
        String caseId = renewals.submit(ZHANG, "old").caseId();
        renewals.closed(caseId, "REJECTED");
        RenewalViews.Overview o = renewals.overview(ZHANG, "old");
        assertEquals("REJECTED", o.renewal().status());
        assertEquals(LocalDate.of(2027, 8, 31), o.endDate());
        assertEquals("DRAFT", start("old", "OLD").status());
    }

    private RenewalViews.RenewalView start(String lease, String track) {
        return renewals.start(ZHANG, lease, new StartRequest(track));
    }

    private static void assertSlug(String slug, Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertTrue(e.problem().type().endsWith(":" + slug), e.problem().type() + " is not " + slug);
    }

    private EconomicStatusProvider economic() {
        return new EconomicStatusProvider() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public LocalizedText name() {
                return LocalizedText.of("核对", "check");
            }

            @Override
            public EconomicStatusReport check(EconomicStatusQuery query) {
                return new EconomicStatusReport(
                        "R-" + UUID.randomUUID(),
                        "fake",
                        reportPasses,
                        List.of(
                                new EconomicStatusReport.Finding(
                                        LocalizedText.of("住房", "homes"),
                                        reportPasses ? "0" : "1",
                                        "0",
                                        reportPasses)),
                        CLOCK.instant().plusSeconds(++reports));
            }
        };
    }

    private static AccountDirectory accounts() {
        return CoreFakes.proxy(
                AccountDirectory.class,
                (name, args) ->
                        switch (name) {
                            case "find" -> "zhang".equals(args[0])
                                    ? Optional.of(
                                            new AccountDirectory.AccountProfile(
                                                    "zhang",
                                                    AccountKind.CITIZEN,
                                                    "张三",
                                                    ZHANG_ID,
                                                    "13800000001",
                                                    TrustLevel.L2))
                                    : Optional.of(
                                            new AccountDirectory.AccountProfile(
                                                    "other",
                                                    AccountKind.CITIZEN,
                                                    "王五",
                                                    "440305198505054327",
                                                    null,
                                                    TrustLevel.L2));
                            default -> Optional.empty();
                        });
    }

    private AttachmentService attachments() {
        return CoreFakes.proxy(
                AttachmentService.class,
                (name, args) ->
                        switch (name) {
                            case "find" -> {
                                String id = (String) args[1];
                                String kind =
                                        "front".equals(id)
                                                ? "id-card-front"
                                                : "back".equals(id) ? "id-card-back" : null;
                                yield kind == null
                                        ? Optional.empty()
                                        : Optional.of(
                                                new Attachment(
                                                        id,
                                                        "zhang",
                                                        kind,
                                                        "a.png",
                                                        "image/png",
                                                        1,
                                                        "x",
                                                        "upload",
                                                        null,
                                                        CLOCK.instant(),
                                                        false));
                            }
                            case "fileWithCase" -> {
                                @SuppressWarnings("unchecked")
                                java.util.Collection<String> ids =
                                        (java.util.Collection<String>) args[2];
                                filed.add(List.copyOf(ids));
                                yield null;
                            }
                            default -> throw new UnsupportedOperationException(name);
                        });
    }

    private SigningService signing() {
        return CoreFakes.proxy(
                SigningService.class,
                (name, args) ->
                        switch (name) {
                            case "start" -> {
                                SigningRequest r = (SigningRequest) args[0];
                                ceremonies.add(r);
                                yield new SigningFlow(
                                        "flow-" + ceremonies.size(),
                                        r.module(),
                                        r.reference(),
                                        r.accountId(),
                                        r.documentTypeId(),
                                        SigningStep.CONFIRM_DETAILS,
                                        null,
                                        CLOCK.instant().plusSeconds(3600),
                                        null);
                            }
                            case "find" -> Optional.empty();
                            default -> throw new UnsupportedOperationException(name);
                        });
    }
}
