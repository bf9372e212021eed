package org.guangsha.platform.internal.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.DocumentVerification;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.platform.rest.RateLimited;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/documents} (P-2): my documents, their PDFs (下载 / 打印), revocation by the caseworkers
 * of the document's region, and the public verification answer behind the QR code.
 */
@Component(service = DocumentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class DocumentResource {

    /** A document as its holder or a caseworker sees it. */
    public record DocumentView(
            String id,
            String number,
            String typeId,
            LocalizedText typeName,
            String caseId,
            LocalDate issuedOn,
            LocalDate validUntil,
            DocumentStatus status,
            boolean signed,
            long size,
            OffsetDateTime revokedAt,
            String revokeReason) {

        static DocumentView of(IssuedDocument d) {
            return new DocumentView(
                    d.id(),
                    d.number(),
                    d.typeId(),
                    d.typeName(),
                    d.caseId(),
                    d.issuedOn(),
                    d.validUntil(),
                    d.status(),
                    d.signed(),
                    d.size(),
                    RestSupport.cityTime(d.revokedAt()),
                    d.revokeReason());
        }
    }

    /** Body of a revocation. */
    public record RevokeRequest(String reason) {}

    private final DocumentIssuer documents;
    private final Regions regions;

    /** Built by DS. */
    @Activate
    public DocumentResource(@Reference DocumentIssuer documents, @Reference Regions regions) {
        this.documents = documents;
        this.regions = regions;
    }

    /** My documents, newest first. */
    @GET
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "我的文书 / My documents")
    public Response mine(@Context SecurityContext security) {
        List<DocumentView> list =
                documents.ofHolder(RestSupport.caller(security).accountId()).stream()
                        .map(DocumentView::of)
                        .toList();
        return Response.ok(list).cacheControl(RestSupport.noStore()).build();
    }

    /** One document: its holder, or a caseworker of its region. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "文书信息 / A document")
    public Response one(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(DocumentView.of(visible(id, RestSupport.caller(security))))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /**
     * The PDF: shown for printing (打印), or downloaded (下载) with {@code ?download=true}, named after
     * the document in Chinese.
     */
    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", GuangshaRest.PROBLEM_JSON})
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "下载/打印文书 / The document's PDF")
    public Response pdf(
            @PathParam("id") String id,
            @QueryParam("download") boolean download,
            @Context SecurityContext security) {
        IssuedDocument d = visible(id, RestSupport.caller(security));
        return RestSupport.file(
                documents.pdf(d.id()),
                "application/pdf",
                d.typeName().zh() + "-" + d.number() + ".pdf",
                download);
    }

    /** A caseworker of the document's region (or an operator) revokes it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/revoke")
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.STAFF)
    @Operation(summary = "撤销文书 / Revoke a document")
    public Response revoke(
            @PathParam("id") String id, RevokeRequest body, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        IssuedDocument d = visible(id, caller);
        regions.checkScope(caller, d.regionCode());
        return Response.ok(
                        DocumentView.of(
                                documents.revoke(
                                        d.id(),
                                        caller.accountId(),
                                        RestSupport.required(body).reason())))
                .build();
    }

    /**
     * What the QR code leads to, for anyone: type, dates, status and the holder's masked name,
     * never an ID number. The page people see is {@code /verify/{number}}.
     */
    @GET
    @Path("verification/{number}")
    @RateLimited("verify")
    @Operation(summary = "文书核验（公开） / Verify a document number (public)")
    public DocumentVerification verify(@PathParam("number") String number) {
        return documents.verify(number).orElseThrow(() -> ProblemException.notFound(null));
    }

    private IssuedDocument visible(String id, Caller caller) {
        IssuedDocument d = documents.find(id).orElseThrow(() -> ProblemException.notFound(null));
        if (d.holderId().equals(caller.accountId())) {
            return d;
        }
        if (!regions.mayAct(caller, d.regionCode())) {
            throw ProblemException.notFound(null);
        }
        return d;
    }
}
