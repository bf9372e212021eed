package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void strongEnoughPasswordsPass() {
        assertTrue(PasswordPolicy.check("password", "Guangsha2026").isEmpty());
        assertTrue(PasswordPolicy.check("password", "abc123!@#").isEmpty());
    }

    @Test
    void shortOrSimplePasswordsAreRefusedWithTheField() {
        assertEquals("password", PasswordPolicy.check("password", "Ab1!").orElseThrow().field());
        assertTrue(PasswordPolicy.check("password", "abcdefgh12").isPresent(), "two classes");
        assertTrue(PasswordPolicy.check("password", null).isPresent());
        assertTrue(
                PasswordPolicy.check("password", "A".repeat(60) + "b1!!!!").isPresent(),
                "longer than 64");
    }

    @Test
    void mustNotContainTheIdNumberOrMobile() {
        assertTrue(
                PasswordPolicy.check(
                                "password", "Ab13800138000", "110105194912310020", "13800138000")
                        .isPresent());
    }
}
