package org.guangsha.platform.casework;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's timeline.
 *
 * @param type what happened: {@code created}, {@code saved}, {@code submitted}, {@code claimed},
 *     {@code approved}, {@code rejected}, {@code returned}, {@code withdrawn}, {@code payment},
 *     {@code document}, or a line's own event
 * @param at when
 * @param actorId who did it, or null for the system
 * @param status the case's status after the event
 * @param level the review level it concerned, or 0
 * @param remark a remark or reason, or null
 * @param fieldRemarks for {@code returned}: what to correct, by field
 */
public record CaseEvent(
        String type,
        Instant at,
        String actorId,
        CaseStatus status,
        int level,
        String remark,
        Map<String, String> fieldRemarks) {}
