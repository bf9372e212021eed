package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CjkFontTest {

    private final CjkFont font = CjkFont.shared();

    @Test
    void parsedOncePerProcess() {
        assertSame(CjkFont.shared(), font);
    }

    @Test
    void knowsWhatItCanDraw() {
        assertTrue(font.canDisplay('广'));
        assertTrue(font.canDisplay('A'));
        assertTrue(font.canDisplay(CjkFont.REPLACEMENT));
        assertFalse(font.canDisplay(0x1F600));
    }

    @Test
    void replacesWhatItCannotDraw() {
        assertEquals("广厦 □ □", font.displayable("广厦 😀 🏠\uFE0F"));
        assertEquals("家□", font.displayable("家👨\u200D👩\u200D👧".substring(0, 3)));
        assertEquals("a b\nc", font.displayable("a\tb\r\nc\u0007"));
        String clean = "公共租赁住房 Public Rental";
        assertSame(clean, font.displayable(clean));
    }

    @Test
    void measuresWithTheFontsAdvanceWidths() {
        assertEquals(10.5f, font.width("广", 10.5f), 0.001f);
        assertEquals(105f, font.width("公共租赁住房租赁合同", 10.5f), 0.001f);
        float latin = font.width("iiii", 10);
        assertTrue(latin > 0 && latin < font.width("WWWW", 10));
    }
}
