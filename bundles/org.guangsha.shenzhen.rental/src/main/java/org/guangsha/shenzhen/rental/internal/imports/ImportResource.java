package org.guangsha.shenzhen.rental.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.data.ImportRejectedException;
import org.guangsha.shenzhen.rental.data.ImportRejectedException.ImportProblem;
import org.guangsha.shenzhen.rental.data.RentalDataImport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/shenzhen/rental/admin/imports} (operators): multipart with any of the parts
 * {@code homes.csv}, {@code leases.csv}, {@code residents.csv}, {@code waiting.csv} (a part is
 * known by its name, or else by its file name). 200 {@code {homes, leases, residents,
 * waitingRanks}}; 400 problem+json {@code import-rejected} listing every problem, nothing stored.
 * Caseworkers, citizens and organizations 403.
 */
@Component(service = ImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/admin")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** Each file: far beyond a city's 200,000 rows of about a hundred characters. */
    static final int MAX_FILE_BYTES = 30 * 1024 * 1024;

    /** Four files and the envelope. */
    static final long MAX_REQUEST_BYTES = 4L * MAX_FILE_BYTES + 1024 * 1024;

    static final List<String> FILES =
            List.of(
                    RentalDataImport.HOMES,
                    RentalDataImport.LEASES,
                    RentalDataImport.RESIDENTS,
                    RentalDataImport.WAITING);

    /**
     * The 400 answer: problem+json with every problem.
     *
     * @param errors every problem
     */
    public record Rejected(
            String type,
            String title,
            String titleEn,
            int status,
            String detail,
            String instance,
            List<ImportProblem> errors) {}

    private final RentalImportService imports;

    /** Built by DS. */
    @Activate
    public ImportResource(@Reference RentalImportService imports) {
        this.imports = imports;
    }

    /** Imports the files, all or nothing. */
    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    public Response importFiles(
            MultipartBody body,
            @HeaderParam("Content-Length") Long contentLength,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Caller caller = security.getUserPrincipal() instanceof Caller c ? c : null;
        if (caller == null || !caller.roles().contains("OPERATOR")) {
            throw ProblemException.forbidden(
                    "只有运维人员可以导入住房数据", "Only operators import housing data");
        }
        if (contentLength != null && contentLength > MAX_REQUEST_BYTES) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("upload-refused"),
                            "上传的文件过大",
                            "The upload is too large",
                            413,
                            "每个CSV文件不超过30 MB / each CSV file at most 30 MB",
                            null,
                            null));
        }
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, byte[]> files = parts(body, problems);
        try {
            if (!problems.isEmpty()) {
                throw new ImportRejectedException(problems);
            }
            return Response.ok(
                            imports.importFiles(
                                    files,
                                    caller.accountId(),
                                    http == null ? null : http.getRemoteAddr()))
                    .cacheControl(GuangshaRest.noStore())
                    .build();
        } catch (ImportRejectedException e) {
            return rejected(e);
        }
    }

    /** 400 problem+json {@code import-rejected}. */
    static Response rejected(ImportRejectedException e) {
        int n = e.problems().size();
        Rejected body =
                new Rejected(
                        Problem.type("import-rejected"),
                        "导入数据有误，未保存任何数据，请按提示全部改正后重新导入",
                        "The import has errors and nothing was stored; correct them all and import again",
                        400,
                        "共" + n + "处问题 / " + n + " problem(s)",
                        GuangshaRest.APPLICATION_BASE + "/shenzhen/rental/admin/imports",
                        e.problems());
        return Response.status(400)
                .type(GuangshaRest.PROBLEM_JSON + ";charset=UTF-8")
                .cacheControl(GuangshaRest.noStore())
                .entity(body)
                .build();
    }

    /** The known parts by file name; a part too large or of an unknown name is a problem. */
    private static Map<String, byte[]> parts(MultipartBody body, List<ImportProblem> problems) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (body == null) {
            return files;
        }
        for (Attachment part : body.getAllAttachments()) {
            String name = name(part);
            if (name == null) {
                continue;
            }
            if (!FILES.contains(name)) {
                problems.add(
                        new ImportProblem(
                                name,
                                0,
                                null,
                                null,
                                "无法识别的文件“"
                                        + name
                                        + "”：应为 homes.csv、leases.csv、residents.csv 或 waiting.csv",
                                "Unknown file "
                                        + name
                                        + ": homes.csv, leases.csv, residents.csv or waiting.csv"));
                continue;
            }
            try (InputStream in = part.getDataHandler().getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    problems.add(
                            new ImportProblem(
                                    name,
                                    0,
                                    null,
                                    null,
                                    name + " 超过 30 MB，请分批导入",
                                    name + " exceeds 30 MB; import in parts"));
                } else if (files.putIfAbsent(name, bytes) != null) {
                    problems.add(
                            new ImportProblem(
                                    name,
                                    0,
                                    null,
                                    null,
                                    name + " 上传了两次",
                                    name + " was uploaded twice"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * {@code homes.csv} from the part's name ({@code homes} or {@code homes.csv}) or its file name.
     */
    private static String name(Attachment part) {
        String n =
                part.getContentDisposition() == null
                        ? null
                        : part.getContentDisposition().getParameter("name");
        if (n != null && !n.isBlank()) {
            n = n.strip();
            if (FILES.contains(n + ".csv")) {
                return n + ".csv";
            }
            if (FILES.contains(n)) {
                return n;
            }
        }
        String f =
                part.getContentDisposition() == null
                        ? null
                        : GuangshaRest.uploadedFileName(part.getContentDisposition().getFilename());
        if (f != null && FILES.contains(f.strip())) {
            return f.strip();
        }
        return n == null || n.isBlank() ? f : n;
    }
}
