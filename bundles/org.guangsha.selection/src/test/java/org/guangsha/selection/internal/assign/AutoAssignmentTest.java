package org.guangsha.selection.internal.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.guangsha.selection.internal.assign.AutoAssignment.Family;
import org.guangsha.selection.internal.assign.AutoAssignment.Inputs;
import org.guangsha.selection.internal.assign.AutoAssignment.Results;
import org.junit.jupiter.api.Test;

/** S-6: the auto-assignment and the canonical texts anyone re-runs it from. */
class AutoAssignmentTest {

    @Test
    void eachFamilyGetsItsFirstIntentNoEarlierFamilyOrConfirmTook() {
        Inputs in =
                new Inputs(
                        Set.of("A-1"),
                        List.of(
                                new Family(3, List.of("A-1", "A-2", "A-3")),
                                new Family(5, List.of("A-2", "A-4")),
                                new Family(8, List.of("A-1", "A-2")),
                                new Family(9, List.of())));
        Results out = AutoAssignment.run(in);
        assertEquals("A-2", out.outcomes().get(0).unitCode());
        assertEquals("A-4", out.outcomes().get(1).unitCode());
        assertNull(out.outcomes().get(2).unitCode(), "all its intents were taken");
        assertNull(out.outcomes().get(3).unitCode(), "no intents, nothing");
        assertEquals(2, out.assigned());
        assertEquals(List.of(3, 5, 8, 9), out.outcomes().stream().map(o -> o.rank()).toList());
    }

    @Test
    void canonicalTextsAreWhatJavaScriptsJsonStringifyWritesAndTheirHashesAreFixed() {
        // Expected texts and hashes made independently (Python json.dumps with
        // separators=(',', ':'), ensure_ascii=False, the same as JSON.stringify here).
        Inputs in =
                new Inputs(
                        Set.of("A-1"),
                        List.of(
                                new Family(1, List.of("A-1", "A-2")),
                                new Family(2, List.of("A-2", "栋\"3"))));
        assertEquals(
                "{\"algorithm\":\"rank-first-free-intent/1\",\"taken\":[\"A-1\"],\"families\":"
                        + "[{\"rank\":1,\"intents\":[\"A-1\",\"A-2\"]},{\"rank\":2,\"intents\":"
                        + "[\"A-2\",\"栋\\\"3\"]}]}",
                in.canonical());
        assertEquals(
                "656d21ffcb120a2aa644a13a9df8eddc9dc41b35459b3fccc5b5b89366f58f5f",
                AutoAssignment.sha256(in.canonical()));
        Results out = AutoAssignment.run(in);
        assertEquals(
                "e57ba2e1d105f9f021698fa96491a77660a5259fb1efbfadcf1024331adc9f3b",
                AutoAssignment.sha256(out.canonical()));
    }

    @Test
    void takenUnitsAreSortedAndControlCharactersEscapedLikeJavaScript() {
        Inputs in = new Inputs(Set.of("b", "B", "a\u0001"), List.of());
        assertEquals(
                "{\"algorithm\":\"rank-first-free-intent/1\",\"taken\":[\"B\",\"a\\u0001\",\"b\"],"
                        + "\"families\":[]}",
                in.canonical());
    }

    @Test
    void theSameInputsAlwaysGiveTheSameResults() {
        List<Family> families = new ArrayList<>();
        for (int rank = 1; rank <= 2000; rank++) {
            families.add(
                    new Family(
                            rank,
                            List.of(
                                    "U" + (rank * 7 % 500),
                                    "U" + (rank * 13 % 500),
                                    "U" + (rank * 31 % 500))));
        }
        Inputs in = new Inputs(Set.of("U1", "U2"), families);
        assertEquals(
                AutoAssignment.run(in).canonical(),
                AutoAssignment.run(new Inputs(Set.of("U2", "U1"), families)).canonical());
    }
}
