package org.guangsha.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.guangsha.platform.identity.CreditCode.Defect;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    /** Codes as published on business licences and in GB 32100-2015 (the first is its example). */
    private static final List<String> PUBLISHED =
            List.of(
                    "91350100M000100Y43",
                    "91110000802100433B",
                    "9111000071093123XX",
                    "91440300708461136T",
                    "914403001922038216");

    /*
     * Constructed codes. Their check characters were computed outside this code base (a separate
     * script) and verified once more by hand.
     */
    /** Weighted sum 930 = 30 x 31: the check value 31 that must be written as 0. */
    private static final String CHECK_VALUE_31 = "91110000MA00000240";

    private static final String INDIVIDUAL_BUSINESS = "92110000MA0000000E";
    private static final String OTHER_AUTHORITY = "Y1110000MA0000000U";
    private static final String AUTHORITY_2 = "21110000MA0000000Q";
    private static final String LAW_FIRM = "31110000MA0000000P";
    private static final String UNKNOWN_AUTHORITY = "B1110000MA0000000F";
    private static final String MARKET_TYPE_4 = "9411000071093123XL";
    private static final String LETTERS_IN_DIVISION = "91AB000071093123XK";

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void publishedCodesAreValid() {
        for (String code : PUBLISHED) {
            assertEquals(Optional.empty(), CreditCode.defect(code), code);
        }
    }

    @Test
    void constructedCodesAreValid() {
        assertEquals(Optional.empty(), CreditCode.defect(CHECK_VALUE_31));
        assertEquals(Optional.empty(), CreditCode.defect(INDIVIDUAL_BUSINESS));
        assertEquals(Optional.empty(), CreditCode.defect(OTHER_AUTHORITY));
    }

    @Test
    void everyOtherCheckCharacterIsRejected() {
        for (String code : PUBLISHED) {
            String body = code.substring(0, 17);
            for (char check : CHARSET.toCharArray()) {
                if (check != code.charAt(17)) {
                    assertEquals(
                            Optional.of(Defect.CHECK_CHARACTER),
                            CreditCode.defect(body + check),
                            body + check);
                }
            }
        }
        assertEquals(Optional.of(Defect.CHECK_CHARACTER), CreditCode.defect("91350100M000100Y44"));
    }

    @Test
    void lowerCaseAndBlanksAreAccepted() {
        assertEquals("91350100M000100Y43", CreditCode.normalize(" 91350100m000100y43\n"));
        assertEquals(Optional.empty(), CreditCode.defect(" 91350100m000100y43 "));
        assertNull(CreditCode.normalize(null));
    }

    @Test
    void charactersOutsideTheAlphabetAreAFormatDefect() {
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100M0001O0Y43"));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100MI00100Y43"));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100MS00100Y43"));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100MV00100Y43"));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100MZ00100Y43"));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100M000100Y4-"));
    }

    @Test
    void wrongLengthIsAFormatDefect() {
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect(null));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect(""));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("  "));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100M000100Y4"));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect("91350100M000100Y430"));
    }

    @Test
    void unknownAuthorityTypeOrDivisionIsAFormatDefectEvenWithCorrectCheckCharacter() {
        assertEquals(Optional.empty(), CreditCode.defect(AUTHORITY_2));
        assertEquals(Optional.empty(), CreditCode.defect(LAW_FIRM));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect(UNKNOWN_AUTHORITY));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect(MARKET_TYPE_4));
        assertEquals(Optional.of(Defect.FORMAT), CreditCode.defect(LETTERS_IN_DIVISION));
    }

    @Test
    void maskKeepsSixAndFourOfEighteen() {
        assertEquals("913501********0Y43", CreditCode.mask("91350100M000100Y43"));
        assertEquals("913501********0Y43", CreditCode.mask(" 91350100m000100y43 "));
        assertEquals("914403********8216", CreditCode.mask("914403001922038216"));
    }

    @Test
    void maskOfOtherLengthsKeepsOnlyTheEnds() {
        assertNull(CreditCode.mask(null));
        assertEquals("7*******X", CreditCode.mask("71093123X"));
        assertEquals("**", CreditCode.mask("91"));
    }

    @Test
    void messagesAreChineseFirst() {
        assertEquals("统一社会信用代码应为18位，由数字和大写字母组成（不含 I、O、S、V、Z）", Defect.FORMAT.message());
        assertEquals("统一社会信用代码校验位错误，请核对", Defect.CHECK_CHARACTER.message());
        for (Defect defect : Defect.values()) {
            assertFalse(defect.messageEn().isBlank(), defect.name());
        }
    }
}
