package org.guangsha.platform.casework;

import java.util.List;
import java.util.Objects;

/**
 * Whose economic status to check.
 *
 * @param caseId the case the check is for, or null
 * @param regionCode the region whose limits apply
 * @param members the family: the applicant first, then the co-applicants
 */
public record EconomicStatusQuery(String caseId, String regionCode, List<Member> members) {

    /** Checks and copies. */
    public EconomicStatusQuery {
        Objects.requireNonNull(regionCode, "regionCode");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members must not be empty");
        }
    }

    /**
     * One family member.
     *
     * @param name the name
     * @param idNumber the resident ID number
     */
    public record Member(String name, String idNumber) {}
}
