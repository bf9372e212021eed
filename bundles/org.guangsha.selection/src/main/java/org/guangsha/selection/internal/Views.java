package org.guangsha.selection.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.guangsha.selection.internal.store.SessionEntity;
import org.guangsha.selection.internal.store.UnitEntity;

/** What the selection line answers with: the JSON shapes of its REST paths. */
public final class Views {

    private Views() {}

    /**
     * A unit of a pool.
     *
     * @param status {@code FREE} or {@code TAKEN}
     */
    public record UnitView(
            String id,
            String code,
            String project,
            String building,
            String unitType,
            String orientation,
            String roomNumber,
            int floor,
            BigDecimal areaM2,
            long rentFen,
            String address,
            String status) {

        /** The unit with its status. */
        public static UnitView of(UnitEntity u, boolean taken) {
            return new UnitView(
                    u.id(),
                    u.code(),
                    u.project(),
                    u.building(),
                    u.unitType(),
                    u.orientation(),
                    u.roomNumber(),
                    u.floor(),
                    BigDecimal.valueOf(u.areaCentiM2(), 2),
                    u.rentFen(),
                    u.address(),
                    taken ? "TAKEN" : "FREE");
        }
    }

    /**
     * A session.
     *
     * @param kind {@code FORMAL} or {@code SUPPLEMENTARY}
     * @param status {@code SCHEDULED} or {@code CLOSED}
     */
    public record SessionView(
            String id,
            int seq,
            String name,
            String kind,
            Instant startsAt,
            Instant endsAt,
            String status,
            Instant closedAt) {

        /** The session as stored. */
        public static SessionView of(SessionEntity s) {
            return s == null
                    ? null
                    : new SessionView(
                            s.id(),
                            s.seq(),
                            s.name(),
                            s.kind(),
                            s.startsAt(),
                            s.endsAt(),
                            s.status(),
                            s.closedAt());
        }
    }

    /** An auto-assignment run (S-6). */
    public record RunView(
            String id,
            String batchId,
            String sessionId,
            String algorithm,
            String inputHash,
            String outputHash,
            int families,
            int assigned,
            Instant ranAt) {}
}
