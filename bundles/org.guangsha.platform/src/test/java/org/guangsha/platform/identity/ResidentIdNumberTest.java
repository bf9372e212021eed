package org.guangsha.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.guangsha.platform.identity.ResidentIdNumber.Defect;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    /** The example printed in GB 11643-1999: Beijing Chaoyang, 31 Dec 1949, female. */
    private static final String PUBLISHED_FEMALE = "11010519491231002X";

    /** The second example printed in GB 11643-1999: Guangdong, 1 Jan 1880, male. */
    private static final String PUBLISHED_1880 = "440524188001010014";

    /*
     * Constructed numbers. Their check characters were computed outside this code base (a separate
     * script) and verified once more by hand; they are literals here so that a wrong algorithm in
     * the class under test cannot agree with itself.
     */
    private static final String LEAP_DAY_MALE = "310104200002291236";
    private static final String SHENZHEN_FEMALE = "440303198511034522";
    private static final String BORN_1900_01_01 = "11010519000101001X";
    private static final String BORN_ON_TODAY = "110105202406010013";
    private static final String BORN_AFTER_TODAY = "110105202406020019";
    private static final String FEBRUARY_30 = "440305202302300013";
    private static final String REGION_00 = "00000019900101123X";
    private static final String REGION_16 = "160000199001011234";
    private static final String REGION_83 = "830000199001011234";
    private static final String REGION_91 = "910000199001011234";

    private static Optional<Defect> defect(String text) {
        return ResidentIdNumber.defect(text, TODAY);
    }

    @Test
    void publishedExampleIsValidAndFemale() {
        assertEquals(Optional.empty(), defect(PUBLISHED_FEMALE));
        assertEquals(Optional.empty(), ResidentIdNumber.defect(PUBLISHED_FEMALE));
        assertEquals(LocalDate.of(1949, 12, 31), ResidentIdNumber.birthDate(PUBLISHED_FEMALE));
        assertFalse(ResidentIdNumber.isMale(PUBLISHED_FEMALE));
    }

    @Test
    void theCheckCharacterIsAppendedAsGb11643Computes() {
        assertEquals(
                PUBLISHED_FEMALE,
                ResidentIdNumber.withCheckCharacter(PUBLISHED_FEMALE.substring(0, 17)));
        assertEquals(
                LEAP_DAY_MALE, ResidentIdNumber.withCheckCharacter(LEAP_DAY_MALE.substring(0, 17)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ResidentIdNumber.withCheckCharacter("11010519491231"));
    }

    @Test
    void constructedNumbersAreValid() {
        assertEquals(Optional.empty(), defect(LEAP_DAY_MALE));
        assertEquals(Optional.empty(), defect(SHENZHEN_FEMALE));
        assertEquals(Optional.empty(), defect(REGION_83));
        assertEquals(Optional.empty(), defect(REGION_91));
        assertEquals(LocalDate.of(2000, 2, 29), ResidentIdNumber.birthDate(LEAP_DAY_MALE));
        assertTrue(ResidentIdNumber.isMale(LEAP_DAY_MALE));
        assertEquals(LocalDate.of(1985, 11, 3), ResidentIdNumber.birthDate(SHENZHEN_FEMALE));
        assertFalse(ResidentIdNumber.isMale(SHENZHEN_FEMALE));
    }

    @Test
    void everyOtherCheckCharacterIsRejected() {
        assertEquals(Optional.of(Defect.CHECK_DIGIT), defect("110105194912310021"));
        String body = PUBLISHED_FEMALE.substring(0, 17);
        for (char check : "0123456789".toCharArray()) {
            assertEquals(Optional.of(Defect.CHECK_DIGIT), defect(body + check), body + check);
        }
    }

    @Test
    void birthBefore1900IsRejectedEvenWithCorrectCheckDigit() {
        assertEquals(Optional.of(Defect.BIRTH_DATE), defect(PUBLISHED_1880));
        assertEquals(Optional.empty(), defect(BORN_1900_01_01));
        assertThrows(
                IllegalArgumentException.class, () -> ResidentIdNumber.birthDate(PUBLISHED_1880));
    }

    @Test
    void dateThatDoesNotExistIsRejected() {
        assertEquals(Optional.of(Defect.BIRTH_DATE), defect(FEBRUARY_30));
        assertEquals(Optional.of(Defect.BIRTH_DATE), defect("110105194913310021"));
        assertEquals(Optional.of(Defect.BIRTH_DATE), defect("110105194912000021"));
    }

    @Test
    void birthDateAfterTodayIsRejected() {
        assertEquals(Optional.empty(), defect(BORN_ON_TODAY));
        assertEquals(Optional.of(Defect.BIRTH_DATE), defect(BORN_AFTER_TODAY));
        assertEquals(
                Optional.empty(), ResidentIdNumber.defect(BORN_AFTER_TODAY, TODAY.plusDays(1)));
    }

    @Test
    void unknownProvinceIsRejected() {
        assertEquals(Optional.of(Defect.REGION), defect(REGION_00));
        assertEquals(Optional.of(Defect.REGION), defect(REGION_16));
    }

    @Test
    void malformedTextIsAFormatDefect() {
        assertEquals(Optional.of(Defect.FORMAT), defect(null));
        assertEquals(Optional.of(Defect.FORMAT), defect(""));
        assertEquals(Optional.of(Defect.FORMAT), defect("   "));
        assertEquals(Optional.of(Defect.FORMAT), defect("11010519491231002"));
        assertEquals(Optional.of(Defect.FORMAT), defect("11010519491231002X0"));
        assertEquals(Optional.of(Defect.FORMAT), defect("1101051949A231002X"));
        assertEquals(Optional.of(Defect.FORMAT), defect("X10105194912310021"));
        assertEquals(Optional.of(Defect.FORMAT), defect("11010519491231002Y"));
        assertEquals(Optional.of(Defect.FORMAT), defect("１１０１０５１９４９１２３１００２Ｘ"));
    }

    @Test
    void checksRunInTheDocumentedOrder() {
        // Region 00 and 30 February and a wrong check digit: the region is reported.
        assertEquals(Optional.of(Defect.REGION), defect("000000202302300010"));
        // 30 February and a wrong check digit: the date is reported.
        assertEquals(Optional.of(Defect.BIRTH_DATE), defect("440305202302300010"));
    }

    @Test
    void lowerCaseXAndSurroundingBlanksAreAccepted() {
        assertEquals(PUBLISHED_FEMALE, ResidentIdNumber.normalize(" 11010519491231002x\t"));
        assertEquals(Optional.empty(), defect("11010519491231002x"));
        assertEquals(Optional.empty(), defect("\u3000" + PUBLISHED_FEMALE + " "));
        assertFalse(ResidentIdNumber.isMale("11010519491231002x"));
        assertNull(ResidentIdNumber.normalize(null));
    }

    @Test
    void derivedValuesRefuseInvalidNumbers() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ResidentIdNumber.birthDate("110105194912310021"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.isMale(FEBRUARY_30));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.isMale(null));
    }

    @Test
    void maskKeepsFourAndFourOfEighteen() {
        assertEquals("1101**********002X", ResidentIdNumber.mask(PUBLISHED_FEMALE));
        assertEquals("1101**********002X", ResidentIdNumber.mask(" 11010519491231002x "));
        assertEquals("4403**********4522", ResidentIdNumber.mask(SHENZHEN_FEMALE));
    }

    @Test
    void maskOfOtherLengthsKeepsOnlyTheEnds() {
        assertNull(ResidentIdNumber.mask(null));
        assertEquals("1*************2", ResidentIdNumber.mask("110105491231002"));
        assertEquals("1*3", ResidentIdNumber.mask("123"));
        assertEquals("**", ResidentIdNumber.mask("12"));
        assertEquals("*", ResidentIdNumber.mask("1"));
        assertEquals("", ResidentIdNumber.mask(""));
    }

    @Test
    void messagesAreChineseFirst() {
        assertEquals("身份证号应为18位，前17位为数字，最后一位为数字或X", Defect.FORMAT.message());
        assertEquals("身份证号前两位不是有效的省级行政区代码", Defect.REGION.message());
        assertEquals("身份证号中的出生日期无效", Defect.BIRTH_DATE.message());
        assertEquals("身份证号校验位错误，请核对", Defect.CHECK_DIGIT.message());
        for (Defect defect : Defect.values()) {
            assertFalse(defect.messageEn().isBlank(), defect.name());
        }
    }
}
