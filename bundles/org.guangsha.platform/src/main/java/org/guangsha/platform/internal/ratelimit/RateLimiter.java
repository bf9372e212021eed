package org.guangsha.platform.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Counts requests per key in fixed one-minute windows and refuses those over the limit with 429.
 * The counts live in this node's memory: with several nodes behind a load balancer each node allows
 * the limit, which still stops a script; lockout and captchas, which live in the database, stay
 * exact.
 */
@Component(service = RateLimiter.class, configurationPid = RateLimiter.PID)
@Designate(ocd = RateLimiter.Config.class)
public class RateLimiter {

    /** The configuration PID. */
    public static final String PID = "org.guangsha.ratelimit";

    /** Limits a city may change in {@code etc/org.guangsha.ratelimit.cfg}. */
    @ObjectClassDefinition(id = PID, name = "Guangsha rate limits")
    public @interface Config {
        @AttributeDefinition(description = "Requests a minute per source address and bucket")
        int per_address_per_minute() default 60;

        @AttributeDefinition(description = "Login attempts a minute per account name typed")
        int per_account_per_minute() default 10;

        @AttributeDefinition(
                description =
                        "Buckets with their own limit a minute per source address, as"
                                + " bucket=limit: a payment provider notifies from a few addresses,"
                                + " as often as citizens pay")
        String[] bucket_limits() default {"payment-notify=3000"};
    }

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 200_000;

    private record Window(long start, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int perAddress;
    private volatile int perAccount;
    private volatile Map<String, Integer> bucketLimits;

    /** Built by DS. */
    @Activate
    public RateLimiter(Config config) {
        this(
                Clock.systemUTC(),
                config.per_address_per_minute(),
                config.per_account_per_minute(),
                bucketLimits(config.bucket_limits()));
    }

    /** Built by tests. */
    public RateLimiter(Clock clock, int perAddress, int perAccount) {
        this(clock, perAddress, perAccount, Map.of());
    }

    /** Built by tests, with limits of their own for some buckets. */
    public RateLimiter(
            Clock clock, int perAddress, int perAccount, Map<String, Integer> bucketLimits) {
        this.clock = clock;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.bucketLimits = Map.copyOf(bucketLimits);
    }

    @Modified
    void modified(Config config) {
        perAddress = config.per_address_per_minute();
        perAccount = config.per_account_per_minute();
        bucketLimits = bucketLimits(config.bucket_limits());
    }

    /** Counts one request of {@code address} in {@code bucket}; 429 when over the limit. */
    public void address(String bucket, String address) {
        hit(
                "a:" + bucket + ":" + (address == null ? "?" : address),
                bucketLimits.getOrDefault(bucket, perAddress));
    }

    /** {@code payment-notify=3000}; a .cfg file gives several as one comma-separated value. */
    static Map<String, Integer> bucketLimits(String[] entries) {
        Map<String, Integer> limits = new java.util.HashMap<>();
        for (String entry : String.join(",", entries).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=");
            try {
                limits.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "bucket.limits entries look like payment-notify=3000, not " + entry, e);
            }
        }
        return Map.copyOf(limits);
    }

    /** Counts one login attempt for the account name {@code account}; 429 when over the limit. */
    public void account(String account) {
        hit("u:" + (account == null ? "" : account), perAccount);
    }

    private void hit(String key, int limit) {
        long now = clock.millis();
        long start = now - now % WINDOW.toMillis();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.start() < start);
        }
        Window w =
                windows.merge(
                        key,
                        new Window(start, 1),
                        (old, one) ->
                                old.start() == start ? new Window(start, old.count() + 1) : one);
        if (w.count() > limit) {
            long retryAfter = Math.max(1, (start + WINDOW.toMillis() - now + 999) / 1000);
            throw new TooManyRequests(retryAfter);
        }
    }

    /** 429 with the seconds until the window ends. */
    public static final class TooManyRequests extends ProblemException {
        private static final long serialVersionUID = 1L;

        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super(
                    new Problem(
                            Problem.type("too-many-requests"),
                            "请求过于频繁，请稍后再试",
                            "Too many requests; try again later",
                            429,
                            "请在" + retryAfterSeconds + "秒后再试（retry in " + retryAfterSeconds + " s）",
                            null,
                            null),
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Seconds until a new request may succeed. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
