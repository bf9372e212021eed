package org.guangsha.sandbox.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/sandbox/clock}: reads and sets the simulated city clock ({@link SandboxClock}), so
 * tests and demos can try what happens at 23:30 or on the 30th. Reading is for anyone logged in;
 * setting for operators only, since it changes the time for every citizen on this node.
 */
@Component(service = SandboxClockResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox/clock")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxClockResource {

    /**
     * Body of a change: {@code at} (ISO-8601 with an offset, {@code 2026-11-30T23:30:00+08:00}, or
     * the city's wall clock {@code 2026-11-30T23:30}) to set, or {@code reset: true} to follow the
     * real time again.
     */
    public record ClockChange(String at, Boolean reset) {}

    /**
     * The clock now.
     *
     * @param now the simulated time, city offset
     * @param set whether it was set (false: the real time)
     * @param offsetSeconds how far it is from the real time
     * @param simulated always true
     */
    public record ClockView(
            OffsetDateTime now, boolean set, long offsetSeconds, boolean simulated) {}

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final SandboxClock clock;

    /** Built by DS. */
    @Activate
    public SandboxClockResource(@Reference SandboxClock clock) {
        this.clock = clock;
    }

    /** The simulated time. */
    @GET
    @RequiresTrustLevel(TrustLevel.L1)
    public ClockView get() {
        return view();
    }

    /** Sets or resets the simulated time (operators). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public ClockView change(ClockChange body, @Context SecurityContext security) {
        Caller caller = security.getUserPrincipal() instanceof Caller c ? c : null;
        if (caller == null || !caller.roles().contains("OPERATOR")) {
            throw ProblemException.forbidden(
                    "只有运维人员可以调整沙箱时钟", "Only operators set the sandbox clock");
        }
        if (body != null && Boolean.TRUE.equals(body.reset())) {
            clock.reset();
            return view();
        }
        if (body == null || body.at() == null || body.at().isBlank()) {
            throw ProblemException.invalidField(
                    "at", "请填写要设定的时间，或 reset: true", "Give the time to set, or reset: true");
        }
        clock.set(parse(body.at()));
        return view();
    }

    static Instant parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(CITY_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(
                        "at",
                        "时间格式应为 2026-11-30T23:30:00+08:00",
                        "The time must look like 2026-11-30T23:30:00+08:00");
            }
        }
    }

    private ClockView view() {
        return new ClockView(
                clock.instant().atZone(CITY_ZONE).toOffsetDateTime(),
                clock.isSet(),
                clock.offset().toSeconds(),
                true);
    }
}
