package org.guangsha.platform.casework;

import java.time.Instant;

/**
 * A case as the platform holds it.
 *
 * @param id the case id (the line's form data are keyed by it)
 * @param number a number people can quote, e.g. {@code SQ20261123-0000123}
 * @param typeId the {@link CaseType#id()}
 * @param applicantId the applicant's account
 * @param regionCode the region whose caseworkers review it
 * @param channel how it was filed
 * @param filedBy the staff member who filed it at the counter, or null
 * @param status where it stands
 * @param level the review level it waits for or is at (1-based); 0 before submission
 * @param assigneeId the caseworker who took it at this level, or null
 * @param version changes with every change; decisions must name the version they saw
 * @param createdAt when it was created
 * @param submittedAt when it was (last) submitted, or null
 * @param closedAt when it was approved, rejected or withdrawn, or null
 */
public record CaseRecord(
        String id,
        String number,
        String typeId,
        String applicantId,
        String regionCode,
        Channel channel,
        String filedBy,
        CaseStatus status,
        int level,
        String assigneeId,
        long version,
        Instant createdAt,
        Instant submittedAt,
        Instant closedAt) {}
