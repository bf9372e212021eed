package org.guangsha.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void chineseIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> LocalizedText.of(" ", "Name"));
        assertThrows(NullPointerException.class, () -> LocalizedText.of(null, "Name"));
    }

    @Test
    void missingEnglishFallsBackToChinese() {
        assertEquals("公租房", LocalizedText.of("公租房", null).en());
        assertEquals("Public rental", LocalizedText.of("公租房", "Public rental").en());
    }
}
