package org.guangsha.platform.internal.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.payment.PaymentOrder;
import org.osgi.service.component.annotations.Component;

/**
 * The document type {@code payment-receipt} (缴费凭证) issued to the payer when an order becomes PAID.
 * It has no end of validity: a receipt proves a payment for as long as one asks.
 */
@Component(service = DocumentType.class)
public class PaymentReceipt implements DocumentType {

    /** The type id. */
    public static final String TYPE_ID = "payment-receipt";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String template = read();

    @Override
    public String id() {
        return TYPE_ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("缴费凭证", "Payment receipt");
    }

    @Override
    public Optional<Period> validity() {
        return Optional.empty();
    }

    @Override
    public String template() {
        return template;
    }

    /** The template's values for a paid order; the platform adds the number and holder's name. */
    static Map<String, String> values(PaymentOrder order, String providerName) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("providerName", providerName);
        v.put("purpose", order.purpose());
        v.put("amountYuan", Yuan.format(order.amountFen()));
        v.put("amountInWords", Yuan.inWords(order.amountFen()));
        v.put("paidAt", cityTime(order.paidAt()));
        v.put("transactionId", order.providerTransactionId());
        v.put("orderId", order.id());
        return v;
    }

    private static String cityTime(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(PlatformConstants.CITY_ZONE));
    }

    private static String read() {
        try (InputStream in = PaymentReceipt.class.getResourceAsStream("payment-receipt.md")) {
            if (in == null) {
                throw new IllegalStateException("Template resource missing: payment-receipt.md");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the payment receipt template", e);
        }
    }
}
