package org.guangsha.platform.internal.audit;

import java.time.Instant;

/**
 * One row of the audit trail ({@code PLT_AUDIT}) as the chain sees it.
 *
 * @param seq position in the chain, 1 for the first row, no gaps
 * @param at when it was recorded, to the millisecond
 * @param action what happened, e.g. {@code login.failed}
 * @param actorId the account that acted, or null
 * @param target what it was done to, or null
 * @param sourceAddress the caller's network address, or null
 * @param detail a short description, personal data masked, or null
 * @param prevHash the hash of row {@code seq - 1} ({@link AuditChain#GENESIS} for the first)
 * @param hash SHA-256 of this row's fields and {@code prevHash} ({@link AuditChain#hash})
 */
public record AuditEntry(
        long seq,
        Instant at,
        String action,
        String actorId,
        String target,
        String sourceAddress,
        String detail,
        String prevHash,
        String hash) {}
