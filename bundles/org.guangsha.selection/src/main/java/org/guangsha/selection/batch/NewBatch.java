package org.guangsha.selection.batch;

import java.time.Instant;
import java.util.List;

/**
 * A batch to create (S-1).
 *
 * @param code the batch's public code, unique (letters, digits, '-', at most 40), e.g. {@code
 *     SZ-2026-12}
 * @param name the batch's name as citizens see it
 * @param regionCode the region (district or city) that runs it
 * @param preselectStartsAt when pre-selection (预选, S-2) opens for every family
 * @param cartSize the cart's size; null for the city's configured default (5)
 * @param windowSeconds how long a family has in formal selection to settle and confirm (S-4); null
 *     for the city's configured default (180)
 * @param source who fed it: {@code csv}, {@code api}, or a line's id such as {@code affordable}
 * @param createdBy the account id of whoever created it, or null for the system
 * @param units the unit pool, at least one
 * @param sessions the formal sessions, at least one, by {@code seq}
 * @param families the ranked families, at least one
 */
public record NewBatch(
        String code,
        String name,
        String regionCode,
        Instant preselectStartsAt,
        Integer cartSize,
        Integer windowSeconds,
        String source,
        String createdBy,
        List<NewUnit> units,
        List<NewSession> sessions,
        List<RankedFamily> families) {

    /**
     * A unit of the pool.
     *
     * @param code the unit's code, unique in the batch (e.g. {@code 3-1203}); families and the
     *     published assignment inputs name units by it
     * @param project the project (项目), or null
     * @param building the building (楼栋)
     * @param unitType the type (户型), e.g. 一房一厅
     * @param orientation the orientation (朝向), e.g. 南
     * @param roomNumber the room number (房号), unique in its building
     * @param floor the floor
     * @param areaCentiM2 the area in hundredths of a square metre (5,230 = 52.30 m²)
     * @param rentFen the monthly rent in fen
     * @param address the address, or null
     */
    public record NewUnit(
            String code,
            String project,
            String building,
            String unitType,
            String orientation,
            String roomNumber,
            int floor,
            int areaCentiM2,
            long rentFen,
            String address) {}

    /**
     * A formal session (场次).
     *
     * @param seq its number in the batch, 1, 2, 3 …
     * @param name its name, e.g. 第1场
     * @param startsAt when formal selection opens for its families
     * @param endsAt when it ends; auto-assignment runs then (S-6)
     * @param capacity how many families it takes when families are assigned by rank (ignored when
     *     every family names its session)
     */
    public record NewSession(
            int seq, String name, Instant startsAt, Instant endsAt, int capacity) {}

    /**
     * A ranked family (选房排位), named by its main applicant.
     *
     * @param rank its rank, 1 first; unique in the batch
     * @param applicantName the main applicant's name
     * @param idNumber the main applicant's resident ID number (GB 11643); the citizen whose account
     *     carries it acts for the family
     * @param householdSize how many people the family has
     * @param sessionSeq its session; null to assign families to sessions by rank, filling each
     *     session up to its capacity in order
     */
    public record RankedFamily(
            int rank,
            String applicantName,
            String idNumber,
            int householdSize,
            Integer sessionSeq) {}
}
