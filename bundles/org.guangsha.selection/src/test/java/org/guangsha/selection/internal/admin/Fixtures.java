package org.guangsha.selection.internal.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewSession;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.guangsha.selection.batch.NewBatch.RankedFamily;

/** Made-up batches and people (valid GB 11643 numbers that name nobody in particular). */
final class Fixtures {

    static final Instant PRESELECT = Instant.parse("2026-11-20T01:00:00Z");
    static final Instant FIRST_SESSION = Instant.parse("2026-11-23T01:30:00Z");

    private Fixtures() {}

    /** The n-th made-up ID number: Futian, born 1980-01-01 plus n days, a valid check digit. */
    static String idNumber(int n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1980, 1, 1).plusDays(n / 900);
        String base =
                String.format(
                        "440304%04d%02d%02d%03d",
                        birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), n % 900 + 1);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    static NewUnit unit(int n) {
        int building = n / 100 + 1;
        int floor = n % 100 / 4 + 1;
        String room = floor + String.format("%02d", n % 4 + 1);
        return new NewUnit(
                building + "-" + room,
                "广厦家园",
                building + "栋",
                n % 2 == 0 ? "一房一厅" : "两房一厅",
                n % 3 == 0 ? "南" : "北",
                room,
                floor,
                5230 + n,
                120_000 + n,
                null);
    }

    static RankedFamily family(int rank, Integer session) {
        return new RankedFamily(rank, "测试家庭" + rank, idNumber(rank), 3, session);
    }

    static NewSession session(int seq, int capacity) {
        Instant start = FIRST_SESSION.plusSeconds(3600L * (seq - 1));
        return new NewSession(seq, "第" + seq + "场", start, start.plusSeconds(1800), capacity);
    }

    /** A valid batch: {@code units} units, {@code families} families by rank in sessions of 50. */
    static NewBatch batch(String code, int units, int families) {
        List<NewUnit> u = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            u.add(unit(i));
        }
        List<NewSession> s = new ArrayList<>();
        for (int i = 1; i <= (families + 49) / 50; i++) {
            s.add(session(i, 50));
        }
        List<RankedFamily> f = new ArrayList<>();
        for (int i = 1; i <= families; i++) {
            f.add(family(i, null));
        }
        return new NewBatch(code, "测试批次", "440304", PRESELECT, null, null, "api", "op-1", u, s, f);
    }
}
