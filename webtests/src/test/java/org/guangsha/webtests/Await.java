package org.guangsha.webtests;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Polls a condition until it holds: what OSGi and the server do after a request (feature
 * installation, services arriving, demo accounts seeded in the background) is asynchronous. For
 * waiting on a page use {@link Browser#waiting()} (Selenium's WebDriverWait) instead.
 */
public final class Await {

    private Await() {}

    /**
     * Calls {@code condition} every 250 ms until it returns true; an exception it throws counts as
     * "not yet". Fails with {@code what} (and the last exception as the cause) after {@code
     * timeout}.
     */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what, e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Timed out after " + timeout.toSeconds() + " s waiting until " + what,
                        last);
            }
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
