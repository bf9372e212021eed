package org.guangsha.selection.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import javax.ws.rs.core.Response;
import org.guangsha.selection.batch.BatchRejectedException;
import org.guangsha.selection.batch.BatchRejectedException.RowError;
import org.guangsha.selection.internal.admin.AdminViews.RejectedProblem;
import org.guangsha.selection.internal.admin.AdminViews.RowProblem;
import org.junit.jupiter.api.Test;

/** The 400 batch-rejected answer: every problem, each naming section, row and column. */
class SelectionAdminResourceTest {

    @Test
    void aRowProblemNamesSectionRowAndColumnInItsFieldAndOneByOne() {
        RowProblem p = RowProblem.of(new RowError("units", 3, "rentYuan", "月租金有误", "Bad rent"));
        assertEquals("units[3].rentYuan", p.field());
        assertEquals("units", p.section());
        assertEquals(3, p.row());
        assertEquals("rentYuan", p.column());
        assertEquals("月租金有误", p.message());
        assertEquals("Bad rent", p.messageEn());
        assertEquals(
                "batch.code", RowProblem.of(new RowError("batch", 0, "code", "a", "b")).field());
        RowProblem file = RowProblem.of(new RowError("families", 0, null, "缺少文件", "Missing"));
        assertEquals("families", file.field());
        assertNull(file.column());
    }

    @Test
    void theAnswerIsProblemJsonWithAStableTypeAndEveryProblem() {
        Response r =
                SelectionAdminResource.rejected(
                        new BatchRejectedException(
                                List.of(
                                        new RowError("units", 1, "code", "重复", "Repeats"),
                                        new RowError("families", 2, "idNumber", "有误", "Wrong"))),
                        null);
        assertEquals(400, r.getStatus());
        assertEquals("application/problem+json;charset=UTF-8", r.getMediaType().toString());
        RejectedProblem body = (RejectedProblem) r.getEntity();
        assertEquals("urn:guangsha:problem:batch-rejected", body.type());
        assertEquals(2, body.errors().size());
        assertEquals("families[2].idNumber", body.errors().get(1).field());
        assertEquals("共2处问题 / 2 problem(s)", body.detail());
    }
}
