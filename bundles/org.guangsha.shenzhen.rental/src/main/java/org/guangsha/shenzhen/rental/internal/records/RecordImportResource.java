package org.guangsha.shenzhen.rental.internal.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.shenzhen.rental.internal.records.RecordImport.Parsed;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/shenzhen/rental/admin/record-imports} (operators): multipart {@code
 * purchases.csv} and/or {@code shares.csv}, all or nothing (400 {@code import-rejected} listing
 * every {@code {file, row, column, field, message, messageEn}}); 200 {@code {purchases, shares}}.
 */
@Component(service = RecordImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("shenzhen/rental/admin/record-imports")
@Produces(MediaType.APPLICATION_JSON)
public class RecordImportResource {

    /** The most read of one file. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final RecordsService records;

    /** Built by DS. */
    @Activate
    public RecordImportResource(@Reference RecordsService records) {
        this.records = records;
    }

    /** Imports the files. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresTrustLevel(TrustLevel.L1)
    public Response importFiles(MultipartBody body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (!caller.roles().contains("OPERATOR")) {
            throw ProblemException.forbidden("仅限平台运维人员导入", "Operators only");
        }
        Map<String, byte[]> files = new HashMap<>();
        for (String name : new String[] {"purchases.csv", "shares.csv"}) {
            Attachment a = body == null ? null : body.getAttachment(name);
            if (a != null) {
                try (InputStream in = a.getDataHandler().getInputStream()) {
                    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        throw ProblemException.invalidField(name, "文件不能超过 10 MB", "At most 10 MB");
                    }
                    files.put(name, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Parsed parsed =
                RecordImport.parse(files, records::isShenzhenDistrict, records.clock().instant());
        if (!parsed.errors().isEmpty()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "urn:guangsha:problem:import-rejected");
            out.put("title", "导入文件有误，未导入任何数据");
            out.put("titleEn", "The import was refused; nothing was stored");
            out.put("status", 400);
            out.put("errors", parsed.errors());
            return Response.status(400).type(GuangshaRest.PROBLEM_JSON).entity(out).build();
        }
        RecordImport.store(records.tx(), parsed);
        return Response.ok(
                        Map.of(
                                "purchases", parsed.purchases().size(),
                                "shares", parsed.shares().size()))
                .build();
    }
}
