package org.guangsha.platform.payment;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates and keeps payment orders (M-1). Refusals are {@code ProblemException}s: 400 for a bad
 * request, 503 when no payment provider is installed.
 */
@ProviderType
public interface PaymentService {

    /** Creates an order with the installed provider and returns it with its QR payload. */
    PaymentOrder create(OrderRequest request);

    /** The order with this id. */
    Optional<PaymentOrder> find(String orderId);

    /** Refunds a PAID order through its provider (409 for any other state). */
    PaymentOrder refund(String orderId, String actorId, String reason);
}
