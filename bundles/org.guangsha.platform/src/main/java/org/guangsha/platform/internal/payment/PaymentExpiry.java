package org.guangsha.platform.internal.payment;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes expired orders every {@code sweep.seconds} (30 by default), so business lines hear of
 * orders nobody paid, and issues receipts a failure left out. Reading an order closes it too when
 * it is past its expiry, so nothing a citizen sees waits for this sweep. A changed configuration
 * restarts the component and so the schedule.
 */
@Component(configurationPid = PaymentConfiguration.PID)
public class PaymentExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentExpiry.class);

    private final PaymentStore store;
    private final ScheduledExecutorService executor;

    /** Built by DS; starts the schedule. */
    @Activate
    public PaymentExpiry(@Reference PaymentStore store, PaymentConfiguration config) {
        this.store = store;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "guangsha-payment-expiry");
                            t.setDaemon(true);
                            return t;
                        });
        long seconds = Math.max(1, config.sweep_seconds());
        executor.scheduleWithFixedDelay(this::sweep, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Stops the schedule; a sweep under way is interrupted and its order left for the next one. */
    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The payment expiry sweep did not stop within 10 s");
        }
    }

    void sweep() {
        try {
            int closed = store.closeExpired();
            int receipts = store.issueMissingReceipts();
            if (closed + receipts > 0) {
                LOG.info("Payment sweep: {} orders closed, {} receipts issued", closed, receipts);
            }
        } catch (RuntimeException e) {
            // a failed sweep (database away) must not end the schedule; the next one tries again
            LOG.warn("Payment sweep failed; trying again at the next one", e);
        }
    }
}
