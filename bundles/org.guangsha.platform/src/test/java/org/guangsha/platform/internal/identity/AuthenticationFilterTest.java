package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuthenticationFilterTest {

    @Test
    void readsBearerTokensOnly() {
        assertEquals("abc", AuthenticationFilter.bearer("Bearer abc"));
        assertEquals("abc", AuthenticationFilter.bearer("bearer  abc "));
        assertNull(AuthenticationFilter.bearer("Basic dXNlcjpwYXNz"));
        assertNull(AuthenticationFilter.bearer("Bearer "));
        assertNull(AuthenticationFilter.bearer(null));
    }

    @Test
    void auditHintsAreMasked() {
        assertEquals("1101**********002X", AccountService.hint("11010519491231002X"));
        assertEquals("138****8000", AccountService.hint("13800138000"));
        assertEquals("o***r", AccountService.hint("operator"));
    }
}
