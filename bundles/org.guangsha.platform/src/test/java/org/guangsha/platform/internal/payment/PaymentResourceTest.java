package org.guangsha.platform.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

class PaymentResourceTest {

    @Test
    void providersReadHeadersWhateverTheirCase() {
        Map<String, String> flat =
                PaymentResource.flatten(
                        Map.of(
                                "wechatpay-signature", List.of("abc"),
                                "Accept", List.of("a", "b")));
        assertEquals("abc", flat.get("Wechatpay-Signature"));
        assertEquals("a,b", flat.get("accept"));
    }

    @Test
    void theQrCodeIsShownOnlyWhileTheOrderCanBePaid() {
        Instant t = Instant.parse("2026-11-23T01:00:00Z");
        PaymentResource.OrderView created =
                PaymentResource.OrderView.of(order(PaymentStatus.CREATED, t));
        assertEquals("weixin://pay/1", created.qrPayload());
        assertEquals("2026-11-23T09:00+08:00", created.createdAt().toString());
        assertNull(PaymentResource.OrderView.of(order(PaymentStatus.CLOSED, t)).qrPayload());
        assertNull(PaymentResource.OrderView.of(order(PaymentStatus.PAID, t)).qrPayload());
    }

    private static PaymentOrder order(PaymentStatus status, Instant t) {
        return new PaymentOrder(
                "o1",
                "p",
                100,
                "租金",
                "rental",
                null,
                status,
                "wechat",
                "weixin://pay/1",
                t,
                t.plusSeconds(60),
                null,
                null,
                null);
    }
}
