package org.guangsha.platform.internal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.guangsha.platform.internal.util.Digests;

/**
 * The hash chain of the audit trail, free of any database so it can be checked with rows in memory.
 * Row {@code n} stores the hash of row {@code n - 1}; its own hash covers all its fields and that
 * previous hash. Editing a row changes its hash; deleting one leaves a gap in SEQ; changing a hash
 * no longer matches the next row's PREV_HASH.
 */
public final class AuditChain {

    /** The PREV_HASH of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** Names the encoding, so a future change of it cannot be mistaken for tampering. */
    private static final byte[] ENCODING = "guangsha-audit-v1\n".getBytes(StandardCharsets.UTF_8);

    private AuditChain() {}

    /**
     * The row that follows {@code previous} (null: the first row), its hash computed. The time is
     * cut to milliseconds, which every supported database stores exactly.
     */
    public static AuditEntry next(
            AuditEntry previous,
            Instant at,
            String action,
            String actorId,
            String target,
            String sourceAddress,
            String detail) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? GENESIS : previous.hash();
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        AuditEntry unhashed =
                new AuditEntry(
                        seq,
                        millis,
                        action,
                        actorId,
                        target,
                        sourceAddress,
                        detail,
                        prevHash,
                        null);
        return new AuditEntry(
                seq,
                millis,
                action,
                actorId,
                target,
                sourceAddress,
                detail,
                prevHash,
                hash(unhashed));
    }

    /** Lower-case hex SHA-256 of {@link #encode} of the row (its own hash is not part of it). */
    public static String hash(AuditEntry e) {
        return Digests.sha256Hex(encode(e));
    }

    /**
     * The bytes the hash is taken over: a version line, then each of SEQ, AT (epoch milliseconds),
     * ACTION, ACTOR_ID, TARGET, SOURCE_ADDRESS, DETAIL and PREV_HASH as {@code N} for null or
     * {@code S<UTF-8 byte length>:<UTF-8 bytes>}. The length prefix makes the encoding unambiguous:
     * no two different rows give the same bytes, whatever characters they contain.
     */
    static byte[] encode(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ENCODING);
        field(out, Long.toString(e.seq()));
        field(out, e.at() == null ? null : Long.toString(e.at().toEpochMilli()));
        field(out, e.action());
        field(out, e.actorId());
        field(out, e.target());
        field(out, e.sourceAddress());
        field(out, e.detail());
        field(out, e.prevHash());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('N');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write('S');
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
    }

    /**
     * Checks a chain row by row, in SEQ order, keeping only the previous row's SEQ and hash: the
     * trail can be walked page by page in constant memory. It stops at the first broken row.
     */
    public static final class Verifier {

        private long expectedSeq = 1;
        private String prevHash = GENESIS;
        private String lastHash;
        private long checked;
        private AuditVerification broken;

        /**
         * Checks the next row.
         *
         * @return whether to go on: false once a broken row was found
         */
        public boolean accept(AuditEntry row) {
            if (broken != null) {
                return false;
            }
            checked++;
            String reason = defect(row);
            if (reason != null) {
                broken = new AuditVerification(false, checked, row.seq(), reason, lastHash);
                return false;
            }
            expectedSeq = row.seq() + 1;
            prevHash = row.hash();
            lastHash = row.hash();
            return true;
        }

        private String defect(AuditEntry row) {
            if (row.seq() > expectedSeq) {
                return "SEQ gap: row"
                        + (row.seq() - expectedSeq > 1
                                ? "s " + expectedSeq + "–" + (row.seq() - 1) + " are"
                                : " " + expectedSeq + " is")
                        + " missing (deleted)";
            }
            if (row.seq() < expectedSeq) {
                return "SEQ out of order: expected " + expectedSeq;
            }
            if (!Objects.equals(prevHash, row.prevHash())) {
                return row.seq() == 1
                        ? "PREV_HASH of the first row is not the genesis hash (rows were replaced)"
                        : "PREV_HASH does not match the HASH of row "
                                + (row.seq() - 1)
                                + " (that row's hash was changed, or rows were replaced)";
            }
            if (!Objects.equals(hash(row), row.hash())) {
                return "HASH does not match the row's content (the row was edited)";
            }
            return null;
        }

        /** The outcome so far: ok with the rows checked, or the first broken row. */
        public AuditVerification result() {
            return broken != null
                    ? broken
                    : new AuditVerification(true, checked, null, null, lastHash);
        }
    }
}
