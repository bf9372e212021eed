package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.identity.VerificationProvider;
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
 * Real-name verification, {@code /api/identity/verifications} (I-2, I-4): the methods installed,
 * and one attempt with one of them.
 */
@Component(service = VerificationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity/verifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class VerificationResource {

    /** A verification method as the 身份验证提示页 lists it. */
    public record MethodView(String id, LocalizedText name, Map<String, LocalizedText> inputs) {}

    /** Body of {@code POST /verifications}. */
    public record VerifyRequest(String method, Map<String, String> input) {}

    /** Answer of {@code POST /verifications}. */
    public record VerifyView(
            String method,
            String status,
            String message,
            String messageEn,
            TrustLevel trustLevel) {}

    private final VerificationService verifications;

    /** Built by DS. */
    @Activate
    public VerificationResource(@Reference VerificationService verifications) {
        this.verifications = verifications;
    }

    /** The verification methods installed; one success is enough for L2. */
    @GET
    @Path("methods")
    @Operation(summary = "实名认证方式 / Verification methods installed")
    public List<MethodView> methods() {
        return views(verifications.methods());
    }

    static List<MethodView> views(List<VerificationProvider> providers) {
        return providers.stream()
                .map(p -> new MethodView(p.id(), p.name(), new TreeMap<>(p.inputs())))
                .toList();
    }

    /** Runs one verification method for the caller. */
    @POST
    @RequiresTrustLevel(value = TrustLevel.L1, kinds = AccountKind.CITIZEN)
    @Operation(summary = "实名认证 / Verify the caller's real name with one method")
    public VerifyView verify(
            VerifyRequest request,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (request == null) {
            throw ProblemException.invalidField("method", "请选择认证方式", "Choose a method");
        }
        VerificationService.Result r =
                verifications.verify(
                        RestSupport.caller(security),
                        request.method(),
                        request.input(),
                        http == null ? null : http.getRemoteAddr());
        return new VerifyView(
                r.method(),
                r.outcome().status().name(),
                r.outcome().message(),
                r.outcome().messageEn(),
                r.trustLevel());
    }
}
