package org.guangsha.platform.internal.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.internal.rest.Paging;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/audit}, for operators only: the audit trail, newest first, and the check of its hash
 * chain. Reading the trail is itself recorded ({@code audit.export}).
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "审计日志 / Audit trail")
public class AuditResource {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /** One audit row; the time in the city's zone. */
    public record EntryView(
            long seq,
            OffsetDateTime at,
            String action,
            String actorId,
            String target,
            String sourceAddress,
            String detail,
            String prevHash,
            String hash) {

        static EntryView of(AuditEntry e) {
            return new EntryView(
                    e.seq(),
                    RestSupport.cityTime(e.at()),
                    e.action(),
                    e.actorId(),
                    e.target(),
                    e.sourceAddress(),
                    e.detail(),
                    e.prevHash(),
                    e.hash());
        }
    }

    /** Answer of {@code GET /api/audit}. */
    public record PageView(List<EntryView> items, int page, int size, long total) {}

    /** Answer of {@code GET /api/audit/verification}. */
    public record VerificationView(
            boolean ok,
            long rowsChecked,
            Long firstBrokenSeq,
            String reason,
            String lastHash,
            OffsetDateTime checkedAt) {}

    private final AuditTrail trail;

    /** Built by DS. */
    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * The trail, newest first, filtered by time ({@code from} inclusive, {@code to} exclusive; a
     * date, a city-local date-time or one with an offset), action (exact, or a prefix ending in
     * {@code *}) and actor (account id).
     */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "审计日志 / The audit trail (operators)")
    public Response list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("action") String action,
            @QueryParam("actor") String actor,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Caller caller = operator(security);
        Paging paging = Paging.of(page, size, DEFAULT_SIZE, MAX_SIZE);
        AuditTrail.Query query =
                new AuditTrail.Query(
                        time("from", from, false),
                        time("to", to, true),
                        blankToNull(action),
                        blankToNull(actor));
        // Recorded before the rows are read: an export that fails half-way was still attempted.
        trail.record(
                "audit.export",
                caller.accountId(),
                "audit",
                http == null ? null : http.getRemoteAddr(),
                "from="
                        + query.from()
                        + " to="
                        + query.to()
                        + " action="
                        + query.action()
                        + " actor="
                        + query.actorId()
                        + " page="
                        + paging.page()
                        + " size="
                        + paging.size());
        AuditTrail.Page rows = trail.query(query, paging.page(), paging.size());
        return Response.ok(
                        new PageView(
                                rows.items().stream().map(EntryView::of).toList(),
                                paging.page(),
                                paging.size(),
                                rows.total()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Walks the whole hash chain and says whether it is intact, or where it first breaks. */
    @GET
    @Path("verification")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "校验审计日志哈希链 / Verify the audit chain (operators)")
    public Response verification(@Context SecurityContext security) {
        operator(security);
        AuditVerification v = trail.verify();
        return Response.ok(
                        new VerificationView(
                                v.ok(),
                                v.rowsChecked(),
                                v.firstBrokenSeq(),
                                v.reason(),
                                v.lastHash(),
                                RestSupport.cityTime(Instant.now())))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    private static Caller operator(SecurityContext security) {
        return RestSupport.operator(
                security, "只有运维管理员可以查看审计日志", "Only operators read the audit trail");
    }

    /**
     * A time of the query string: {@code 2026-11-23T10:00:00+08:00} (a {@code +} left unencoded
     * arrives as a blank and is read as {@code +}), {@code 2026-11-23T02:00:00Z}, {@code
     * 2026-11-23T10:00} in the city's zone, or {@code 2026-11-23}: the start of that day, or for
     * {@code to} the end of it.
     */
    static Instant time(String field, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replace(' ', '+');
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(PlatformConstants.CITY_ZONE)
                        .toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(PlatformConstants.CITY_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    field,
                    "时间格式应为 2026-11-23 或 2026-11-23T10:00:00+08:00",
                    "A date such as 2026-11-23 or a time such as 2026-11-23T10:00:00+08:00");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
