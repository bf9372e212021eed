package org.guangsha.shenzhen.rental.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.shenzhen.rental.data.ImportRejectedException;
import org.guangsha.shenzhen.rental.internal.Views.Me;
import org.guangsha.shenzhen.rental.internal.imports.RentalImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding the caller's leases (by account, verified ID number, credit code) and the personal page
 * (SZ-1) on an imported city, on H2.
 */
class LesseesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    static final String ZHANG_ID = "440304199001011233";
    static final String ORG_CODE = "91440300MA5G20260T";

    RentalTestDatabase db;
    RentalImportService imports;
    Lessees lessees;
    PersonalPage page;

    /** Accounts: zhang (citizen), other (citizen), org (organization). */
    static final AccountDirectory ACCOUNTS =
            new AccountDirectory() {
                @Override
                public Optional<AccountProfile> find(String id) {
                    return switch (id) {
                        case "zhang" -> Optional.of(
                                new AccountProfile(
                                        id,
                                        AccountKind.CITIZEN,
                                        "张三",
                                        ZHANG_ID,
                                        null,
                                        TrustLevel.L2));
                        case "other" -> Optional.of(
                                new AccountProfile(
                                        id,
                                        AccountKind.CITIZEN,
                                        "王五",
                                        "440305198505054327",
                                        null,
                                        TrustLevel.L2));
                        case "org" -> Optional.of(
                                new AccountProfile(
                                        id,
                                        AccountKind.ORGANIZATION,
                                        "公司",
                                        null,
                                        null,
                                        TrustLevel.L1));
                        default -> Optional.empty();
                    };
                }

                @Override
                public Optional<AccountProfile> citizenByIdNumber(String idNumber) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> creditCode(String accountId) {
                    return "org".equals(accountId) ? Optional.of(ORG_CODE) : Optional.empty();
                }
            };

    static Caller citizen(String id, TrustLevel level) {
        return new Caller(id, AccountKind.CITIZEN, level, Set.of("CITIZEN"), null);
    }

    static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void city() throws Exception {
        db = new RentalTestDatabase();
        imports = RentalImportService.forTests(db.tx, CLOCK);
        lessees = Lessees.forTests(db.tx, ACCOUNTS, CLOCK);
        page = new PersonalPage(db.tx, lessees);
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(
                "homes.csv",
                csv(
                        "homeCode,project,building,room,address,districtCode",
                        "FT-1,福田安居苑,2栋,801,深圳市福田区某路8号,440304",
                        "NS-1,南山公寓,A座,1001,深圳市南山区某路1号,440305",
                        "NS-2,南山公寓,A座,1002,深圳市南山区某路1号,440305"));
        f.put(
                "leases.csv",
                csv(
                        "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,policy,startDate,endDate,rentYuan",
                        "L-1,FT-1,个人,张三," + ZHANG_ID + ",原政策,2026-09-01,2029-08-31,1260",
                        "L-2,NS-1,单位,公司," + ORG_CODE + ",新政策,2025-12-01,2028-11-30,980",
                        "L-3,NS-2,单位,公司," + ORG_CODE + ",新政策,2025-12-01,2028-11-30,980"));
        f.put(
                "residents.csv",
                csv(
                        "合同编号,类型,姓名,身份证号码,关系,入住人身份证号码",
                        "L-1,同住人,李梅,440305198505054327,配偶,",
                        "L-2,入住人,陈一,440305198505054327,员工,",
                        "L-2,同住人,林一,440304199001011233,配偶,440305198505054327"));
        f.put(
                "waiting.csv",
                csv(
                        "轮候类型,身份证号码,姓名,排名,日期",
                        "安居房," + ZHANG_ID + ",张三,1388,2026-05-01",
                        "安居房," + ZHANG_ID + ",张三,1203,2026-11-01",
                        "公租房," + ZHANG_ID + ",张三,655,2026-11-01"));
        var s = imports.importFiles(f, "op");
        assertEquals(3, s.leases());
        assertEquals(3, s.residents());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aVerifiedCitizenFindsTheirLeaseByIdNumberAndKeepsIt() throws Exception {
        List<?> leases = lessees.leases(citizen("zhang", TrustLevel.L2));
        assertEquals(1, leases.size());
        assertEquals(1, db.count("select count(*) from SZR_LEASE where ACCOUNT_ID = 'zhang'"));
        // SZ-1: the home, the co-resident masked, both ranks and how the 安居房 one moved
        Me me = page.me(citizen("zhang", TrustLevel.L2));
        assertEquals("801", me.homes().get(0).home().room());
        assertEquals(126_000L, me.homes().get(0).rentFen());
        assertEquals("李*", me.homes().get(0).residents().get(0).name());
        assertEquals(1203, me.waiting().get(0).rank());
        assertEquals(185, me.waiting().get(0).change());
        assertEquals(2, me.waiting().get(0).history().size());
        assertEquals(655, me.waiting().get(1).rank());
        assertNull(me.waiting().get(1).change());
        assertTrue(
                me.services().stream()
                        .anyMatch(
                                s ->
                                        s.id().equals("renewal")
                                                && s.available()
                                                && s.reason() == null));
        // every service of the line is built now: with a lease, changes are open too, and the
        // organizations' own service is not offered to a citizen
        assertTrue(me.services().stream().anyMatch(s -> s.id().equals("changes") && s.available()));
        assertTrue(me.services().stream().noneMatch(s -> s.id().equals("employer-changes")));
    }

    @Test
    void anUnverifiedOrAnotherCitizenFindsNothing() throws Exception {
        assertEquals(List.of(), lessees.leases(citizen("zhang", TrustLevel.L1)));
        assertEquals(0, db.count("select count(*) from SZR_LEASE where ACCOUNT_ID is not null"));
        Me other = page.me(citizen("other", TrustLevel.L2));
        assertEquals(List.of(), other.homes());
        assertNull(other.waiting().get(0).rank());
        // once linked to 张三, nobody else finds the lease, even with his ID number typed in
        lessees.leases(citizen("zhang", TrustLevel.L2));
        assertEquals(List.of(), lessees.leases(citizen("other", TrustLevel.L2)));
    }

    @Test
    void anOrganizationFindsItsLeasesByCreditCode() {
        Me me =
                page.me(
                        new Caller(
                                "org",
                                AccountKind.ORGANIZATION,
                                TrustLevel.L1,
                                Set.of("ORGANIZATION"),
                                null));
        assertEquals(2, me.homes().size());
        assertEquals(List.of(), me.waiting());
        var first =
                me.homes().stream()
                        .filter(h -> h.leaseNo().equals("L-2"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("OCCUPANT", first.residents().get(0).role());
        assertEquals(first.residents().get(0).id(), first.residents().get(1).occupantId());
        assertTrue(me.services().stream().anyMatch(s -> s.id().equals("employer-changes")));
    }

    @Test
    void aSecondActiveLeaseOnAHomeIsRefusedAndNothingIsStored() throws Exception {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(
                "homes.csv",
                csv(
                        "homeCode,project,building,room,address,districtCode",
                        "FT-2,福田,1栋,101,深圳,440304"));
        f.put(
                "leases.csv",
                csv(
                        "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,policy,startDate,endDate,rentYuan",
                        "L-9,FT-1,个人,王五,440305198505054327,NEW,2026-09-01,2029-08-31,900"));
        ImportRejectedException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ImportRejectedException.class, () -> imports.importFiles(f, "op"));
        assertEquals("status", e.problems().get(0).field());
        assertEquals(3, db.count("select count(*) from SZR_HOME"));
    }
}
