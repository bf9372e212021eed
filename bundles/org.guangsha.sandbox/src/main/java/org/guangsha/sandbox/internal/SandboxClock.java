package org.guangsha.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A settable city clock (simulation): registered as {@link Clock} with service ranking 100, above
 * the core's system clock (0), so lines that take the highest ranking clock read this one while the
 * sandbox is installed. Set to a time it runs on from there (the offset to the system clock is
 * kept), so orders and countdowns still move; reset it follows the system clock again. It is kept
 * in memory on this node only: a restart resets it.
 */
@Component(
        service = {Clock.class, SandboxClock.class},
        property = {Constants.SERVICE_RANKING + ":Integer=100", "guangsha.clock=sandbox"})
public class SandboxClock extends Clock {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxClock.class);

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    /** Built by DS: follows the system clock until set. */
    public SandboxClock() {
        this(Clock.systemUTC());
    }

    SandboxClock(Clock system) {
        this.system = system;
    }

    /** From now on the clock reads {@code at}, and runs on from there. */
    public void set(Instant at) {
        offset = Duration.between(system.instant(), at);
        LOG.warn("SANDBOX clock set to {} (offset {})", at, offset);
    }

    /** Follows the system clock again. */
    public void reset() {
        offset = Duration.ZERO;
        LOG.info("SANDBOX clock follows the system clock again");
    }

    /** Whether the clock was set (is not the system's time). */
    public boolean isSet() {
        return !offset.isZero();
    }

    /** How far the clock is from the system clock. */
    public Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
