package org.guangsha.platform.payment;

import java.time.Duration;
import java.util.Objects;

/**
 * What a business line asks to be paid.
 *
 * @param payerId the account that pays
 * @param amountFen the amount in fen (分), positive
 * @param purpose what is paid, shown on the pay page and the receipt, e.g. {@code 2026年12月租金}
 * @param module the business module, e.g. {@code shenzhen-rental}; listeners filter on it
 * @param reference the line's own reference (its bill or allocation id)
 * @param expiresIn how long the order can be paid
 */
public record OrderRequest(
        String payerId,
        long amountFen,
        String purpose,
        String module,
        String reference,
        Duration expiresIn) {

    /** Checks the required members. */
    public OrderRequest {
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }
}
