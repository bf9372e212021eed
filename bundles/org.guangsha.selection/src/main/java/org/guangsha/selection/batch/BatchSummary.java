package org.guangsha.selection.batch;

import java.time.Instant;

/**
 * A batch as created.
 *
 * @param id the batch id
 * @param code its public code
 * @param name its name
 * @param regionCode its region
 * @param preselectStartsAt when pre-selection opens
 * @param cartSize the cart's size
 * @param windowSeconds the formal-selection window per family
 * @param units how many units its pool has
 * @param sessions how many sessions it has (formal and supplementary)
 * @param families how many ranked families it has
 * @param createdAt when it was created
 */
public record BatchSummary(
        String id,
        String code,
        String name,
        String regionCode,
        Instant preselectStartsAt,
        int cartSize,
        int windowSeconds,
        int units,
        int sessions,
        int families,
        Instant createdAt) {}
