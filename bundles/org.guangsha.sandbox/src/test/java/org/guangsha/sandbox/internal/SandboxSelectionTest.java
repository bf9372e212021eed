package org.guangsha.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.sandbox.internal.SandboxSelectionResource.DemoRequest;
import org.guangsha.sandbox.internal.SandboxSelectionResource.Times;
import org.guangsha.selection.batch.NewBatch;
import org.junit.jupiter.api.Test;

/** The demo selection batch: made-up but valid data, the caller ranked first. */
class SandboxSelectionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00.700Z");
    private static final AccountProfile ME =
            new AccountProfile(
                    "acc-1",
                    AccountKind.CITIZEN,
                    "张三",
                    "440304199001011233",
                    "13800000001",
                    TrustLevel.L2);

    @Test
    void preSelectionOpensNowAndTheSessionInTwoMinutesForFifteenByDefault() {
        Times t = SandboxSelectionResource.times(new DemoRequest(null, null, null), NOW);
        assertEquals(Instant.parse("2026-11-23T01:00:00Z"), t.preselect());
        assertEquals(Instant.parse("2026-11-23T01:02:00Z"), t.starts());
        assertEquals(Instant.parse("2026-11-23T01:17:00Z"), t.ends());
        Times later = SandboxSelectionResource.times(new DemoRequest(5, 10, 3), NOW);
        assertEquals(Instant.parse("2026-11-23T01:05:00Z"), later.preselect());
        assertEquals(Instant.parse("2026-11-23T01:13:00Z"), later.ends());
    }

    @Test
    void timesOutOfRangeAreRefusedNamingEachMember() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> SandboxSelectionResource.times(new DemoRequest(-1, 5000, 0), NOW));
        assertEquals(
                Set.of("preselectMinutes", "startsInMinutes", "sessionMinutes"),
                e.problem().errors().stream().map(x -> x.field()).collect(Collectors.toSet()));
        assertThrows(
                ProblemException.class,
                () -> SandboxSelectionResource.times(new DemoRequest(10, 5, 15), NOW));
    }

    @Test
    void thirtyUnitsInThreeBuildingsAndTheCallerFirstOfTenFamiliesWithValidMadeUpNumbers() {
        Times t = SandboxSelectionResource.times(new DemoRequest(null, null, null), NOW);
        NewBatch b =
                SandboxSelectionResource.demoBatch(ME, "acc-1", t, "SANDBOX-TEST", new Random(7));
        assertEquals("SANDBOX-TEST", b.code());
        assertTrue(b.name().startsWith("沙箱演示"), b.name());
        assertEquals("440304", b.regionCode());
        assertEquals("sandbox", b.source());
        assertEquals(30, b.units().size());
        assertEquals(3, b.units().stream().map(u -> u.building()).distinct().count());
        assertEquals(30, b.units().stream().map(u -> u.code()).distinct().count());
        b.units().forEach(u -> assertTrue(u.areaCentiM2() > 0 && u.rentFen() > 0, u.toString()));
        assertEquals(1, b.sessions().size());
        assertEquals(10, b.families().size());
        assertEquals("440304199001011233", b.families().get(0).idNumber());
        assertEquals(1, b.families().get(0).rank());
        assertEquals(10, b.families().stream().map(f -> f.idNumber()).distinct().count());
        for (var f : b.families()) {
            assertEquals(java.util.Optional.empty(), ResidentIdNumber.defect(f.idNumber()));
            assertEquals(1, f.sessionSeq());
        }
        assertTrue(b.families().get(9).applicantName().startsWith("沙箱演示家庭"));
        assertNotEquals(b.families().get(1).idNumber(), b.families().get(2).idNumber());
    }
}
