package org.guangsha.shenzhen.rental.internal.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.CoreFakes;
import org.guangsha.shenzhen.rental.internal.Lessees;
import org.guangsha.shenzhen.rental.internal.RentalTestDatabase;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ChangeRequest;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ChangeView;
import org.guangsha.shenzhen.rental.internal.changes.ChangeViews.ResidentInput;
import org.guangsha.shenzhen.rental.internal.store.HomeEntity;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
import org.guangsha.shenzhen.rental.internal.store.ResidentEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SZ-3 and SZ-5 on H2 with the line's migrations and fakes of the core's cases and documents. */
class ChangesServiceTest {

    private static final Caller ZHANG =
            new Caller("zhang", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);
    private static final Caller ORG =
            new Caller(
                    "org", AccountKind.ORGANIZATION, TrustLevel.L1, Set.of("ORGANIZATION"), null);
    private static final Caller OTHER_ORG =
            new Caller(
                    "org2", AccountKind.ORGANIZATION, TrustLevel.L1, Set.of("ORGANIZATION"), null);
    private static final String NEW_ID = ResidentIdNumber.withCheckCharacter("44030420150601002");

    private static final String QIAN_ID = ResidentIdNumber.withCheckCharacter("44030519930707234");
    private static final String WRONG_ID =
            NEW_ID.substring(0, 17) + (NEW_ID.charAt(17) == '1' ? '2' : '1');

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private final Map<String, CaseRecord> caseRows = new HashMap<>();
    private final List<IssueRequest> issued = new ArrayList<>();
    private RentalTestDatabase db;
    private ChangesService changes;
    private ChangesCaseListener listener;

