package org.guangsha.platform.internal.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
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
import org.guangsha.platform.attachment.LicenceProvider;
import org.guangsha.platform.attachment.LicenceType;
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
 * {@code /api/licences}: fetch my ID card or household register from the electronic licence
 * service, or a co-applicant's with their consent; fetching again is 重新获取. Needs L2: a licence is
 * only ever fetched for an identity the platform verified.
 */
@Component(service = LicenceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("licences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class LicenceResource {

    /** Body of a fetch: empty for my own licence, or the consent of a co-applicant. */
    public record FetchRequest(String consentId) {}

    /** Body of a consent: the applicant I let fetch my licences. */
    public record ConsentRequest(String granteeName, String granteeMobile) {}

    /** The licence service in use, or null. */
    public record ServiceView(String id, LocalizedText name) {}

    private final LicenceService licences;

    /** Built by DS. */
    @Activate
    public LicenceResource(@Reference LicenceService licences) {
        this.licences = licences;
    }

    /** Which licence service is installed: {@code {provider: {id, name}}} or {@code null}. */
    @GET
    @Path("service")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "电子证照服务 / The licence service in use")
    public Response service() {
        LicenceProvider p = licences.provider().orElse(null);
        return Response.ok(
                        java.util.Collections.singletonMap(
                                "provider", p == null ? null : new ServiceView(p.id(), p.name())))
                .build();
    }

    /**
     * Fetches (or fetches again) a licence, {@code id-card} or {@code household-register}, and
     * stores it as my attachment: 201 when new, 200 when the service returned the same file.
     */
    @POST
    @Path("{type}")
    @RequiresTrustLevel(TrustLevel.L2)
    @Operation(summary = "获取/重新获取电子证照 / Fetch an electronic licence")
    public Response fetch(
            @PathParam("type") String type, FetchRequest body, @Context SecurityContext security) {
        AttachmentStore.Stored stored =
                licences.fetch(
                        RestSupport.caller(security),
                        type(type),
                        body == null ? null : body.consentId());
        return Response.status(stored.created() ? 201 : 200)
                .entity(AttachmentResource.AttachmentView.of(stored.attachment()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** As a co-applicant, lets an applicant (by name and mobile) fetch my licences. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("consents")
    @RequiresTrustLevel(TrustLevel.L2)
    @Operation(summary = "授权申请人获取我的电子证照 / Consent to licence fetching")
    public Response grant(ConsentRequest body, @Context SecurityContext security) {
        ConsentRequest r = RestSupport.required(body);
        return Response.status(201)
                .entity(
                        licences.grant(
                                RestSupport.caller(security).accountId(),
                                r.granteeName(),
                                r.granteeMobile()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Consents I gave ({@code granted}) and hold ({@code received}). */
    @GET
    @Path("consents")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "证照授权 / Licence consents given and held")
    public Map<String, ?> consents(@Context SecurityContext security) {
        return licences.consents(RestSupport.caller(security).accountId());
    }

    /** Takes a consent back. */
    @DELETE
    @Path("consents/{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "撤回授权 / Revoke a consent")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        licences.revoke(RestSupport.caller(security).accountId(), id);
        return Response.noContent().build();
    }

    private static LicenceType type(String path) {
        String name = path == null ? "" : path.toUpperCase(Locale.ROOT).replace('-', '_');
        for (LicenceType t : LicenceType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw ProblemException.notFound("licence type " + path);
    }
}
