package org.guangsha.shenzhen.rental.internal.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.payment.CollectionRunChecks.RowError;
import org.guangsha.shenzhen.rental.internal.payment.PaymentWindow.Run;
import org.guangsha.shenzhen.rental.internal.payment.RentViews.RunView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/shenzhen/rental/admin/collection-runs}: the bank collection runs (银行托收, SZ-4 d)
 * during which nobody pays rent online, for caseworkers of Shenzhen (深圳市 and its districts) and
 * operators: list, add one ({@code {startsAt, endsAt, description}}), delete one, or import a CSV
 * file ({@code POST …/import}, multipart part {@code file}, header {@code
 * startsAt,endsAt,description}; all rows or none, 400 {@code import-rejected} listing every
 * problem). Citizens, organizations and caseworkers of other cities get 403.
 */
@Component(service = CollectionRunResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/admin/collection-runs")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionRunResource {

    /** The city whose caseworkers manage runs. */
    static final String SHENZHEN = "440300";

    /** A run file: far beyond a few years of runs. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    /** Body of a new run. */
    public record NewRun(String startsAt, String endsAt, String description) {}

    /** The runs created. */
    public record Imported(int runs, List<RunView> created) {}

    /** 400 {@code import-rejected}: nothing was stored. */
    public record ImportProblem(
            String type,
            String title,
            String titleEn,
            int status,
            String detail,
            String instance,
            List<RowError> errors) {}

    private final RentPayments rent;
    private final Regions regions;

    /** Built by DS. */
    @Activate
    public CollectionRunResource(@Reference RentPayments rent, @Reference Regions regions) {
        this.rent = rent;
        this.regions = regions;
    }

    /** Every run, the latest start first, each saying whether it runs now (city clock). */
    @GET
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response list(@Context SecurityContext security) {
        staff(security);
        return Response.ok(rent.listRuns()).cacheControl(GuangshaRest.noStore()).build();
    }

    /**
     * Adds a run: 201 the run; 400 naming {@code startsAt}, {@code endsAt}, {@code description}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response add(NewRun body, @Context SecurityContext security) {
        Caller caller = staff(security);
        if (body == null) {
            throw ProblemException.invalidField(null, "请求体不能为空", "A body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Run run =
                CollectionRunChecks.check(
                        body.startsAt(), body.endsAt(), body.description(), "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return Response.status(201)
                .entity(rent.addRuns(List.of(run), caller.accountId()).get(0))
                .build();
    }

    /** Imports runs from a CSV file (multipart {@code file}): all or none. */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response importCsv(MultipartBody body, @Context SecurityContext security) {
        Caller caller = staff(security);
        Attachment part = body == null ? null : body.getAttachment("file");
        if (part == null) {
            throw ProblemException.invalidField(
                    "file", "请选择托收CSV文件", "Choose the collection runs CSV file");
        }
        List<RowError> problems = new ArrayList<>();
        List<Run> runs;
        try (InputStream in = part.getDataHandler().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw ProblemException.invalidField(
                        "file", "文件不超过1 MB", "The file may have at most 1 MB");
            }
            // messages name the file as the caseworker chose it (problems name the part)
            String name =
                    part.getContentDisposition() == null
                            ? null
                            : GuangshaRest.uploadedFileName(
                                    part.getContentDisposition().getFilename());
            runs = CollectionRunChecks.parse(bytes, "file", name == null ? "file" : name, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            return Response.status(400)
                    .type(GuangshaRest.PROBLEM_JSON + ";charset=UTF-8")
                    .entity(
                            new ImportProblem(
                                    Problem.type("import-rejected"),
                                    "托收文件有误，未导入任何记录，请全部改正后重新导入",
                                    "The file has errors and nothing was imported",
                                    400,
                                    "共"
                                            + problems.size()
                                            + "处问题 / "
                                            + problems.size()
                                            + " problem(s)",
                                    null,
                                    problems))
                    .build();
        }
        List<RunView> created = rent.addRuns(runs, caller.accountId());
        return Response.ok(new Imported(created.size(), created)).build();
    }

    /** Deletes a run: 204; 404 when there is none. */
    @DELETE
    @Path("{id}")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = staff(security);
        if (!rent.deleteRun(id, caller.accountId())) {
            throw ProblemException.notFound("没有这次托收 No such collection run");
        }
        return Response.noContent().build();
    }

    /** Operators, and caseworkers of Shenzhen or a region above or below it; others 403. */
    private Caller staff(SecurityContext security) {
        Caller caller = security.getUserPrincipal() instanceof Caller c ? c : null;
        boolean allowed =
                caller != null
                        && (caller.roles().contains("OPERATOR")
                                || (caller.roles().contains("CASEWORKER")
                                        && caller.regionCode() != null
                                        && (regions.covers(SHENZHEN, caller.regionCode())
                                                || regions.covers(caller.regionCode(), SHENZHEN))));
        if (!allowed) {
            throw ProblemException.forbidden(
                    "只有深圳市的审核人员和运维人员可以管理银行托收",
                    "Only caseworkers of Shenzhen and operators manage bank collection runs");
        }
        return caller;
    }
}
