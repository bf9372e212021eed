package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("Guangsha#2026".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertTrue(hasher.verify("Guangsha#2026".toCharArray(), stored));
        assertFalse(hasher.verify("guangsha#2026".toCharArray(), stored));
        assertFalse(hasher.verify(new char[0], stored));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void oldCostStillVerifiesAndAsksForARehash() {
        String old = hasher.hash("Guangsha#2026".toCharArray());
        PasswordHasher stronger = new PasswordHasher(20_000);
        assertTrue(stronger.verify("Guangsha#2026".toCharArray(), old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(hasher.needsRehash(old));
    }

    @Test
    void refusesForeignFormatsAndTooLowCosts() {
        assertFalse(hasher.verify("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
    }
}
