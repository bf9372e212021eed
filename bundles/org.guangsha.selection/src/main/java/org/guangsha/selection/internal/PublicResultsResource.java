package org.guangsha.selection.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.internal.Views.SessionView;
import org.guangsha.selection.internal.assign.AutoAssignment;
import org.guangsha.selection.internal.store.BatchEntity;
import org.guangsha.selection.internal.store.RunEntity;
import org.guangsha.selection.internal.store.SessionEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/selection/public}: what anyone may check without logging in — the batches, the
 * results of their closed sessions (names masked, never an ID number), and each auto-assignment run
 * with its inputs, results and hashes, so anyone can re-run it (S-6) and compare. The inputs and
 * results are rebuilt from the stored rows on every request and hashed again: {@code inputsMatch} /
 * {@code resultsMatch} say whether they still hash to what was recorded when the run happened.
 */
@Component(service = PublicResultsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("selection/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResultsResource {

    /** A batch as the public sees it. */
    public record PublicBatch(
            String id,
            String code,
            String name,
            String regionCode,
            Instant preselectStartsAt,
            List<SessionView> sessions) {}

    /** One family's result: masked name, never an ID number. */
    public record PublicResult(
            int rank,
            String name,
            String unitCode,
            String building,
            String roomNumber,
            String mode,
            int sessionSeq) {}

    /** The results of a batch's closed sessions and its runs. */
    public record PublicResults(
            PublicBatch batch, List<PublicResult> results, List<RunSummary> runs) {}

    /** A run in a list. */
    public record RunSummary(
            String id,
            int sessionSeq,
            String sessionName,
            Instant ranAt,
            int families,
            int assigned,
            String inputHash,
            String outputHash) {}

    /** A family of a run's inputs. */
    public record InputFamily(int rank, List<String> intents) {}

    /** A run's inputs. */
    public record Inputs(String algorithm, List<String> taken, List<InputFamily> families) {}

    /** A run's result for one family. */
    public record Outcome(int rank, String unitCode) {}

    /** A run as published. */
    public record PublishedRun(
            String id,
            String algorithm,
            String batchCode,
            int sessionSeq,
            String sessionName,
            Instant ranAt,
            Inputs inputs,
            String inputHash,
            boolean inputsMatch,
            List<Outcome> results,
            String outputHash,
            boolean resultsMatch) {}

    private final JpaTransactions tx;

    /** Built by DS. */
    @Activate
    public PublicResultsResource(
            @Reference(target = "(osgi.unit.name=guangsha-selection)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=selection)") Schema schema) {
        this(new JpaTransactions(emf));
    }

    PublicResultsResource(JpaTransactions tx) {
        this.tx = tx;
    }

    /** Every batch, newest first. */
    @GET
    @Path("batches")
    public List<PublicBatch> batches() {
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT b FROM BatchEntity b ORDER BY b.preselectStartsAt DESC",
                                        BatchEntity.class)
                                .getResultList()
                                .stream()
                                .map(b -> batch(em, b))
                                .toList());
    }

    /** A batch's results of its closed sessions, by rank, and its runs. */
    @GET
    @Path("batches/{bid}/results")
    public PublicResults results(@PathParam("bid") String bid) {
        return tx.read(
                em -> {
                    BatchEntity b = bid == null ? null : em.find(BatchEntity.class, bid);
                    if (b == null) {
                        throw ProblemException.notFound(null);
                    }
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                            em.createNativeQuery(
                                            "SELECT f.RANK_NO, f.APPLICANT_NAME, u.CODE, u.BUILDING,"
                                                    + " u.ROOM_NUMBER, a.MODE, s.SEQ FROM SEL_ALLOCATION a"
                                                    + " JOIN SEL_FAMILY f ON f.ID = a.FAMILY_ID"
                                                    + " JOIN SEL_UNIT u ON u.ID = a.UNIT_ID"
                                                    + " JOIN SEL_SESSION s ON s.ID = a.SESSION_ID"
                                                    + " WHERE a.BATCH_ID = ?1 AND s.STATUS = 'CLOSED'"
                                                    + " ORDER BY f.RANK_NO")
                                    .setParameter(1, b.id())
                                    .getResultList();
                    List<PublicResult> results = new ArrayList<>();
                    for (Object[] r : rows) {
                        results.add(
                                new PublicResult(
                                        ((Number) r[0]).intValue(),
                                        Masking.name((String) r[1]),
                                        (String) r[2],
                                        (String) r[3],
                                        (String) r[4],
                                        (String) r[5],
                                        ((Number) r[6]).intValue()));
                    }
                    Map<String, SessionEntity> sessions = sessions(em, b.id());
                    List<RunSummary> runs = new ArrayList<>();
                    for (RunEntity run :
                            em.createQuery(
                                            "SELECT r FROM RunEntity r WHERE r.batchId = :b"
                                                    + " ORDER BY r.ranAt",
                                            RunEntity.class)
                                    .setParameter("b", b.id())
                                    .getResultList()) {
                        SessionEntity s = sessions.get(run.sessionId());
                        runs.add(
                                new RunSummary(
                                        run.id(),
                                        s.seq(),
                                        s.name(),
                                        run.ranAt(),
                                        run.families(),
                                        run.assigned(),
                                        run.inputHash(),
                                        run.outputHash()));
                    }
                    return new PublicResults(batch(b, sessions.values()), results, runs);
                });
    }

    /** A run's published inputs and results, hashed again from the stored rows. */
    @GET
    @Path("runs/{runId}")
    public PublishedRun run(@PathParam("runId") String runId) {
        return tx.read(
                em -> {
                    RunEntity run = runId == null ? null : em.find(RunEntity.class, runId);
                    if (run == null) {
                        throw ProblemException.notFound(null);
                    }
                    BatchEntity b = em.find(BatchEntity.class, run.batchId());
                    SessionEntity s = em.find(SessionEntity.class, run.sessionId());
                    @SuppressWarnings("unchecked")
                    List<String> taken =
                            em.createNativeQuery(
                                            "SELECT UNIT_CODE FROM SEL_RUN_TAKEN WHERE RUN_ID = ?1")
                                    .setParameter(1, run.id())
                                    .getResultList();
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                            em.createNativeQuery(
                                            "SELECT RANK_NO, INTENTS, ASSIGNED_UNIT_CODE FROM"
                                                    + " SEL_RUN_FAMILY WHERE RUN_ID = ?1 ORDER BY POSITION")
                                    .setParameter(1, run.id())
                                    .getResultList();
                    List<AutoAssignment.Family> families = new ArrayList<>();
                    List<AutoAssignment.Outcome> outcomes = new ArrayList<>();
                    for (Object[] r : rows) {
                        int rank = ((Number) r[0]).intValue();
                        String intents = (String) r[1];
                        families.add(
                                new AutoAssignment.Family(
                                        rank,
                                        intents.isEmpty()
                                                ? List.of()
                                                : List.of(intents.split(","))));
                        outcomes.add(new AutoAssignment.Outcome(rank, (String) r[2]));
                    }
                    AutoAssignment.Inputs in =
                            new AutoAssignment.Inputs(new TreeSet<>(taken), families);
                    AutoAssignment.Results out = new AutoAssignment.Results(outcomes);
                    return new PublishedRun(
                            run.id(),
                            run.algorithm(),
                            b.code(),
                            s.seq(),
                            s.name(),
                            run.ranAt(),
                            new Inputs(
                                    run.algorithm(),
                                    List.copyOf(in.taken()),
                                    families.stream()
                                            .map(f -> new InputFamily(f.rank(), f.intents()))
                                            .toList()),
                            run.inputHash(),
                            AutoAssignment.sha256(in.canonical()).equals(run.inputHash()),
                            outcomes.stream()
                                    .map(o -> new Outcome(o.rank(), o.unitCode()))
                                    .toList(),
                            run.outputHash(),
                            AutoAssignment.sha256(out.canonical()).equals(run.outputHash()));
                });
    }

    private static PublicBatch batch(EntityManager em, BatchEntity b) {
        return batch(b, sessions(em, b.id()).values());
    }

    private static PublicBatch batch(BatchEntity b, Collection<SessionEntity> sessions) {
        return new PublicBatch(
                b.id(),
                b.code(),
                b.name(),
                b.regionCode(),
                b.preselectStartsAt(),
                sessions.stream()
                        .sorted(Comparator.comparingInt(SessionEntity::seq))
                        .map(SessionView::of)
                        .toList());
    }

    private static Map<String, SessionEntity> sessions(EntityManager em, String batchId) {
        Map<String, SessionEntity> map = new HashMap<>();
        for (SessionEntity s :
                em.createQuery(
                                "SELECT s FROM SessionEntity s WHERE s.batchId = :b",
                                SessionEntity.class)
                        .setParameter("b", batchId)
                        .getResultList()) {
            map.put(s.id(), s);
        }
        return map;
    }
}
