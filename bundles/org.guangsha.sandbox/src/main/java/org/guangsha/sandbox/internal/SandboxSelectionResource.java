package org.guangsha.sandbox.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.selection.batch.BatchImport;
import org.guangsha.selection.batch.BatchSummary;
import org.guangsha.selection.batch.NewBatch;
import org.guangsha.selection.batch.NewBatch.NewSession;
import org.guangsha.selection.batch.NewBatch.NewUnit;
import org.guangsha.selection.batch.NewBatch.RankedFamily;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/sandbox/selection}: a verified citizen creates a fresh demo selection batch
 * (沙箱演示) through the selection line's {@link BatchImport}, with themselves ranked first among ten
 * families, thirty made-up units in three buildings, pre-selection open now and one formal session
 * a couple of minutes later, so that pre-selection, formal selection, confirming and the
 * auto-assignment (S-2 … S-8) can be tried at once.
 *
 * <p>This component is the only part of the sandbox that uses the selection line: the sandbox
 * imports its API package optionally, so without the {@code guangsha-selection} feature this
 * component is simply not satisfied and the rest of the sandbox works as before.
 */
@Component(service = SandboxSelectionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox/selection")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSelectionResource {

    /**
     * Body of a demo batch; every member may be left out.
     *
     * @param preselectMinutes minutes from now until pre-selection opens (0: open now)
     * @param startsInMinutes minutes from now until the formal session starts (2)
     * @param sessionMinutes how long the formal session lasts (15)
     */
    public record DemoRequest(
            Integer preselectMinutes, Integer startsInMinutes, Integer sessionMinutes) {}

    /**
     * The demo batch created.
     *
     * @param batch its summary
     * @param familyId the caller's family (its selection pages are {@code
     *     /api/selection/families/{familyId}/…})
     * @param rank the caller's rank
     * @param sessionStartsAt when the formal session starts
     * @param sessionEndsAt when it ends (and the auto-assignment runs)
     */
    public record Created(
            BatchSummary batch,
            String familyId,
            int rank,
            Instant sessionStartsAt,
            Instant sessionEndsAt,
            boolean sandbox) {}

    /** A demo's times, checked. */
    record Times(Instant preselect, Instant starts, Instant ends) {}

    static final String REGION = "440304";
    static final int MAX_MINUTES = 24 * 60;
    static final int FAMILIES = 10;
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String CODE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final BatchImport batches;
    private final AccountDirectory accounts;
    private final Random random = new SecureRandom();

    /** Built by DS; not satisfied while the selection line is not installed. */
    @Activate
    public SandboxSelectionResource(
            @Reference BatchImport batches, @Reference AccountDirectory accounts) {
        this.batches = batches;
        this.accounts = accounts;
    }

    /** Creates a demo batch with the caller ranked first: 201 with its summary and the family. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L2, kinds = AccountKind.CITIZEN)
    public Response create(DemoRequest body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Times times = times(body == null ? new DemoRequest(null, null, null) : body, Instant.now());
        AccountProfile me =
                accounts.find(caller.accountId())
                        .filter(p -> p.idNumber() != null)
                        .orElseThrow(
                                () ->
                                        ProblemException.conflict(
                                                "sandbox-no-id-number",
                                                "账号没有身份证号码，无法作为选房家庭",
                                                "The account has no ID number to rank",
                                                null));
        NewBatch demo = demoBatch(me, caller.accountId(), times, code(), random);
        BatchSummary summary = batches.create(demo);
        String familyId =
                batches.familyId(summary.id(), me.idNumber())
                        .orElseThrow(() -> new IllegalStateException("demo family not stored"));
        return Response.status(201)
                // relative to the application's base, /api/
                .location(URI.create("selection/families/" + familyId))
                .entity(new Created(summary, familyId, 1, times.starts(), times.ends(), true))
                .build();
    }

    /** The demo's times from now; 400 naming each member out of range. */
    static Times times(DemoRequest r, Instant now) {
        int preselect = r.preselectMinutes() == null ? 0 : r.preselectMinutes();
        int starts = r.startsInMinutes() == null ? Math.max(2, preselect) : r.startsInMinutes();
        int length = r.sessionMinutes() == null ? 15 : r.sessionMinutes();
        List<FieldError> errors = new ArrayList<>();
        if (preselect < 0 || preselect > MAX_MINUTES) {
            errors.add(
                    new FieldError("preselectMinutes", "应为0至1440分钟", "0 to 1440 minutes from now"));
        }
        if (starts < preselect || starts > MAX_MINUTES) {
            errors.add(
                    new FieldError(
                            "startsInMinutes",
                            "应为0至1440分钟，且不早于预选开始",
                            "0 to 1440 minutes, not before pre-selection opens"));
        }
        if (length < 1 || length > MAX_MINUTES) {
            errors.add(new FieldError("sessionMinutes", "应为1至1440分钟", "1 to 1440 minutes"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Instant base = now.truncatedTo(ChronoUnit.SECONDS);
        Instant starting = base.plus(starts, ChronoUnit.MINUTES);
        return new Times(
                base.plus(preselect, ChronoUnit.MINUTES),
                starting,
                starting.plus(length, ChronoUnit.MINUTES));
    }

    private String code() {
        StringBuilder code = new StringBuilder("SANDBOX-");
        for (int i = 0; i < 10; i++) {
            code.append(CODE_CHARACTERS.charAt(random.nextInt(CODE_CHARACTERS.length())));
        }
        return code.toString();
    }

    /**
     * The demo batch: 30 units (buildings 1–3, floors 1–5, rooms 01 and 02), one formal session,
     * the caller ranked first and nine made-up families after them.
     */
    static NewBatch demoBatch(
            AccountProfile me, String accountId, Times times, String code, Random random) {
        List<NewUnit> units = new ArrayList<>();
        String[] types = {"一房一厅", "两房一厅", "单间"};
        String[] orientations = {"南", "北", "东南", "西南"};
        for (int building = 1; building <= 3; building++) {
            for (int floor = 1; floor <= 5; floor++) {
                for (int room = 1; room <= 2; room++) {
                    String roomNumber = floor + "0" + room;
                    int kind = (building + room) % 3;
                    int area = kind == 2 ? 3500 + floor * 10 : kind == 0 ? 5230 + floor * 20 : 6860;
                    units.add(
                            new NewUnit(
                                    building + "-" + roomNumber,
                                    "沙箱家园（演示）",
                                    building + "栋",
                                    types[kind],
                                    orientations[(floor + room) % orientations.length],
                                    roomNumber,
                                    floor,
                                    area,
                                    // about 25 yuan a square metre and month, whole yuan
                                    area / 100L * 2500,
                                    "示范区示范路"
                                            + building
                                            + "号"
                                            + building
                                            + "栋"
                                            + roomNumber
                                            + "（沙箱演示）"));
                }
            }
        }
        List<RankedFamily> families = new ArrayList<>();
        families.add(new RankedFamily(1, me.name(), me.idNumber(), 3, 1));
        Set<String> used = new HashSet<>();
        used.add(me.idNumber());
        for (int rank = 2; rank <= FAMILIES; rank++) {
            String id;
            do {
                id = madeUpIdNumber(random);
            } while (!used.add(id));
            families.add(
                    new RankedFamily(
                            rank, "沙箱演示家庭" + NUMERALS[rank - 1], id, 1 + random.nextInt(4), 1));
        }
        String stamp =
                DateTimeFormatter.ofPattern("MM-dd HH:mm").format(times.starts().atZone(CITY));
        return new NewBatch(
                code,
                "沙箱演示选房批次（" + stamp + "）",
                REGION,
                times.preselect(),
                null,
                null,
                "sandbox",
                accountId,
                units,
                List.of(new NewSession(1, "第1场（沙箱演示）", times.starts(), times.ends(), FAMILIES)),
                families);
    }

    /**
     * A made-up resident ID number of Futian (440304) with a valid check digit, born 1960–1999;
     * sequence numbers 100–799 stay clear of the ones the sandbox gives a meaning (888, 999).
     */
    static String madeUpIdNumber(Random random) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
        String base =
                String.format(
                        "440304%04d%02d%02d%03d",
                        birth.getYear(),
                        birth.getMonthValue(),
                        birth.getDayOfMonth(),
                        100 + random.nextInt(700));
        return ResidentIdNumber.withCheckCharacter(base);
    }
}
