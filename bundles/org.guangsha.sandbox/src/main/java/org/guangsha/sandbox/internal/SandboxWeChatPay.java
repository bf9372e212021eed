package org.guangsha.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.payment.PaymentNotice;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated WeChat Pay (微信支付, DOMAIN.md M-1), provider {@code wechat-sandbox}. The QR code leads to
 * the sandbox pay page; its 支付 button has the simulator send the platform a notification signed the
 * way WeChat Pay v3 signs (a signature over {@code timestamp\nnonce\nbody\n} in {@code
 * Wechatpay-Signature}, with {@code Wechatpay-Timestamp}, {@code Wechatpay-Nonce} and {@code
 * Wechatpay-Serial}), with HMAC-SHA256 under a secret instead of WeChat's RSA key. The secret is
 * made at random when the simulator starts unless configured: several nodes need the same one.
 * Refunds are only logged. Registered with a low ranking, so a real provider always wins.
 */
@Component(
        service = {PaymentProvider.class, SandboxWeChatPay.class},
        configurationPid = SandboxWeChatPay.PID,
        property = "service.ranking:Integer=-100")
@Designate(ocd = SandboxWeChatPay.Config.class)
public class SandboxWeChatPay implements PaymentProvider {

    /** The configuration PID. */
    public static final String PID = "org.guangsha.sandbox.wechatpay";

    /** The provider id, the {@code {provider}} of {@code /api/payments/notify/{provider}}. */
    public static final String ID = "wechat-sandbox";

    /** Notifications older (or further ahead) than this are refused, as WeChat Pay advises. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    static final String TIMESTAMP = "Wechatpay-Timestamp";
    static final String NONCE = "Wechatpay-Nonce";
    static final String SIGNATURE = "Wechatpay-Signature";
    static final String SERIAL = "Wechatpay-Serial";
    static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";
    static final String SIGNATURE_TYPE_VALUE = "SANDBOX-HMAC-SHA256";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxWeChatPay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PAY_PATH = "/api/sandbox/pay/";

    /** {@code etc/org.guangsha.sandbox.wechatpay.cfg}. */
    @ObjectClassDefinition(id = PID, name = "Guangsha sandbox WeChat Pay simulator")
    public @interface Config {
        @AttributeDefinition(
                description =
                        "The HMAC secret notifications are signed with; empty: a random one each"
                                + " start (give one when several nodes run the sandbox)",
                type = AttributeType.PASSWORD)
        String secret() default "";

        @AttributeDefinition(
                description =
                        "The platform's address as phones and the simulator reach it, e.g."
                                + " http://192.168.1.5:8181; empty: pay pages are relative and"
                                + " notifications go to the address the 支付 request arrived at")
        String base_url() default "";
    }

    /** A notification ready to send: its headers and the exact body they sign. */
    public record SignedNotice(Map<String, String> headers, byte[] body) {}

    private final byte[] secret;
    private final String serial;
    private final String baseUrl;
    private final Clock clock;

    /** Built by DS. */
    @Activate
    public SandboxWeChatPay(Config config) {
        this(secretOf(config.secret()), config.base_url(), Clock.systemUTC());
        LOG.warn(
                "SANDBOX WeChat Pay simulator active (provider {}, key serial {}, {} secret):"
                        + " payments are simulated, no money moves",
                ID,
                serial,
                config.secret().isBlank() ? "random" : "configured");
    }

    SandboxWeChatPay(byte[] secret, String baseUrl, Clock clock) {
        this.secret = secret.clone();
        this.serial = serialOf(secret);
        this.baseUrl = trimSlash(baseUrl);
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("微信支付（沙箱模拟）", "WeChat Pay (sandbox simulation)");
    }

    /** The QR code leads to the sandbox pay page of the order. */
    @Override
    public String prepare(PaymentOrder order) {
        return baseUrl + PAY_PATH + order.id();
    }

