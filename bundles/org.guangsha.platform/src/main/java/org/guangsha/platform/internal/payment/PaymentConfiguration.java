package org.guangsha.platform.internal.payment;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Payments, {@code etc/org.guangsha.payments.cfg} (M-1). */
@ObjectClassDefinition(
        id = PaymentConfiguration.PID,
        name = "Guangsha payments",
        description = "How long orders may stay payable, how often expired orders are closed")
public @interface PaymentConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.payments";

    @AttributeDefinition(
            description =
                    "The shortest time a business line may give an order to be paid, in seconds"
                            + " (integration tests lower it to watch an order expire)")
    int expires_min_seconds() default 60;

    @AttributeDefinition(description = "The longest time an order may stay payable, in hours")
    int expires_max_hours() default 24;

    @AttributeDefinition(
            description =
                    "Seconds between two sweeps closing expired orders (and issuing receipts a"
                            + " failure left out); reading an expired order closes it at once anyway")
    int sweep_seconds() default 30;
}
