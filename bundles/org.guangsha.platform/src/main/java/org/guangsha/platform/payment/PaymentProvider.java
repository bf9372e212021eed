package org.guangsha.platform.payment;

import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A payment service in the WeChat Pay style: the platform asks it for a QR payload per order, and
 * it calls {@code POST /api/payments/notify/{id}} when the payer has paid. A city installs its real
 * provider; the sandbox installs a simulator. The highest service ranking wins when several are
 * installed.
 */
@ConsumerType
public interface PaymentProvider {

    /** Stable id, the {@code {provider}} of the notification path. */
    String id();

    /** The provider's name on the pay page. */
    LocalizedText name();

    /** Registers the order with the provider; the QR payload the payer scans. */
    String prepare(PaymentOrder order);

    /**
     * Checks a notification's signature and reads it. Empty when the signature does not verify: the
     * platform refuses and audits such a notification.
     */
    Optional<PaymentNotice> verify(Map<String, String> headers, byte[] body);

    /** Refunds a paid order; throwing means the provider refused. */
    void refund(PaymentOrder order, String reason);
}
