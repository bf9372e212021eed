package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

    private static final float SIZE = 10;
    private final CjkFont font = CjkFont.shared();
    private final LineBreaker breaker = new LineBreaker(font);

    /** Width of {@code n} ideographs: every CJK glyph of the font is one em wide. */
    private static float ems(int n) {
        return n * SIZE;
    }

    @Test
    void chineseBreaksAfterAnyCharacter() {
        List<String> lines = breaker.wrap("公共租赁住房租赁合同", SIZE, ems(4));
        assertEquals(List.of("公共租赁", "住房租赁", "合同"), lines);
    }

    @Test
    void closingPunctuationNeverStartsALine() {
        // "，" would be the first character of line 2; the character before it moves down with it
        List<String> lines = breaker.wrap("甲方乙方，丙方丁方。」戊", SIZE, ems(4));
        assertEquals(List.of("甲方乙", "方，丙方", "丁方。」", "戊"), lines);
        for (String text : List.of("一二三四五六七八九十，。、；：！？）」』》", "一二三，四五六。七八九）十")) {
            for (float width = ems(2); width < ems(12); width += 3) {
                for (String line : breaker.wrap(text, SIZE, width)) {
                    assertFalse("，。、；：！？）」』》".indexOf(line.charAt(0)) >= 0, line);
                }
            }
        }
    }

    @Test
    void openingPunctuationNeverEndsALine() {
        List<String> lines = breaker.wrap("甲方乙（丙方）", SIZE, ems(4));
        assertEquals(List.of("甲方乙", "（丙方）"), lines);
    }

    @Test
    void latinWordsStayWhole() {
        float width = font.width("Public rental ", SIZE);
        List<String> lines = breaker.wrap("Public rental housing contract", SIZE, width);
        for (String line : lines) {
            assertTrue(
                    List.of("Public rental", "housing", "contract", "housing contract")
                            .contains(line),
                    line);
        }
        assertEquals("Public rental housing contract", String.join(" ", lines));
        assertEquals(List.of("租金498.60元"), breaker.wrap("租金498.60元", SIZE, ems(20)));
        float narrow = font.width("498.60元", SIZE) + 1;
        assertEquals(List.of("租金", "498.60元"), breaker.wrap("租金498.60元", SIZE, narrow));
    }

    @Test
    void wordLongerThanALineIsCut() {
        String url = "https://guangsha.example.cn/verify/GS-2026-000123";
        List<String> lines = breaker.wrap(url, SIZE, 60);
        assertTrue(lines.size() > 2);
        assertEquals(url, String.join("", lines));
        for (String line : lines) {
            assertTrue(font.width(line, SIZE) <= 60, line);
        }
    }

    @Test
    void lineFeedsBreakAndSpacesAtBreaksVanish() {
        assertEquals(List.of("第一行", "", "第三行"), breaker.wrap("第一行\n\n第三行", SIZE, ems(20)));
        assertEquals(
                List.of("aaa", "bbb"), breaker.wrap("aaa   bbb", SIZE, font.width("aaa b", SIZE)));
    }
}
