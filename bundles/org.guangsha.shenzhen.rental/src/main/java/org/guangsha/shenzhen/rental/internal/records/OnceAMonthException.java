package org.guangsha.shenzhen.rental.internal.records;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;

/**
 * SZ-6: 409 {@code record-once-a-month}, the month's one application is used. The resource adds
 * {@code nextPossibleAt} to the problem body (the core's problem has no member for it).
 */
public class OnceAMonthException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final OffsetDateTime nextPossibleAt;

    /** The application of {@code month} exists. */
    public OnceAMonthException(YearMonth month) {
        super(
                new Problem(
                        Problem.type("record-once-a-month"),
                        "一个月内不能重复申请政策性住房信息查询",
                        "One record application per calendar month",
                        409,
                        RecordsService.onceAMonthReason(month).message(),
                        null,
                        List.of()));
        this.nextPossibleAt = CityMonth.nextStart(month);
    }

    /** When the next application is possible (city time). */
    public OffsetDateTime nextPossibleAt() {
        return nextPossibleAt;
    }
}
