package org.guangsha.platform.internal.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
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
 * {@code /api/signing/{id}} (P-3): the citizen walks a ceremony a business line started. {@code
 * GET} says which step the server expects and how long a countdown still runs; each {@code POST}
 * does one step and answers the flow as it now stands; a step out of order is 409 problem+json
 * {@code signing-step-out-of-order}, a countdown not yet over 409 {@code countdown-running}.
 */
@Component(service = SigningResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("signing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class SigningResource {

    /** A ceremony as the citizen's page shows it. */
    public record FlowView(
            String id,
            String module,
            String documentTypeId,
            LocalizedText documentType,
            SigningStep step,
            Map<String, String> values,
            String commitmentText,
            OffsetDateTime readableAt,
            long secondsLeft,
            String facePurpose,
            OffsetDateTime expiresAt,
            String documentId) {}

    /** Body of the typed commitment. */
    public record TextRequest(String text) {}

    /** Body of the face step: the PASSED face session made with purpose {@code sign:<id>}. */
    public record FaceRequest(String sessionId) {}

    /** Body of the signature: {@code data:image/png;base64,…} from the signature pad. */
    public record SignatureRequest(String image) {}

    private final SigningCeremony ceremony;
    private final DocumentIssuer documents;

    /** Built by DS. */
    @Activate
    public SigningResource(
            @Reference SigningCeremony ceremony, @Reference DocumentIssuer documents) {
        this.ceremony = ceremony;
        this.documents = documents;
    }

    /** Where my ceremony stands. */
    @GET
    @Path("{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "签约进度 / Where a signing stands")
    public Response flow(@PathParam("id") String id, @Context SecurityContext security) {
        return view(id, account(security));
    }

    /**
     * The contract as it will read (a preview stamped 预览, without signatures); after signing, the
     * signed contract is {@code /api/documents/{documentId}/pdf}.
     */
    @GET
    @Path("{id}/contract")
    @Produces({"application/pdf", GuangshaRest.PROBLEM_JSON})
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "合同预览 / Preview of the contract")
    public Response contract(@PathParam("id") String id, @Context SecurityContext security) {
        SigningFlowEntity f =
                ceremony.entity(id, account(security))
                        .orElseThrow(() -> ProblemException.notFound(null));
        DocumentType type =
                documents.type(f.documentType()).orElseThrow(() -> ProblemException.notFound(null));
        return RestSupport.file(
                documents.preview(type, f.accountId(), ceremony.values(f), "预览 PREVIEW"),
                "application/pdf",
                type.name().zh() + "-预览.pdf",
                false);
    }

    /** Step 1, 确认信息. */
    @POST
    @Path("{id}/confirm")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "确认信息 / Confirm the details")
    public Response confirm(@PathParam("id") String id, @Context SecurityContext security) {
        String account = account(security);
        ceremony.confirm(id, account);
        return view(id, account);
    }

    /** Step 2, 我已阅知 on the commitment letter (after its countdown). */
    @POST
    @Path("{id}/commitment/read")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "我已阅知承诺书 / The commitment letter was read")
    public Response commitmentRead(@PathParam("id") String id, @Context SecurityContext security) {
        String account = account(security);
        ceremony.commitmentRead(id, account);
        return view(id, account);
    }

    /** Step 3, the commitment typed or pasted. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/commitment/text")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "输入承诺内容 / Type the commitment")
    public Response commitmentText(
            @PathParam("id") String id, TextRequest body, @Context SecurityContext security) {
        String account = account(security);
        ceremony.commitmentTyped(id, account, RestSupport.required(body).text());
        return view(id, account);
    }

    /** Step 4, the face check passed on the phone. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/face")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "人脸识别 / The face check on the phone")
    public Response face(
            @PathParam("id") String id, FaceRequest body, @Context SecurityContext security) {
        String account = account(security);
        ceremony.facePassed(id, account, RestSupport.required(body).sessionId());
        return view(id, account);
    }

    /** Step 5, the contract read (after its countdown). */
    @POST
    @Path("{id}/contract/read")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "已阅读合同 / The contract was read")
    public Response contractRead(@PathParam("id") String id, @Context SecurityContext security) {
        String account = account(security);
        ceremony.contractRead(id, account);
        return view(id, account);
    }

    /** Step 6, the handwritten signature; the answer carries the signed contract's id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/signature")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "手写签名并签署 / Sign")
    public Response signature(
            @PathParam("id") String id, SignatureRequest body, @Context SecurityContext security) {
        String account = account(security);
        ceremony.sign(id, account, png(RestSupport.required(body).image()));
        return view(id, account);
    }

    private Response view(String id, String account) {
        SigningFlowEntity f =
                ceremony.entity(id, account).orElseThrow(() -> ProblemException.notFound(null));
        SigningFlow flow = f.view();
        LocalizedText typeName =
                documents.type(flow.documentTypeId()).map(DocumentType::name).orElse(null);
        boolean commitmentShown = flow.step().compareTo(SigningStep.READ_COMMITMENT) >= 0;
        Instant now = Instant.now();
        long left =
                flow.readableAt() == null || now.isAfter(flow.readableAt())
                        ? 0
                        : Duration.between(now, flow.readableAt()).toSeconds() + 1;
        return Response.ok(
                        new FlowView(
                                flow.id(),
                                flow.module(),
                                flow.documentTypeId(),
                                typeName,
                                flow.step(),
                                ceremony.values(f),
                                commitmentShown ? f.commitmentText() : null,
                                RestSupport.cityTime(flow.readableAt()),
                                left,
                                SigningCeremony.purpose(flow.id()),
                                RestSupport.cityTime(flow.expiresAt()),
                                flow.documentId()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    private static byte[] png(String dataUrl) {
        String prefix = "data:image/png;base64,";
        if (dataUrl == null || !dataUrl.startsWith(prefix)) {
            throw ProblemException.invalidField(
                    "image",
                    "签名应为 PNG 图片（data:image/png;base64,…）",
                    "The signature must be a PNG data URL");
        }
        try {
            return Base64.getMimeDecoder().decode(dataUrl.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "image", "签名图片无法读取", "The signature image cannot be read");
        }
    }

    private static String account(SecurityContext security) {
        return RestSupport.caller(security).accountId();
    }
}
