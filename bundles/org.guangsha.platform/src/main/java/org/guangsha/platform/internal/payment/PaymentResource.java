package org.guangsha.platform.internal.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.platform.rest.RateLimited;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/payments} (M-1): the payer's view of an order, and the providers' notification
 * endpoint. There is no endpoint creating orders: business lines call {@code PaymentService}, and
 * nothing a browser sends can make an order PAID.
 */
@Component(service = PaymentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class PaymentResource {

    /** An order as its payer sees it; the QR payload only while it can be paid. */
    public record OrderView(
            String id,
            PaymentStatus status,
            long amountFen,
            String purpose,
            String module,
            String reference,
            String providerId,
            String qrPayload,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime paidAt,
            String providerTransactionId,
            String receiptDocumentId) {

        static OrderView of(PaymentOrder o) {
            return new OrderView(
                    o.id(),
                    o.status(),
                    o.amountFen(),
                    o.purpose(),
                    o.module(),
                    o.reference(),
                    o.providerId(),
                    o.status() == PaymentStatus.CREATED ? o.qrPayload() : null,
                    RestSupport.cityTime(o.createdAt()),
                    RestSupport.cityTime(o.expiresAt()),
                    RestSupport.cityTime(o.paidAt()),
                    o.providerTransactionId(),
                    o.receiptDocumentId());
        }
    }

    /** What WeChat Pay expects back from a notification it may stop sending. */
    public record NoticeAnswer(String code, String message) {}

    private final PaymentStore store;

    /** Built by DS. */
    @Activate
    public PaymentResource(@Reference PaymentStore store) {
        this.store = store;
    }

    /** One of my orders; anyone else's is 404. An expired one reads CLOSED at once. */
    @GET
    @Path("orders/{id}")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "支付订单 / A payment order")
    public Response order(@PathParam("id") String id, @Context SecurityContext security) {
        String caller = RestSupport.caller(security).accountId();
        PaymentOrder order =
                store.find(id)
                        .filter(o -> o.payerId().equals(caller))
                        .orElseThrow(() -> ProblemException.notFound(null));
        return Response.ok(OrderView.of(order)).cacheControl(RestSupport.noStore()).build();
    }

    /**
     * A provider's notification, anonymous: the raw body and the headers go to the provider named
     * in the path, which verifies the signature. Answered 200 {@code {"code":"SUCCESS"}} when
     * processed, also when it was processed before, so the provider stops sending it; 4xx
     * problem+json otherwise (the provider sends again later).
     */
    @POST
    @Path("notify/{provider}")
    @RateLimited("payment-notify")
    @Operation(summary = "支付结果通知（支付机构调用） / Payment provider notification")
    public Response notify(
            @PathParam("provider") String provider,
            InputStream body,
            @Context HttpHeaders headers,
            @Context HttpServletRequest http)
            throws IOException {
        byte[] bytes =
                body == null ? new byte[0] : body.readNBytes(PaymentStore.MAX_NOTICE_BYTES + 1);
        if (bytes.length > PaymentStore.MAX_NOTICE_BYTES) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("payload-too-large"),
                            "通知内容过大",
                            "The notification is too large",
                            413,
                            null,
                            null,
                            null));
        }
        store.notify(
                provider,
                flatten(headers.getRequestHeaders()),
                bytes,
                http == null ? null : http.getRemoteAddr());
        return Response.ok(new NoticeAnswer("SUCCESS", "成功")).build();
    }

    /** Header names are case-insensitive in HTTP, and so in the map a provider reads. */
    static Map<String, String> flatten(Map<String, List<String>> headers) {
        Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> flat.put(name, String.join(",", values)));
        return flat;
    }
}
