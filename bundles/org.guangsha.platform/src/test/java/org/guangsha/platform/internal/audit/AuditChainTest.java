package org.guangsha.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00.123Z");

    @Test
    void theHashOfAKnownRowNeverChanges() {
        // Computed independently (Python: hashlib.sha256 over the documented encoding). If this
        // fails, the encoding changed and every stored chain would read as tampered.
        AuditEntry row =
                AuditChain.next(
                        null,
                        T0,
                        "login.failed",
                        null,
                        "account:abc",
                        "127.0.0.1",
                        "原因=密码错误 account=4403**********1234");
        assertEquals(1, row.seq());
        assertEquals(AuditChain.GENESIS, row.prevHash());
        assertEquals(
                "c5422c00dc58f870d0fa30bbe5af210d59574c15e75ea9fbfb0f954628a56ac9", row.hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertNotEquals(hashOf("a|b", "c"), hashOf("a", "b|c"));
        assertNotEquals(hashOf("ab", "c"), hashOf("a", "bc"));
        assertNotEquals(hashOf("S1:a", null), hashOf(null, "S1:a"));
    }

    @Test
    void nullEmptyAndLookalikesDiffer() {
        assertNotEquals(hashOf(null, "x"), hashOf("", "x"));
        assertNotEquals(hashOf("N", "x"), hashOf(null, "x"));
        assertNotEquals(hashOf("S0:", "x"), hashOf("", "x"));
    }

    @Test
    void everyFieldIsCovered() {
        AuditEntry base = AuditChain.next(null, T0, "a", "actor", "target", "src", "detail");
        List<AuditEntry> variants =
                List.of(
                        with(
                                base,
                                2,
                                base.at(),
                                base.action(),
                                base.actorId(),
                                base.target(),
                                base.sourceAddress(),
                                base.detail(),
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at().plusMillis(1),
                                base.action(),
                                base.actorId(),
                                base.target(),
                                base.sourceAddress(),
                                base.detail(),
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at(),
                                "b",
                                base.actorId(),
                                base.target(),
                                base.sourceAddress(),
                                base.detail(),
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at(),
                                base.action(),
                                "other",
                                base.target(),
                                base.sourceAddress(),
                                base.detail(),
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at(),
                                base.action(),
                                base.actorId(),
                                "other",
                                base.sourceAddress(),
                                base.detail(),
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at(),
                                base.action(),
                                base.actorId(),
                                base.target(),
                                "other",
                                base.detail(),
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at(),
                                base.action(),
                                base.actorId(),
                                base.target(),
                                base.sourceAddress(),
                                "other",
                                base.prevHash()),
                        with(
                                base,
                                1,
                                base.at(),
                                base.action(),
                                base.actorId(),
                                base.target(),
                                base.sourceAddress(),
                                base.detail(),
                                "f".repeat(64)));
        for (AuditEntry v : variants) {
            assertNotEquals(base.hash(), AuditChain.hash(v), v.toString());
        }
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        AuditEntry row =
                AuditChain.next(
                        null,
                        Instant.parse("2026-11-23T01:00:00.123456789Z"),
                        "a",
                        null,
                        null,
                        null,
                        null);
        assertEquals(T0, row.at());
        // the same row read back from a database that kept only milliseconds still verifies
        assertTrue(verify(List.of(row)).ok());
    }

    @Test
    void encodingIsLengthPrefixedUtf8() {
        AuditEntry row = new AuditEntry(7, T0, "广厦", null, "", null, null, "p", null);
        String expected = "guangsha-audit-v1\nS1:7S13:1795395600123S6:广厦NS0:NNS1:p";
        assertArrayEquals(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), AuditChain.encode(row));
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditEntry> chain = chain(5);
        AuditVerification v = verify(chain);
        assertTrue(v.ok());
        assertEquals(5, v.rowsChecked());
        assertNull(v.firstBrokenSeq());
        assertEquals(chain.get(4).hash(), v.lastHash());
        assertEquals(chain.get(1).prevHash(), chain.get(0).hash());
    }

    @Test
    void anEmptyChainVerifies() {
        AuditVerification v = verify(List.of());
        assertTrue(v.ok());
        assertEquals(0, v.rowsChecked());
        assertNull(v.lastHash());
    }

    @Test
    void anEditedRowIsReportedByItsHash() {
        List<AuditEntry> chain = new ArrayList<>(chain(5));
        AuditEntry r = chain.get(2);
        chain.set(
                2,
                with(
                        r,
                        r.seq(),
                        r.at(),
                        r.action(),
                        r.actorId(),
                        r.target(),
                        r.sourceAddress(),
                        "edited",
                        r.prevHash()));
        AuditVerification v = verify(chain);
        assertFalse(v.ok());
        assertEquals(3L, v.firstBrokenSeq());
        assertEquals(3, v.rowsChecked());
        assertTrue(v.reason().contains("HASH does not match"), v.reason());
        assertEquals(chain.get(1).hash(), v.lastHash());
    }

    @Test
    void aDeletedRowLeavesAGap() {
        List<AuditEntry> chain = new ArrayList<>(chain(5));
        chain.remove(2);
        AuditVerification v = verify(chain);
        assertFalse(v.ok());
        assertEquals(4L, v.firstBrokenSeq());
        assertTrue(v.reason().contains("row 3 is missing"), v.reason());
    }

    @Test
    void deletedFirstRowsAreFound() {
        List<AuditEntry> chain = new ArrayList<>(chain(5));
        chain.subList(0, 2).clear();
        AuditVerification v = verify(chain);
        assertEquals(3L, v.firstBrokenSeq());
        assertTrue(v.reason().contains("rows 1–2 are missing"), v.reason());
    }

    @Test
    void aChangedHashIsFoundAtTheRowItself() {
        List<AuditEntry> chain = new ArrayList<>(chain(5));
        AuditEntry r = chain.get(1);
        chain.set(1, withHash(r, "0".repeat(63) + "1"));
        AuditVerification v = verify(chain);
        assertEquals(2L, v.firstBrokenSeq());
    }

    @Test
    void aRowRewrittenWithItsOwnNewHashIsFoundAtTheNextRow() {
        List<AuditEntry> chain = new ArrayList<>(chain(5));
        AuditEntry r = chain.get(1);
        AuditEntry forged =
                with(
                        r,
                        r.seq(),
                        r.at(),
                        r.action(),
                        r.actorId(),
                        r.target(),
                        r.sourceAddress(),
                        "forged",
                        r.prevHash());
        chain.set(1, withHash(forged, AuditChain.hash(forged)));
        AuditVerification v = verify(chain);
        assertEquals(3L, v.firstBrokenSeq());
        assertTrue(v.reason().contains("PREV_HASH does not match the HASH of row 2"), v.reason());
    }

    @Test
    void aReplacedFirstRowIsFound() {
        List<AuditEntry> chain = new ArrayList<>(chain(3));
        AuditEntry r = chain.get(0);
        AuditEntry forged =
                with(
                        r,
                        1,
                        r.at(),
                        r.action(),
                        r.actorId(),
                        r.target(),
                        r.sourceAddress(),
                        r.detail(),
                        "a".repeat(64));
        chain.set(0, withHash(forged, AuditChain.hash(forged)));
        AuditVerification v = verify(chain);
        assertEquals(1L, v.firstBrokenSeq());
        assertTrue(v.reason().contains("genesis"), v.reason());
    }

    @Test
    void theVerifierStopsAtTheFirstBreak() {
        List<AuditEntry> chain = new ArrayList<>(chain(6));
        chain.remove(4);
        chain.remove(1);
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        assertTrue(verifier.accept(chain.get(0)));
        assertFalse(verifier.accept(chain.get(1)));
        assertFalse(verifier.accept(chain.get(2)));
        assertEquals(3L, verifier.result().firstBrokenSeq());
        assertEquals(2, verifier.result().rowsChecked());
    }

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> rows = new ArrayList<>();
        AuditEntry last = null;
        for (int i = 0; i < n; i++) {
            last =
                    AuditChain.next(
                            last,
                            T0.plusSeconds(i),
                            "login.succeeded",
                            "acc-" + i,
                            "account:acc-" + i,
                            "10.0.0." + i,
                            "method=password");
            rows.add(last);
        }
        return rows;
    }

    private static AuditVerification verify(List<AuditEntry> rows) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        for (AuditEntry row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.result();
    }

    private static String hashOf(String target, String detail) {
        return AuditChain.next(null, T0, "a", null, target, null, detail).hash();
    }

    private static AuditEntry with(
            AuditEntry r,
            long seq,
            Instant at,
            String action,
            String actor,
            String target,
            String source,
            String detail,
            String prevHash) {
        return new AuditEntry(seq, at, action, actor, target, source, detail, prevHash, r.hash());
    }

    private static AuditEntry withHash(AuditEntry r, String hash) {
        return new AuditEntry(
                r.seq(),
                r.at(),
                r.action(),
                r.actorId(),
                r.target(),
                r.sourceAddress(),
                r.detail(),
                r.prevHash(),
                hash);
    }
}
