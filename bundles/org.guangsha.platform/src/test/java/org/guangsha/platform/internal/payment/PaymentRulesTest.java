package org.guangsha.platform.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guangsha.platform.internal.document.CjkFont;
import org.guangsha.platform.internal.document.PdfRenderer;
import org.guangsha.platform.internal.document.RenderRequest;
import org.guangsha.platform.internal.document.TemplateMarkup;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

/** Amounts shown from fen, the order's state rules (M-1), and the receipt template. */
class PaymentRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void fenAreShownAsYuanExactly() {
        assertEquals("1,200.00", Yuan.format(120000));
        assertEquals("0.05", Yuan.format(5));
        assertEquals("0.10", Yuan.format(10));
        assertEquals("0.00", Yuan.format(0));
        assertEquals("999.99", Yuan.format(99999));
        assertEquals("1,000.00", Yuan.format(100000));
        assertEquals("12,345,678.91", Yuan.format(1234567891));
        // a double would print 0.30000000000000004 for 0.1 + 0.2; fen never drift
        assertEquals("0.30", Yuan.format(10 + 20));
        assertEquals("-2,400.50", Yuan.format(-240050));
        assertEquals("-92,233,720,368,547,758.08", Yuan.format(Long.MIN_VALUE));
    }

    @Test
    void amountsAreSpelledInCapitalNumeralsAsReceiptsDo() {
        assertEquals("人民币壹仟贰佰元整", Yuan.inWords(120000));
        assertEquals("人民币壹元整", Yuan.inWords(100));
        assertEquals("人民币壹拾元整", Yuan.inWords(1000));
        assertEquals("人民币伍角", Yuan.inWords(50));
        assertEquals("人民币壹分", Yuan.inWords(1));
        assertEquals("人民币零元整", Yuan.inWords(0));
        assertEquals("人民币贰仟肆佰元伍角", Yuan.inWords(240050));
        assertEquals("人民币壹佰万元零伍分", Yuan.inWords(100000005));
        assertEquals("人民币壹仟零伍元整", Yuan.inWords(100500));
        assertEquals("人民币壹拾万零壹佰元整", Yuan.inWords(10010000));
        assertEquals("人民币壹仟万零伍元整", Yuan.inWords(1000000500));
        assertEquals("人民币壹亿元整", Yuan.inWords(10000000000L));
        assertEquals("人民币壹亿零壹万元整", Yuan.inWords(10001000000L));
        assertEquals("人民币叁万零玖拾元零柒分", Yuan.inWords(3009007));
        assertEquals("人民币肆佰玖拾捌元陆角", Yuan.inWords(49860));
        assertThrows(IllegalArgumentException.class, () -> Yuan.inWords(-1));
        assertThrows(IllegalArgumentException.class, () -> Yuan.inWords(Yuan.MAX_WORDS_FEN + 1));
        assertTrue(Yuan.inWords(PaymentStore.MAX_AMOUNT_FEN).startsWith("人民币"));
    }

    @Test
    void anOrderGoesFromCreatedToPaidClosedOrRefundedOnly() {
        PaymentOrderEntity paid = order();
        assertFalse(paid.expired(T0.plusSeconds(60)), "payable until the expiry itself");
        assertTrue(paid.expired(T0.plusSeconds(61)));
        assertTrue(paid.inTime(T0.plusSeconds(60)));
        assertFalse(paid.inTime(T0.plusSeconds(61)));
        paid.paid("TX", T0.plusSeconds(5), T0.plusSeconds(6));
        assertEquals(PaymentStatus.PAID, paid.status());
        assertFalse(paid.expired(T0.plusSeconds(600)), "a paid order never expires");
        assertThrows(IllegalStateException.class, () -> paid.close(T0));
        assertThrows(IllegalStateException.class, () -> paid.paid("TX2", T0, T0));
        paid.refunded(T0.plusSeconds(100), "staff", "重复缴费");
        assertEquals(PaymentStatus.REFUNDED, paid.status());
        assertThrows(IllegalStateException.class, () -> paid.refunded(T0, "staff", "again"));

        PaymentOrderEntity closed = order();
        closed.close(T0.plusSeconds(61));
        assertEquals(PaymentStatus.CLOSED, closed.status());
        assertThrows(IllegalStateException.class, () -> closed.paid("TX", T0, T0));
        assertThrows(IllegalStateException.class, () -> closed.refunded(T0, "staff", "x"));
        assertThrows(IllegalStateException.class, () -> order().refunded(T0, "staff", "x"));
    }

    @Test
    void onlyOneNodeAtATimeIssuesAReceipt() {
        PaymentOrderEntity o = order();
        assertFalse(o.claimReceipt(T0, T0), "nothing to issue before payment");
        Instant paidAt = T0.plusSeconds(10);
        o.paid("TX", paidAt, paidAt);
        assertFalse(o.claimReceipt(paidAt.plusSeconds(1), paidAt.minusSeconds(1)), "just claimed");
        assertTrue(o.claimReceipt(paidAt.plusSeconds(400), paidAt.plusSeconds(100)));
        o.receiptIssued("doc");
        assertFalse(o.claimReceipt(paidAt.plusSeconds(9999), paidAt.plusSeconds(9000)));
        assertEquals("doc", o.view().receiptDocumentId());
    }

    @Test
    void theReceiptShowsTheAmountInYuanAndWordsAndThePurpose() throws IOException {
        PaymentOrder paid =
                new PaymentOrder(
                        "6f1c9a52-3b7e-4c1d-9a0f-2e8d5c4b3a21",
                        "payer",
                        120000,
                        "2026年12月租金（福田区保障房1栋101）",
                        "rental",
                        null,
                        PaymentStatus.PAID,
                        "wechat",
                        null,
                        T0,
                        T0.plusSeconds(900),
                        T0.plusSeconds(65),
                        "4200001234202611230000000001",
                        null);
        Map<String, String> values = new HashMap<>(PaymentReceipt.values(paid, "微信支付"));
        assertEquals(
                List.of(
                        "holderName",
                        "providerName",
                        "purpose",
                        "amountYuan",
                        "amountInWords",
                        "paidAt",
                        "transactionId",
                        "orderId",
                        "documentNumber"),
                List.copyOf(TemplateMarkup.placeholderKeys(new PaymentReceipt().template())));
        values.put("holderName", "张三");
        values.put("documentNumber", "GS20261123-7KQ4M2XD");
        byte[] pdf =
                new PdfRenderer(CjkFont.shared())
                        .render(
                                new RenderRequest(
                                        new PaymentReceipt().template(),
                                        values,
                                        "GS20261123-7KQ4M2XD",
                                        LocalDate.of(2026, 11, 23),
                                        null,
                                        "https://guangsha.example.cn/verify/GS20261123-7KQ4M2XD",
                                        Map.of(),
                                        null));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            text = new PDFTextStripper().getText(document);
        }
        for (String expected :
                List.of(
                        "缴费凭证",
                        "张三",
                        "2026年12月租金（福田区保障房1栋101）",
                        "1,200.00 元",
                        "人民币壹仟贰佰元整",
                        "2026-11-23 09:01:05",
                        "4200001234202611230000000001",
                        "6f1c9a52-3b7e-4c1d-9a0f-2e8d5c4b3a21")) {
            assertTrue(text.contains(expected), expected + " missing in:\n" + text);
        }
    }

    @Test
    void theReceiptTypeHasNoEndOfValidity() {
        PaymentReceipt type = new PaymentReceipt();
        assertEquals("payment-receipt", type.id());
        assertEquals("缴费凭证", type.name().zh());
        assertTrue(type.validity().isEmpty());
    }

    private static PaymentOrderEntity order() {
        PaymentOrderEntity o =
                new PaymentOrderEntity(
                        new PaymentOrder(
                                "o1",
                                "payer",
                                100,
                                "租金",
                                "rental",
                                null,
                                PaymentStatus.CREATED,
                                "p",
                                "qr",
                                T0,
                                T0.plusSeconds(60),
                                null,
                                null,
                                null));
        assertNull(o.receiptDocumentId());
        return o;
    }
}
