/**
 * Payments (DOMAIN.md M-1): rent and deposits paid by scanning a QR code. An order becomes PAID
 * only from the payment provider's signed notification, never from the browser; business lines hear
 * of it through {@link org.guangsha.platform.payment.PaymentListener} services.
 */
@Version("1.0.0")
package org.guangsha.platform.payment;

import org.osgi.annotation.versioning.Version;
