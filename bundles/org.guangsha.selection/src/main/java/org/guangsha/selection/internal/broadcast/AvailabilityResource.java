package org.guangsha.selection.internal.broadcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.SelectionConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/selection/public/batches/{bid}/availability}: 房源信息播报 (S-10) for anyone, no login —
 * which units are still free holds no personal data. {@code GET} is the snapshot with the feed
 * position it is consistent with; {@code GET …/stream} the server-sent events that follow it
 * ({@code event: unit}, resumable with {@code Last-Event-ID} or {@code ?since=}). The stream holds
 * no thread per client: the node's {@link AvailabilityFeed} hands each change to the clients of its
 * batch, and each client writes it without blocking.
 */
@Component(service = AvailabilityResource.class, configurationPid = SelectionConfiguration.PID)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection/public/batches/{bid}/availability")
public class AvailabilityResource {

    /**
     * A unit and whether it is still free.
     *
     * @param status {@code FREE} or {@code TAKEN}
     */
    public record UnitAvailability(
            String id,
            String code,
            String building,
            String unitType,
            String orientation,
            String roomNumber,
            int floor,
            String status) {}

    /**
     * A batch's units as of feed position {@code seq}: stream from it ({@code ?since=seq}) to miss
     * nothing.
     */
    public record Availability(String batchId, long seq, List<UnitAvailability> units) {}

    /** Reconnection delay told to clients: spread so that a restart is not a stampede. */
    static final int RETRY_MIN_MILLIS = 2000;

    static final int RETRY_MAX_MILLIS = 8000;

    private final AvailabilityFeed feed;
    private final JpaTransactions tx;
    private final int backlog;
    private final Set<String> knownBatches = ConcurrentHashMap.newKeySet();

    /** Built by DS. */
    @Activate
    public AvailabilityResource(
            @Reference AvailabilityFeed feed,
            @Reference(target = "(osgi.unit.name=guangsha-selection)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=selection)") Schema schema,
            SelectionConfiguration config) {
        this(feed, new JpaTransactions(emf), AvailabilityFeed.Settings.of(config).clientBacklog());
    }

    AvailabilityResource(AvailabilityFeed feed, JpaTransactions tx, int backlog) {
        this.feed = feed;
        this.tx = tx;
        this.backlog = backlog;
    }

    /** The snapshot: every unit of the batch with its status, and the feed position it matches. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response snapshot(@PathParam("bid") String bid) {
        // Read the position first: every change up to it is committed, so the read below sees it.
        long seq = feed.position();
        List<UnitAvailability> units =
                tx.read(
                        em -> {
                            if (!exists(em, bid)) {
                                throw ProblemException.notFound(null);
                            }
                            List<?> rows =
                                    em.createNativeQuery(
                                                    "SELECT u.ID, u.CODE, u.BUILDING, u.UNIT_TYPE,"
                                                            + " u.ORIENTATION, u.ROOM_NUMBER,"
                                                            + " u.FLOOR, a.UNIT_ID FROM SEL_UNIT u"
                                                            + " LEFT JOIN SEL_ALLOCATION a ON"
                                                            + " a.UNIT_ID = u.ID WHERE u.BATCH_ID"
                                                            + " = ?1 ORDER BY u.BUILDING,"
                                                            + " u.FLOOR, u.ROOM_NUMBER")
                                            .setParameter(1, bid)
                                            .getResultList();
                            List<UnitAvailability> list = new ArrayList<>(rows.size());
                            for (Object row : rows) {
                                Object[] r = (Object[]) row;
                                list.add(
                                        new UnitAvailability(
                                                (String) r[0],
                                                (String) r[1],
                                                (String) r[2],
                                                (String) r[3],
                                                (String) r[4],
                                                (String) r[5],
                                                ((Number) r[6]).intValue(),
                                                r[7] == null ? "FREE" : "TAKEN"));
                            }
                            return list;
                        });
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(new Availability(bid, seq, units)).cacheControl(noCache).build();
    }

    /**
     * The stream: {@code id: <position>}, {@code event: unit}, {@code data: {"seq", "unitId",
     * "code", "status"}}; first what came after {@code Last-Event-ID} (or {@code ?since=}, for a
     * client that starts from a snapshot), then every change as it comes, and a comment line every
     * {@code broadcast.heartbeat.seconds}.
     *
     * <p>JAX-RS routes the request and answers its errors; the stream itself is then written on the
     * servlet response without blocking ({@link StreamClient}). JAX-RS 2.1's {@code SseEventSink}
     * works here too (CXF 3.5), but it runs a container task and a provider lookup per client and
     * event and keeps a 10,000-slot queue per client: with 5,000 clients the last one saw a change
     * 0.4–1.2 s after the confirm and the clients held 340 MB of heap (benchmarks/selection).
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @PathParam("bid") String bid,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("since") String since,
            @Context HttpServletRequest request,
            @Suspended AsyncResponse suspended)
            throws IOException {
        requireBatch(bid);
        Long from = resumeAfter(lastEventId, since);
        // The request stays suspended (never resumed): this class writes the response itself.
        AsyncContext async =
                request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
        async.setTimeout(0);
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.SERVER_SENT_EVENTS);
        // No proxy or compressor may hold events back, and no cache may keep them.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        long retry = ThreadLocalRandom.current().nextLong(RETRY_MIN_MILLIS, RETRY_MAX_MILLIS);
        StreamClient[] self = new StreamClient[1];
        self[0] =
                StreamClient.open(
                        async,
                        backlog,
                        StreamClient.hello(retry),
                        () -> feed.unsubscribe(bid, self[0]));
        feed.subscribe(bid, from, self[0]);
    }

    /**
     * Where a client resumes: {@code Last-Event-ID} (set by the browser) wins over {@code since}.
     */
    static Long resumeAfter(String lastEventId, String since) {
        String header = lastEventId == null || lastEventId.isBlank() ? null : lastEventId.strip();
        String query = since == null || since.isBlank() ? null : since.strip();
        String value = header != null ? header : query;
        if (value == null) {
            return null;
        }
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(
                header != null ? "Last-Event-ID" : "since",
                "续传位置应为非负整数",
                "The position to resume after is a whole number, 0 or more");
    }

    private void requireBatch(String bid) {
        if (knownBatches.contains(bid)) {
            return;
        }
        if (!tx.read(em -> exists(em, bid))) {
            throw ProblemException.notFound(null);
        }
        knownBatches.add(bid);
    }

    private static boolean exists(EntityManager em, String bid) {
        return bid != null
                && !em.createNativeQuery("SELECT ID FROM SEL_BATCH WHERE ID = ?1")
                        .setParameter(1, bid)
                        .getResultList()
                        .isEmpty();
    }
}
