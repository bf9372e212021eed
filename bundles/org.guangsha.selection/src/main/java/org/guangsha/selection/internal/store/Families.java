package org.guangsha.selection.internal.store;

import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * What several parts of the line ask about a family: who acts for it, and which unit it holds.
 * Families are stored with their main applicant's ID number normalized (upper-case X, no spaces),
 * the form the platform keeps citizens' numbers in, so a plain comparison decides.
 */
public final class Families {

    private Families() {}

    /**
     * Whether the citizen with this ID number (as the platform stores it) is the family's main
     * applicant.
     */
    public static boolean mainApplicant(FamilyEntity family, String idNumber) {
        return family != null && idNumber != null && idNumber.equals(family.idNumber());
    }

    /** The family's unit, if it has one (at most one: the family is unique in the table). */
    public static Optional<AllocationEntity> allocation(EntityManager em, String familyId) {
        return em
                .createQuery(
                        "SELECT a FROM AllocationEntity a WHERE a.familyId = :f",
                        AllocationEntity.class)
                .setParameter("f", familyId)
                .getResultList()
                .stream()
                .findFirst();
    }
}
