package org.guangsha.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void mainlandMobileKeepsPrefixAndLastFour() {
        assertEquals("138****1234", Masking.mobile("13812341234"));
        assertEquals("138****8000", Masking.mobile(" 13800138000 "));
    }

    @Test
    void otherNumbersKeepOnlyTheLastTwo() {
        assertNull(Masking.mobile(null));
        assertEquals("*********78", Masking.mobile("01012345678"));
        assertEquals("********00", Masking.mobile("1380013800"));
        assertEquals("************00", Masking.mobile("+8613800138000"));
        assertEquals("******78", Masking.mobile("010-5678"));
        assertEquals("**", Masking.mobile("12"));
        assertEquals("*", Masking.mobile("1"));
    }

    @Test
    void chineseNameKeepsItsFirstCharacter() {
        assertEquals("张*", Masking.name("张三"));
        assertEquals("李*", Masking.name(" 李四 "));
        assertEquals("欧***", Masking.name("欧阳娜娜"));
        assertEquals("阿*******", Masking.name("阿依古丽·买买提"));
        assertEquals("*", Masking.name("张"));
    }

    @Test
    void characterOutsideTheBasicPlaneIsNotCutInHalf() {
        assertEquals("\uD842\uDFB7**", Masking.name("\uD842\uDFB7野家"));
        assertEquals("张**", Masking.name("张\uD842\uDFB7三"));
    }

    @Test
    void latinNameKeepsItsFirstLetterAndHidesItsLength() {
        assertEquals("J***", Masking.name("John Smith"));
        assertEquals("Z***", Masking.name("Zhang San"));
        assertEquals("*", Masking.name("A"));
    }

    @Test
    void missingNameStaysMissing() {
        assertNull(Masking.name(null));
        assertEquals("", Masking.name("  "));
    }
}
