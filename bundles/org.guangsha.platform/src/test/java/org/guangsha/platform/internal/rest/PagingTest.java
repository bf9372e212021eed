package org.guangsha.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsWhenAbsent() {
        assertEquals(new Paging(1, 50), Paging.of(null, "", 50, 200));
        assertEquals(0, Paging.of(null, null, 50, 200).offset());
        assertEquals(400, Paging.of("3", "200", 50, 200).offset());
    }

    @Test
    void wrongValuesNameTheirParameter() {
        assertField("page", () -> Paging.of("0", null, 50, 200));
        assertField("page", () -> Paging.of("x", null, 50, 200));
        assertField("page", () -> Paging.of("2000000000", "200", 50, 200));
        assertField("size", () -> Paging.of(null, "201", 50, 200));
        assertField("size", () -> Paging.of(null, "0", 50, 200));
        assertField("size", () -> Paging.of(null, "ten", 50, 200));
    }

    private static void assertField(String field, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(400, e.problem().status());
        assertEquals(field, e.problem().errors().get(0).field());
    }
}
