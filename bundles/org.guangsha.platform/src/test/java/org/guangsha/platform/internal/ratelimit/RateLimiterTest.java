package org.guangsha.platform.internal.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private Instant now = Instant.parse("2026-11-23T01:00:10Z");
    private final Clock clock =
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
    private final RateLimiter limiter = new RateLimiter(clock, 3, 2);

    @Test
    void theRequestOverTheLimitIsRefusedUntilTheMinuteEnds() {
        for (int i = 0; i < 3; i++) {
            limiter.address("identity", "10.0.0.1");
        }
        RateLimiter.TooManyRequests e =
                assertThrows(
                        RateLimiter.TooManyRequests.class,
                        () -> limiter.address("identity", "10.0.0.1"));
        assertEquals(429, e.problem().status());
        assertEquals(50, e.retryAfterSeconds());
        assertEquals("50", e.headers().get("Retry-After"));
        now = now.plus(Duration.ofSeconds(50));
        assertDoesNotThrow(() -> limiter.address("identity", "10.0.0.1"));
    }

    @Test
    void aBucketMayHaveALimitOfItsOwn() {
        RateLimiter notices =
                new RateLimiter(
                        clock,
                        3,
                        2,
                        RateLimiter.bucketLimits(new String[] {"payment-notify=5, x=1"}));
        for (int i = 0; i < 5; i++) {
            notices.address("payment-notify", "10.0.0.1");
        }
        assertThrows(
                RateLimiter.TooManyRequests.class,
                () -> notices.address("payment-notify", "10.0.0.1"));
        for (int i = 0; i < 3; i++) {
            notices.address("identity", "10.0.0.1");
        }
        assertThrows(
                RateLimiter.TooManyRequests.class, () -> notices.address("identity", "10.0.0.1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> RateLimiter.bucketLimits(new String[] {"payment-notify"}));
    }

    @Test
    void addressesBucketsAndAccountsCountSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.address("identity", "10.0.0.1");
        }
        assertDoesNotThrow(() -> limiter.address("identity", "10.0.0.2"));
        assertDoesNotThrow(() -> limiter.address("sms", "10.0.0.1"));
        limiter.account("13800138000");
        limiter.account("13800138000");
        assertThrows(RateLimiter.TooManyRequests.class, () -> limiter.account("13800138000"));
        assertDoesNotThrow(() -> limiter.account("13900139000"));
    }
}
