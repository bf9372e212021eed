package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.guangsha.platform.internal.document.TemplateMarkup.Block;
import org.guangsha.platform.internal.document.TemplateMarkup.Heading;
import org.guangsha.platform.internal.document.TemplateMarkup.Note;
import org.guangsha.platform.internal.document.TemplateMarkup.PageBreak;
import org.guangsha.platform.internal.document.TemplateMarkup.Paragraph;
import org.guangsha.platform.internal.document.TemplateMarkup.Signature;
import org.guangsha.platform.internal.document.TemplateMarkup.Table;
import org.guangsha.platform.internal.document.TemplateMarkup.Title;
import org.junit.jupiter.api.Test;

class TemplateMarkupTest {

    @Test
    void readsEveryConstruct() {
        String template =
                "\uFEFF# 租赁合同\r\n"
                        + "## 第一条\n"
                        + "甲方将房屋\n"
                        + "出租给乙方。\n"
                        + "Rent is paid\n"
                        + "monthly.\n"
                        + "\n"
                        + "> 备注一\n"
                        + ">备注二\n"
                        + "| 项目 | 内容 |\n"
                        + "| :--- | ---: |\n"
                        + "| 面积 | ${area} |\n"
                        + "[signature:tenant 承租人签名]\n"
                        + "[signature:lessor]\n"
                        + "   ---   \n"
                        + "#1号楼";
        List<Block> blocks = TemplateMarkup.parse(template, Map.of("area", "49.86"));

        assertEquals(
                List.of(
                        new Title("租赁合同"),
                        new Heading("第一条"),
                        new Paragraph("甲方将房屋出租给乙方。Rent is paid monthly."),
                        new Note("备注一备注二"),
                        new Table(List.of(List.of("项目", "内容"), List.of("面积", "49.86")), 1),
                        new Signature("tenant", "承租人签名"),
                        new Signature("lessor", ""),
                        new PageBreak(),
                        new Paragraph("#1号楼")),
                blocks);
    }

    @Test
    void signatureFieldsAreListedInOrderWithoutValues() {
        String template =
                "# 授权委托书\n\n本人 ${name}\n\n  [signature:principal 委托人签名（${name}）]  \n"
                        + "[signature:agent]\n[signature:principal again]\n"
                        + "正文中的 [signature:notABox 文字] 不是签名栏";
        assertEquals(
                java.util.List.of("principal", "agent"),
                java.util.List.copyOf(TemplateMarkup.signatureFields(template)));
        assertEquals(
                java.util.List.of("applicant"),
                java.util.List.copyOf(
                        TemplateMarkup.signatureFields(
                                DocumentTemplates.text("authorization-commitment-letter"))));
    }

    @Test
    void valuesAreLiteral() {
        String value = "# 标题\n| a | b |\n> 注\n[signature:x y]\n---\n${other}";
        List<Block> blocks =
                TemplateMarkup.parse(
                        "前${v}后\n\n| ${v} | ${v} |\n\n[signature:s ${v}]",
                        Map.of("v", value, "other", "不应出现"));

        assertEquals(
                List.of(
                        new Paragraph("前" + value + "后"),
                        new Table(List.of(List.of(value, value)), 0),
                        new Signature("s", value)),
                blocks);
    }

    @Test
    void blankValuesBecomeALineToWriteOn() {
        assertEquals(
                List.of(new Paragraph("日期：________，电话：________")),
                TemplateMarkup.parse("日期：${date}，电话：${phone}", Map.of("date", "", "phone", "  ")));
    }

    @Test
    void missingValueNamesItsKey() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TemplateMarkup.parse(
                                        "# 合同\n\n承租人：${tenantName}", Map.of("tenant", "张三")));
        assertTrue(e.getMessage().contains("'tenantName'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void malformedMarkupIsRefusedWithItsLine() {
        assertRefused("正文\n| a | b", "Line 2");
        assertRefused("| a |", "2 to 4 columns");
        assertRefused("| a | b | c | d | e |", "2 to 4 columns");
        assertRefused("| a | b |\n| a | b | c |", "Line 2");
        assertRefused("| --- | --- |", "separator");
        assertRefused("[signature:1x 标签]", "signature");
        assertRefused("价格 ${price", "unterminated");
        assertRefused("价格 ${pr ice}", "malformed");
    }

    private static void assertRefused(String template, String message) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TemplateMarkup.parse(template, Map.of("price", "1")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void placeholderKeysInOrderOfAppearance() {
        assertEquals(
                List.of("b", "a", "c.d"),
                List.copyOf(TemplateMarkup.placeholderKeys("${b} ${a}\n| ${b} | ${c.d} |")));
    }
}
