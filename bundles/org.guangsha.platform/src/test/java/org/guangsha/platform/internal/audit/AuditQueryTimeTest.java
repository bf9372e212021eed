package org.guangsha.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class AuditQueryTimeTest {

    @Test
    void aDayRunsFromMidnightToMidnightInTheCity() {
        assertEquals(
                Instant.parse("2026-11-22T16:00:00Z"),
                AuditResource.time("from", "2026-11-23", false));
        assertEquals(
                Instant.parse("2026-11-23T16:00:00Z"),
                AuditResource.time("to", "2026-11-23", true));
    }

    @Test
    void timesWithAndWithoutAnOffset() {
        Instant ten = Instant.parse("2026-11-23T02:00:00Z");
        assertEquals(ten, AuditResource.time("from", "2026-11-23T10:00:00+08:00", false));
        // a + not encoded in the query string arrives as a blank
        assertEquals(ten, AuditResource.time("from", "2026-11-23T10:00:00 08:00", false));
        assertEquals(ten, AuditResource.time("from", "2026-11-23T02:00:00Z", false));
        assertEquals(ten, AuditResource.time("from", "2026-11-23T10:00", false));
        assertNull(AuditResource.time("from", " ", false));
    }

    @Test
    void anythingElseIsA400NamingTheParameter() {
        ProblemException e =
                assertThrows(
                        ProblemException.class, () -> AuditResource.time("to", "yesterday", true));
        assertEquals("to", e.problem().errors().get(0).field());
    }
}