    @BeforeEach
    void setUp() throws Exception {
        db = new RentalTestDatabase();
        Lessees lessees = Lessees.forTests(db.tx, accounts(), clock);
        changes =
                ChangesService.forTests(
                        db.tx,
                        lessees,
                        CoreFakes.cases(caseRows, clock::instant),
                        CoreFakes.proxy(AttachmentService.class, (n, a) -> null),
                        documents(),
                        accounts(),
                        CoreFakes.proxy(
                                Regions.class,
                                (n, a) -> "region".equals(n) ? Optional.empty() : null),
                        clock);
        listener = new ChangesCaseListener(changes);
        lease("L-Z", "H-Z", "440304", "CITIZEN", "zhang", "440304199001011233");
        resident("R1", "L-Z", "CO_RESIDENT", null, "李梅", "440304199202022221", "配偶");
        resident("R2", "L-Z", "CO_RESIDENT", null, "张小宝", "440304201803030018", "子女");
        lease("L-O", "H-O", "440305", "ORGANIZATION", "org", "91440300MA5G20260T");
        resident("O1", "L-O", "OCCUPANT", null, "陈一", "440305199105051234", null);
        resident("O2", "L-O", "CO_RESIDENT", "O1", "林一", "440305199206062349", "配偶");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aCitizensChangeAppliesOnlyOnApprovalAndOnce() throws Exception {
        // SZ-3: edit 李梅's relation keeping her masked ID number, delete 张小宝, add 王小二
        ChangeView v =
                changes.propose(
                        ZHANG,
                        "L-Z",
                        new ChangeRequest(
                                "13900000009",
                                "离异",
                                "家庭成员变化",
                                List.of(
                                        new ResidentInput(
                                                "R1",
                                                null,
                                                null,
                                                null,
                                                "李*",
                                                "4403**********2221",
                                                "前配偶",
                                                null),
                                        new ResidentInput(
                                                null,
                                                null,
                                                null,
                                                null,
                                                "王小二",
                                                NEW_ID,
                                                "子女",
                                                "13700000001")),
                                List.of(),
                                "PC"));
        assertEquals("REVIEW", v.status());
        assertEquals(List.of("EDIT", "ADD"), v.residents().stream().map(r -> r.action()).toList());
        assertEquals("DELETE", v.removed().get(0).action());
        assertEquals("440304", caseRows.get(v.caseId()).regionCode());
        assertEquals(CaseStatus.SUBMITTED, caseRows.get(v.caseId()).status());
        assertEquals(2, db.count("SELECT COUNT(*) FROM SZR_CHANGE_RESIDENT"));
        // nothing changes before the review
        assertEquals(1, db.count("SELECT COUNT(*) FROM SZR_RESIDENT WHERE NAME = '张小宝'"));

        // one open change per lease
        ProblemException open =
                assertThrows(
                        ProblemException.class,
                        () -> changes.propose(ZHANG, "L-Z", request(List.of())));
        assertTrue(open.problem().type().endsWith("change-open"));
        assertFalse(changes.overview(ZHANG, "L-Z").canApply());

        CaseRecord approved = CoreFakes.withStatus(caseRows.get(v.caseId()), CaseStatus.APPROVED);
        CaseEvent event =
                new CaseEvent(
                        "approved", clock.instant(), "cw", CaseStatus.APPROVED, 1, null, Map.of());
        listener.changed(approved, event);
        listener.changed(approved, event); // told twice: applied once
        assertEquals(2, db.count("SELECT COUNT(*) FROM SZR_RESIDENT WHERE LEASE_ID = 'L-Z'"));
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(*) FROM SZR_RESIDENT WHERE ID = 'R1' AND RELATION = '前配偶'"
                                + " AND ID_NUMBER = '440304199202022221'"));
        assertEquals(
                1,
                db.count("SELECT COUNT(*) FROM SZR_RESIDENT WHERE ID_NUMBER = '" + NEW_ID + "'"));
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(*) FROM SZR_LEASE WHERE ID = 'L-Z' AND MARITAL_STATUS = '离异'"
                                + " AND LESSEE_MOBILE = '13900000009'"));
        var overview = changes.overview(ZHANG, "L-Z");
        assertTrue(overview.canApply());
        assertEquals("APPROVED", overview.changes().get(0).status());
        assertFalse(overview.residents().get(0).name().equals("李梅")); // masked
    }

    @Test
    void wrongFieldsAreNamed() throws Exception {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                changes.propose(
                                        ZHANG,
                                        "L-Z",
                                        request(
                                                List.of(
                                                        new ResidentInput(
                                                                null, null, null, null, "王二",
                                                                WRONG_ID, "子女", "123")))));
        String fields = e.problem().errors().toString();
        // GB 11643: a wrong check character
        assertTrue(fields.contains("residents[0].idNumber"), fields);
        assertTrue(fields.contains("residents[0].mobile"), fields);
        assertEquals(0, db.count("SELECT COUNT(*) FROM SZR_CHANGE"));
    }

    @Test
    void aRejectedChangeFreesTheLeaseAndChangesNothing() throws Exception {
        ChangeView v = changes.propose(ZHANG, "L-Z", request(List.of()));
        listener.changed(
                CoreFakes.withStatus(caseRows.get(v.caseId()), CaseStatus.REJECTED),
                new CaseEvent(
                        "rejected", clock.instant(), "cw", CaseStatus.REJECTED, 1, "x", Map.of()));
        assertEquals(2, db.count("SELECT COUNT(*) FROM SZR_RESIDENT WHERE LEASE_ID = 'L-Z'"));
        assertTrue(changes.overview(ZHANG, "L-Z").canApply());
        assertEquals("REJECTED", changes.overview(ZHANG, "L-Z").changes().get(0).status());
    }

    @Test
    void anOrganizationChangesItsOccupantsAndPrintsTheNotice() throws Exception {
        // SZ-5: another organization never sees the lease
        assertThrows(ProblemException.class, () -> changes.overview(OTHER_ORG, "L-O"));
        assertThrows(
                ProblemException.class,
                () -> changes.propose(OTHER_ORG, "L-O", request(List.of())));
        // 陈一 stays, 林一 is deleted, 赵四 moves in with 钱五
        ChangeView v =
                changes.propose(
                        ORG,
                        "L-O",
                        request(
                                List.of(
                                        new ResidentInput(
                                                "O1",
                                                null,
                                                "OCCUPANT",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null),
                                        new ResidentInput(
                                                null,
                                                "n1",
                                                "OCCUPANT",
                                                null,
                                                "赵四",
                                                NEW_ID,
                                                null,
                                                null),
                                        new ResidentInput(
                                                null,
                                                null,
                                                "CO_RESIDENT",
                                                "n1",
                                                "钱五",
                                                QIAN_ID,
                                                "配偶",
                                                null))));
        assertEquals("440305", caseRows.get(v.caseId()).regionCode());
        assertEquals(ChangesService.EMPLOYER_CASE, caseRows.get(v.caseId()).typeId());
        ProblemException early =
                assertThrows(
                        ProblemException.class,
                        () -> changes.printNotice(ORG, "L-O", v.id(), null));
        assertEquals(409, early.problem().status());
        listener.changed(
                CoreFakes.withStatus(caseRows.get(v.caseId()), CaseStatus.APPROVED),
                new CaseEvent(
                        "approved", clock.instant(), "cw", CaseStatus.APPROVED, 1, null, Map.of()));
        assertEquals(3, db.count("SELECT COUNT(*) FROM SZR_RESIDENT WHERE LEASE_ID = 'L-O'"));
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(*) FROM SZR_RESIDENT c JOIN SZR_RESIDENT o ON c.OCCUPANT_ID ="
                                + " o.ID WHERE c.NAME = '钱五' AND o.NAME = '赵四'"));
        String zhao =
                changes.residents("L-O").stream()
                        .filter(r -> "赵四".equals(r.name()))
                        .findFirst()
                        .orElseThrow()
                        .id();
        changes.printNotice(ORG, "L-O", v.id(), zhao);
        assertEquals(ChangesService.NOTICE_DOCUMENT, issued.get(0).typeId());
        assertEquals("赵四", issued.get(0).values().get("tenantName"));
        assertEquals("钱五", issued.get(0).values().get("familyMembers"));
        assertEquals("2", issued.get(0).values().get("householdSize"));
        assertThrows(
                ProblemException.class, () -> changes.printNotice(OTHER_ORG, "L-O", v.id(), zhao));
        // the approved change names the residents it created: the page offers 赵四's notice
        ChangeView done = changes.overview(ORG, "L-O").changes().get(0);
        assertEquals(zhao, done.residents().get(1).id());
        assertTrue(done.residents().stream().allMatch(r -> r.id() != null), done.toString());
    }

    @Test
    void theReviewFormListsEveryPersonMaskedWithWhatHappensToThem() throws Exception {
        ChangeView v =
                changes.propose(
                        ORG,
                        "L-O",
                        request(
                                List.of(
                                        new ResidentInput(
                                                null,
                                                "n1",
                                                "OCCUPANT",
                                                null,
                                                "赵四",
                                                NEW_ID,
                                                null,
                                                "13700000001"),
                                        new ResidentInput(
                                                null,
                                                null,
                                                "CO_RESIDENT",
                                                "n1",
                                                "钱五",
                                                QIAN_ID,
                                                "配偶",
                                                null))));
        Map<String, String> form = new LinkedHashMap<>();
        changes.form(ORG, v.caseId()).fields().forEach(f -> form.put(f.name(), f.value()));
        assertEquals("NO-L-O", form.get("leaseNo"));
        assertEquals(
                "【新增】赵* · 4403**********" + NEW_ID.substring(14) + " · 137****0001",
                form.get("residents[0]"));
        assertTrue(form.get("residents[1]").startsWith("【新增】钱* · "), form.toString());
        assertTrue(form.get("removed[0]").startsWith("【删除】陈*"), form.toString());
        assertTrue(form.get("removed[1]").startsWith("【删除】林*"), form.toString());
        assertFalse(form.toString().contains(NEW_ID), "masked");
        assertFalse(form.toString().contains("440305199105051234"), "masked");
    }

    @Test
    void theImportsMaritalCodesReadAsTheWordsThePagesUse() throws Exception {
        // the operators' import stores MARRIED …; the page shows and sends 已婚 …, both accepted
        db.tx.run(em -> em.find(LeaseEntity.class, "L-Z").maritalStatus("MARRIED"));
        assertEquals("已婚", changes.overview(ZHANG, "L-Z").maritalStatus());
        ChangeView v =
                changes.propose(
                        ZHANG,
                        "L-Z",
                        new ChangeRequest(null, "DIVORCED", null, null, List.of(), null));
        assertEquals("离异", v.maritalStatus());
    }

    @Test
    void aRefusedFileLeavesNoOpenChange() throws Exception {
        ChangesService refusing =
                ChangesService.forTests(
                        db.tx,
                        Lessees.forTests(db.tx, accounts(), clock),
                        CoreFakes.cases(caseRows, clock::instant),
                        CoreFakes.proxy(
                                AttachmentService.class,
                                (n, a) -> {
                                    throw ProblemException.notFound(null);
                                }),
                        documents(),
                        accounts(),
                        CoreFakes.proxy(Regions.class, (n, a) -> null),
                        clock);
        // someone else's file is refused by the core; the lease stays free
        assertThrows(
                ProblemException.class,
                () ->
                        refusing.propose(
                                ZHANG,
                                "L-Z",
                                new ChangeRequest(
                                        null, null, null, List.of(), List.of("not-mine"), null)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM SZR_CHANGE"));
        assertTrue(changes.overview(ZHANG, "L-Z").canApply());
    }

    @Test
    void aWithdrawnChangeIsErased() throws Exception {
        ChangeView v = changes.propose(ZHANG, "L-Z", request(List.of()));
        changes.erase(v.caseId());
        assertEquals(0, db.count("SELECT COUNT(*) FROM SZR_CHANGE_RESIDENT"));
        assertNull(changes.overview(ZHANG, "L-Z").changes().get(0).mobile());
        assertTrue(changes.overview(ZHANG, "L-Z").canApply());
    }

    // ---------------------------------------------------------------- fixtures

    private static ChangeRequest request(List<ResidentInput> residents) {
        return new ChangeRequest(null, null, null, residents, List.of(), null);
    }

    private void lease(
            String id,
            String homeId,
            String district,
            String kind,
            String account,
            String lesseeId) {
        db.tx.run(
                em -> {
                    HomeEntity h = new HomeEntity(homeId);
                    h.homeCode(homeId);
                    h.project("项目" + homeId);
                    h.building("1");
                    h.room("101");
                    h.address("深圳市 " + homeId);
                    h.districtCode(district);
                    h.createdAt(clock.instant());
                    h.updatedAt(clock.instant());
                    em.persist(h);
                    LeaseEntity l = new LeaseEntity(id);
                    l.leaseNo("NO-" + id);
                    l.homeId(homeId);
                    l.activeHomeId(homeId);
                    l.lesseeKind(kind);
                    l.lesseeName("承租人" + id);
                    l.lesseeId(lesseeId);
                    l.accountId(account);
                    l.maritalStatus("已婚");
                    l.policy("OLD");
                    l.startDate(LocalDate.of(2026, 1, 1));
                    l.endDate(LocalDate.of(2029, 1, 1));
                    l.rentFen(126000);
                    l.status("ACTIVE");
                    l.createdAt(clock.instant());
                    l.updatedAt(clock.instant());
                    em.persist(l);
                });
    }

    private void resident(
            String id,
            String leaseId,
            String role,
            String occupantId,
            String name,
            String idNumber,
            String relation) {
        db.tx.run(
                em -> {
                    ResidentEntity r = new ResidentEntity(id);
                    r.leaseId(leaseId);
                    r.role(role);
                    r.occupantId(occupantId);
                    r.name(name);
                    r.idNumber(idNumber);
                    r.relation(relation);
                    r.position(id.charAt(1) - '0');
                    em.persist(r);
                });
    }

    private AccountDirectory accounts() {
        return CoreFakes.proxy(
                AccountDirectory.class,
                (name, args) ->
                        switch (name) {
                            case "find", "creditCode" -> Optional.empty();
                            default -> null;
                        });
    }

    private DocumentService documents() {
        return CoreFakes.proxy(
                DocumentService.class,
                (name, args) -> {
                    IssueRequest r = (IssueRequest) args[0];
                    issued.add(r);
                    return new IssuedDocument(
                            UUID.randomUUID().toString(),
                            "GS-" + issued.size(),
                            r.typeId(),
                            LocalizedText.of("入住通知书", "Occupancy notice"),
                            r.holderId(),
                            r.regionCode(),
                            r.caseId(),
                            LocalDate.of(2026, 11, 23),
                            null,
                            DocumentStatus.VALID,
                            false,
                            1,
                            null,
                            null);
                });
    }
}
