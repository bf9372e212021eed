package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Face session purposes (I-5): {@code verify}, {@code sign:<id>} and {@code apply:<id>} (a line's
 * application checked by face before its form, JX-3); a session is consumed only for the purpose it
 * was made for, once.
 */
class FaceSessionPurposeTest {

    private EntityManagerFactory emf;
    private FaceSessionService faces;
    private String citizen;

    @BeforeEach
    void freshDatabase() throws Exception {
        emf = PlatformTestDatabase.create();
        citizen =
                PlatformTestDatabase.accounts(emf)
                        .ensureCitizen(
                                "张三",
                                "11010519491231002X",
                                "13800138000",
                                "Citizen#2026",
                                TrustLevel.L1);
        faces =
                new FaceSessionService(
                        new JpaTransactions(emf),
                        Clock.systemUTC(),
                        (id, secret) -> "/phone/" + id + "?k=" + secret,
                        Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void theThreeKindsOfPurposeAreAccepted() {
        for (String purpose :
                List.of(
                        "verify",
                        "sign:flow-1",
                        "apply:3f2b7c1e-5a4d-4e8f-9b0a-1c2d3e4f5a6b",
                        "apply:JX.2026_0001",
                        "apply:" + "a".repeat(80))) {
            assertEquals(purpose, faces.create(citizen, purpose).session().purpose());
        }
    }

    @Test
    void otherPurposesAreRefusedNamingPurpose() {
        for (String purpose :
                java.util.Arrays.asList(
                        null,
                        "",
                        "anything",
                        "apply:",
                        "apply",
                        "apply:a b",
                        "apply:案件1",
                        "apply:a/b",
                        "apply:" + "a".repeat(81),
                        "applying:1",
                        "verify:1",
                        " apply:1")) {
            ProblemException e =
                    assertThrows(ProblemException.class, () -> faces.create(citizen, purpose));
            assertEquals(400, e.problem().status(), purpose);
            assertEquals("purpose", e.problem().errors().get(0).field());
            assertTrue(e.problem().errors().get(0).message().contains("apply:"));
        }
    }

    @Test
    void anApplySessionIsConsumedOnceForItsOwnApplicationOnly() {
        FaceSessionService.Created c = faces.create(citizen, "apply:case-1");
        String id = c.session().id();
        String secret = c.phoneUrl().substring(c.phoneUrl().indexOf("?k=") + 3);
        assertFalse(faces.consume(id, citizen, "apply:case-1"), "pending");
        assertTrue(faces.complete(id, secret, true));
        assertFalse(faces.consume(id, citizen, "apply:case-2"), "another application");
        assertFalse(faces.consume(id, citizen, "sign:case-1"), "another kind of purpose");
        assertFalse(faces.consume(id, "someone-else", "apply:case-1"), "another account");
        assertTrue(faces.consume(id, citizen, "apply:case-1"));
        assertFalse(faces.consume(id, citizen, "apply:case-1"), "single use");
    }
}
