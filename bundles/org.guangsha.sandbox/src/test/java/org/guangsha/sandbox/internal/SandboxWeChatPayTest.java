package org.guangsha.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guangsha.platform.payment.PaymentNotice;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

/** The simulated WeChat Pay signature: what verifies and what does not (M-1). */
class SandboxWeChatPayTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final byte[] SECRET = "sandbox-secret-1".getBytes(StandardCharsets.UTF_8);

    private final SandboxWeChatPay pay =
            new SandboxWeChatPay(SECRET, "", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aNoticeItSignedVerifiesAndReadsBack() {
        SandboxWeChatPay.SignedNotice signed = pay.paidNotice(order());
        PaymentNotice notice = pay.verify(signed.headers(), signed.body()).orElseThrow();
        assertEquals("6f1c9a52-0000-4000-8000-000000000001", notice.orderId());
        assertEquals(120000, notice.amountFen());
        assertTrue(notice.paid());
        assertEquals(NOW, notice.at());
        assertTrue(notice.transactionId().matches("SANDBOX\\d{21}"), notice.transactionId());
        assertEquals("application/json", signed.headers().get("Content-Type"));
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampNonceAndBodyLikeWeChatPayV3() throws Exception {
        byte[] body = "{\"orderId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected =
                Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal(
                                        "1700000000\nnonce-1\n{\"orderId\":\"x\"}\n"
                                                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, SandboxWeChatPay.sign(SECRET, "1700000000", "nonce-1", body));
    }

    @Test
    void aTamperedBodyDoesNotVerify() {
        SandboxWeChatPay.SignedNotice signed = pay.paidNotice(order());
        String body = new String(signed.body(), StandardCharsets.UTF_8);
        byte[] more = body.replace("120000", "1").getBytes(StandardCharsets.UTF_8);
        assertFalse(pay.verify(signed.headers(), more).isPresent());
        Map<String, String> otherNonce = new HashMap<>(signed.headers());
        otherNonce.put("Wechatpay-Nonce", "0123");
        assertFalse(pay.verify(otherNonce, signed.body()).isPresent());
    }

    @Test
    void aStaleOrFutureTimestampDoesNotVerify() {
        byte[] body = new String(pay.paidNotice(order()).body(), StandardCharsets.UTF_8).getBytes();
        SandboxWeChatPay.SignedNotice fourMinutesOld = pay.signed(body, NOW.minusSeconds(240));
        assertTrue(pay.verify(fourMinutesOld.headers(), body).isPresent());
        SandboxWeChatPay.SignedNotice sixMinutesOld = pay.signed(body, NOW.minusSeconds(360));
        assertFalse(pay.verify(sixMinutesOld.headers(), body).isPresent());
        SandboxWeChatPay.SignedNotice ahead = pay.signed(body, NOW.plusSeconds(360));
        assertFalse(pay.verify(ahead.headers(), body).isPresent());
        Map<String, String> garbled = new HashMap<>(fourMinutesOld.headers());
        garbled.put("Wechatpay-Timestamp", "yesterday");
        assertFalse(pay.verify(garbled, body).isPresent());
    }

    @Test
    void anotherSecretDoesNotVerify() {
        SandboxWeChatPay other =
                new SandboxWeChatPay(
                        "another-secret".getBytes(StandardCharsets.UTF_8),
                        "",
                        Clock.fixed(NOW, ZoneOffset.UTC));
        SandboxWeChatPay.SignedNotice forged = other.paidNotice(order());
        assertFalse(pay.verify(forged.headers(), forged.body()).isPresent());
        // without the serial that gives it away, the HMAC itself refuses it
        Map<String, String> noSerial = new HashMap<>(forged.headers());
        noSerial.remove("Wechatpay-Serial");
        assertFalse(pay.verify(noSerial, forged.body()).isPresent());
        assertFalse(pay.verify(Map.of(), forged.body()).isPresent());
    }

    @Test
    void headerNamesMatchWhateverTheirCase() {
        SandboxWeChatPay.SignedNotice signed = pay.paidNotice(order());
        Map<String, String> lower = new HashMap<>();
        signed.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        assertTrue(pay.verify(lower, signed.body()).isPresent());
    }

    @Test
    void theQrCodeLeadsToThePayPageAndNoticesToThePlatform() {
        assertEquals("/api/sandbox/pay/o1", pay.prepare(order("o1")));
        SandboxWeChatPay configured =
                new SandboxWeChatPay(SECRET, "http://192.168.1.5:8181/", Clock.systemUTC());
        assertEquals("http://192.168.1.5:8181/api/sandbox/pay/o1", configured.prepare(order("o1")));
        assertEquals(
                "http://192.168.1.5:8181/api/payments/notify/wechat-sandbox",
                configured.notifyUrl("http://127.0.0.1:8181"));
        assertEquals(
                "http://127.0.0.1:8181/api/payments/notify/wechat-sandbox",
                pay.notifyUrl("http://127.0.0.1:8181"));
        assertTrue(SandboxWeChatPay.serialOf(SECRET).startsWith("SANDBOX-"));
    }

    @Test
    void thePayPageShowsYuanAndEscapesThePurpose() {
        assertEquals("1,200.00", SandboxPayPage.yuan(120000));
        assertEquals("0.05", SandboxPayPage.yuan(5));
        assertEquals("&lt;b&gt;租金&amp;&quot;&#39;", SandboxPayPage.escape("<b>租金&\"'"));
    }

    private static PaymentOrder order() {
        return order("6f1c9a52-0000-4000-8000-000000000001");
    }

    private static PaymentOrder order(String id) {
        return new PaymentOrder(
                id,
                "payer",
                120000,
                "2026年12月租金",
                "sandbox",
                "demo",
                PaymentStatus.CREATED,
                SandboxWeChatPay.ID,
                "/api/sandbox/pay/" + id,
                NOW,
                NOW.plusSeconds(900),
                null,
                null,
                null);
    }
}
