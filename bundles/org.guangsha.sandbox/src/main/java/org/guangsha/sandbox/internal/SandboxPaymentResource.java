package org.guangsha.sandbox.internal;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.payment.OrderRequest;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentService;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/sandbox/payments}: a demo payment order for the logged-in citizen (module {@code
 * sandbox}), so payments can be tried before any business line asks for one; nothing else creates
 * orders over HTTP. The answer's {@code qrPayload} leads to the sandbox pay page.
 */
@Component(service = SandboxPaymentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox/payments")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxPaymentResource {

    /** Body of a demo order; {@code expiresIn} in seconds or ISO-8601 ({@code PT15M}). */
    public record DemoOrder(long amountFen, String purpose, Duration expiresIn) {}

    /** A demo order as created. */
    public record Created(
            String id,
            PaymentStatus status,
            long amountFen,
            String purpose,
            String qrPayload,
            OffsetDateTime expiresAt,
            boolean sandbox) {}

    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final PaymentService payments;

    /** Built by DS. */
    @Activate
    public SandboxPaymentResource(@Reference PaymentService payments) {
        this.payments = payments;
    }

    /** A demo order for the caller, module {@code sandbox}; 503 when no provider is installed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    // citizens and organizations pay rent and deposits; staff accounts pay nothing
    @RequiresTrustLevel(
            value = TrustLevel.L1,
            kinds = {AccountKind.CITIZEN, AccountKind.ORGANIZATION})
    public Response create(DemoOrder body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        DemoOrder demo = body == null ? new DemoOrder(0, null, null) : body;
        PaymentOrder order =
                payments.create(
                        new OrderRequest(
                                caller.accountId(),
                                demo.amountFen(),
                                demo.purpose() == null ? "" : demo.purpose(),
                                "sandbox",
                                "demo",
                                demo.expiresIn() == null ? DEFAULT_EXPIRY : demo.expiresIn()));
        return Response.status(201)
                // relative to the application's base, /api/
                .location(URI.create("payments/orders/" + order.id()))
                .entity(
                        new Created(
                                order.id(),
                                order.status(),
                                order.amountFen(),
                                order.purpose(),
                                order.qrPayload(),
                                order.expiresAt().atZone(CITY_ZONE).toOffsetDateTime(),
                                true))
                .build();
    }
}
