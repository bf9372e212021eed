package org.guangsha.platform.internal.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * The city's clock as an OSGi service: the system clock in UTC, registered as {@link Clock} with
 * service ranking 0. Lines whose rules depend on the time of day or the day of the month (the
 * Shenzhen rent payment windows, SZ-4) take the highest ranking {@code Clock}, so a simulation (the
 * sandbox's settable clock) can stand in for it in tests and demos; without one this is the time.
 * The core's own components keep reading the system clock directly.
 */
@Component(
        service = Clock.class,
        property = {Constants.SERVICE_RANKING + ":Integer=0", "guangsha.clock=system"})
public class SystemClock extends Clock {

    private final Clock system = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return system.withZone(zone);
    }

    @Override
    public Instant instant() {
        return system.instant();
    }

    @Override
    public long millis() {
        return system.millis();
    }
}