    @Override
    public Optional<PaymentNotice> verify(Map<String, String> headers, byte[] body) {
        String timestamp = header(headers, TIMESTAMP);
        String nonce = header(headers, NONCE);
        String signature = header(headers, SIGNATURE);
        if (timestamp == null || nonce == null || signature == null || body == null) {
            LOG.debug("Notification without the signature headers");
            return Optional.empty();
        }
        String keySerial = header(headers, SERIAL);
        if (keySerial != null && !keySerial.equals(serial)) {
            // after a restart with a random secret, or from a node with another secret
            LOG.warn(
                    "SANDBOX notification signed with key {}, this node's is {}",
                    keySerial,
                    serial);
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(MAX_AGE) > 0) {
            LOG.debug("Notification timestamp {} is {} away from now", timestamp, age);
            return Optional.empty();
        }
        byte[] expected = sign(secret, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return read(body);
    }

    /** Simulated: nothing is paid back, the log says what would be. */
    @Override
    public void refund(PaymentOrder order, String reason) {
        LOG.warn(
                "SANDBOX refund of order {} ({} fen, transaction {}) simulated: {}",
                order.id(),
                order.amountFen(),
                order.providerTransactionId(),
                reason);
    }

    /**
     * The notification WeChat Pay would send once the payer paid {@code order} now: {@code
     * {orderId, transactionId, amountFen, status: SUCCESS, paidAt}}, signed.
     */
    public SignedNotice paidNotice(PaymentOrder order) {
        Instant now = clock.instant();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("orderId", order.id());
        notice.put("transactionId", "SANDBOX" + digits(21));
        notice.put("amountFen", order.amountFen());
        notice.put("status", "SUCCESS");
        notice.put("paidAt", now.toString());
        notice.put("sandbox", true);
        try {
            return signed(JSON.writeValueAsBytes(notice), now);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a notification", e);
        }
    }

    SignedNotice signed(byte[] body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = HexFormat.of().formatHex(bytes(16));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(SERIAL, serial);
        headers.put(SIGNATURE_TYPE, SIGNATURE_TYPE_VALUE);
        headers.put(SIGNATURE, sign(secret, timestamp, nonce, body));
        return new SignedNotice(Map.copyOf(headers), body.clone());
    }

    /** Where notifications go when no base URL is configured: where the request arrived. */
    String notifyUrl(String localBase) {
        return (baseUrl.isEmpty() ? localBase : baseUrl) + "/api/payments/notify/" + ID;
    }

    /** WeChat Pay v3's signed message, {@code timestamp\nnonce\nbody\n}, under HMAC-SHA256. */
    static String sign(byte[] secret, String timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update((byte) '\n');
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Optional<PaymentNotice> read(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode amount = n.path("amountFen");
            if (!n.path("orderId").isTextual()
                    || !n.path("transactionId").isTextual()
                    || !amount.canConvertToExactIntegral()) {
                return Optional.empty();
            }
            return Optional.of(
                    new PaymentNotice(
                            n.path("orderId").asText(),
                            n.path("transactionId").asText(),
                            amount.asLong(),
                            "SUCCESS".equals(n.path("status").asText()),
                            n.path("paidAt").isTextual()
                                    ? Instant.parse(n.path("paidAt").asText())
                                    : null));
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("SANDBOX notification signed but unreadable", e);
            return Optional.empty();
        }
    }

    /** HTTP header names are case-insensitive; the map given may not be. */
    private static String header(Map<String, String> headers, String name) {
        String v = headers.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static byte[] secretOf(String configured) {
        if (configured == null || configured.isBlank()) {
            return bytes(32);
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    /** Names the key without revealing it, so a mismatch between nodes shows in the log. */
    static String serialOf(byte[] secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret);
            return "SANDBOX-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(RANDOM.nextInt(10));
        }
        return b.toString();
    }

    private static String trimSlash(String url) {
        String u = url == null ? "" : url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
