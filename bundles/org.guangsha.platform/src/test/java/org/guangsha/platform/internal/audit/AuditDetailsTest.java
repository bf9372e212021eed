package org.guangsha.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditDetailsTest {

    @Test
    void idNumbersAreMasked() {
        assertEquals(
                "holder 1101**********0011 applied",
                AuditDetails.mask("holder 110101199003070011 applied"));
        assertEquals("id=1101**********001X;", AuditDetails.mask("id=11010119900307001x;"));
    }

    @Test
    void aPlausibleNumberWithAWrongCheckDigitIsStillMasked() {
        assertEquals("1101**********0012", AuditDetails.mask("110101199003070012"));
    }

    @Test
    void mobilesAreMasked() {
        assertEquals("mobile=138****5678", AuditDetails.mask("mobile=13812345678"));
        assertEquals("138****5678/199****0000", AuditDetails.mask("13812345678/19900000000"));
        assertEquals("手机138****5678。", AuditDetails.mask("手机13812345678。"));
    }

    @Test
    void otherNumbersAreLeftAlone() {
        String text =
                "order=4200001234202611231234567890 at=1795395600123"
                        + " id=6f1c0a8e-2b4d-4e8a-9c1f-1234567890ab phone=0755-12345678"
                        + " n=999999999999999999 code=91440300MA5F1234XY"
                        + " account:0f1c0a8e-2b4d-4e8a-9c1f-13812345678a";
        assertEquals(text, AuditDetails.mask(text));
    }

    @Test
    void maskedValuesStayMasked() {
        String masked = "account=4403**********1234 mobile=138****5678";
        assertEquals(masked, AuditDetails.mask(masked));
        assertNull(AuditDetails.mask(null));
    }

    @Test
    void controlCharactersAreReplaced() {
        assertEquals("a?b?c", AuditDetails.clean("a\nb\u0000c", 100));
        assertEquals("?x", AuditDetails.clean("\uD800x", 100));
        assertNull(AuditDetails.clean(null, 10));
    }

    @Test
    void longValuesAreCutWithoutSplittingACharacter() {
        assertEquals("abcdefghij", AuditDetails.clean("abcdefghij", 10));
        assertEquals("abcdefghi…", AuditDetails.clean("abcdefghijk", 10));
        String rare = "\uD842\uDFB7"; // 𠮷, outside the Basic Multilingual Plane
        String cut = AuditDetails.clean("abcdefgh" + rare + "xyz", 10);
        assertEquals("abcdefgh…", cut);
        assertTrue(cut.length() <= 10);
    }

    @Test
    void aLongDetailFitsItsColumn() {
        String cut = AuditDetails.clean("广".repeat(5000), AuditEntity.DETAIL_LENGTH);
        assertEquals(AuditEntity.DETAIL_LENGTH, cut.length());
        assertTrue(cut.endsWith("…"));
    }
}
