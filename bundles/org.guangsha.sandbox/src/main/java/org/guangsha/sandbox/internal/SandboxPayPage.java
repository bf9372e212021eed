package org.guangsha.sandbox.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentService;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated WeChat Pay phone side (M-1): {@code /api/sandbox/pay/{orderId}} is the page the QR
 * code leads to, whose 支付 button has the simulator send the platform a signed notification over
 * real HTTP; {@code /api/sandbox/pay/{orderId}/last-notice} shows the payer the last notification
 * sent, exactly, so tests can replay it. Every page and answer says 沙箱 / SANDBOX.
 */
@Component(service = SandboxPayPage.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox/pay")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxPayPage {

    /** What the simulator sent and what the platform answered. */
    public record SentNotice(
            String orderId,
            Map<String, String> headers,
            String body,
            int platformStatus,
            String platformAnswer,
            Instant sentAt,
            boolean sandbox) {}

    private static final Logger LOG = LoggerFactory.getLogger(SandboxPayPage.class);
    private static final int KEEP = 1000;

    private final PaymentService payments;
    private final SandboxWeChatPay wechat;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, SentNotice> lastSent =
            new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SentNotice> eldest) {
                    return size() > KEEP;
                }
            };

    /** Built by DS. */
    @Activate
    public SandboxPayPage(@Reference PaymentService payments, @Reference SandboxWeChatPay wechat) {
        this.payments = payments;
        this.wechat = wechat;
    }

    /** The phone page the QR code leads to: what is paid, how much, and the 支付 button. */
    @GET
    @Path("{orderId}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response payPage(@PathParam("orderId") String orderId) {
        PaymentOrder order = sandboxOrder(orderId);
        String state =
                switch (order.status()) {
                    case CREATED -> "";
                    case PAID -> "已支付 Paid";
                    case CLOSED -> "订单已关闭（已过期）Closed";
                    case REFUNDED -> "已退款 Refunded";
                };
        String html =
                PAY_PAGE.replace("{{purpose}}", escape(order.purpose()))
                        .replace("{{amount}}", yuan(order.amountFen()))
                        .replace("{{provider}}", escape(wechat.name().zh()))
                        .replace("{{id}}", order.id())
                        .replace("{{state}}", escape(state))
                        .replace(
                                "{{disabled}}",
                                order.status() == PaymentStatus.CREATED ? "" : " disabled");
        return Response.ok(html)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
                                + " connect-src 'self'")
                .build();
    }

    /**
     * The 支付 button: the simulator sends the platform the signed notification WeChat Pay would
     * send, over HTTP, and answers what the platform said.
     */
    @POST
    @Path("{orderId}")
    public SentNotice pay(
            @PathParam("orderId") String orderId, @Context HttpServletRequest request) {
        PaymentOrder order = sandboxOrder(orderId);
        if (order.status() != PaymentStatus.CREATED) {
            throw ProblemException.conflict(
                    "sandbox-order-not-payable",
                    "沙箱：订单已支付或已关闭，不能再支付",
                    "SANDBOX: the order is paid or closed",
                    "当前状态 status: " + order.status());
        }
        SandboxWeChatPay.SignedNotice notice = wechat.paidNotice(order);
        String url = wechat.notifyUrl(localBase(request));
        HttpRequest.Builder post =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(notice.body()));
        notice.headers().forEach(post::header);
        HttpResponse<String> answer;
        try {
            answer =
                    http.send(
                            post.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("SANDBOX notification to {} failed", url, e);
            throw notifyFailed("平台无法访问 platform unreachable at " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notifyFailed("interrupted");
        }
        SentNotice sent =
                new SentNotice(
                        order.id(),
                        notice.headers(),
                        new String(notice.body(), StandardCharsets.UTF_8),
                        answer.statusCode(),
                        answer.body(),
                        Instant.now(),
                        true);
        synchronized (lastSent) {
            lastSent.put(order.id(), sent);
        }
        if (answer.statusCode() / 100 != 2) {
            throw notifyFailed(
                    "平台答复 platform answered " + answer.statusCode() + ": " + answer.body());
        }
        return sent;
    }

    /** The last notification sent for one of the caller's orders, exactly as sent (replays). */
    @GET
    @Path("{orderId}/last-notice")
    @RequiresTrustLevel(TrustLevel.L1)
    public SentNotice lastNotice(
            @PathParam("orderId") String orderId, @Context SecurityContext security) {
        String caller = ((Caller) security.getUserPrincipal()).accountId();
        PaymentOrder order = sandboxOrder(orderId);
        SentNotice sent;
        synchronized (lastSent) {
            sent = lastSent.get(orderId);
        }
        if (!order.payerId().equals(caller) || sent == null) {
            throw ProblemException.notFound("沙箱：没有发送过该订单的通知（no notice sent）");
        }
        return sent;
    }

    /** An order of the simulator; anything else is 404 here. */
    private PaymentOrder sandboxOrder(String orderId) {
        if (orderId == null || !orderId.matches("[0-9a-f-]{36}")) {
            throw ProblemException.notFound(null);
        }
        return payments.find(orderId)
                .filter(o -> SandboxWeChatPay.ID.equals(o.providerId()))
                .orElseThrow(() -> ProblemException.notFound("沙箱：没有该订单（no such order）"));
    }

    /**
     * The address the request reached this node at, not the Host header a client chooses: the
     * simulator sends the notification to this node itself.
     */
    static String localBase(HttpServletRequest request) {
        String host = request.getLocalAddr();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return request.getScheme().toLowerCase(Locale.ROOT)
                + "://"
                + host
                + ":"
                + request.getLocalPort();
    }

    /** {@code 120000} → {@code 1,200.00}, from the digits (no floating point). */
    static String yuan(long fen) {
        return String.format(Locale.ROOT, "%,d.%02d", fen / 100, fen % 100);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static ProblemException notifyFailed(String detail) {
        return new ProblemException(
                new Problem(
                        Problem.type("sandbox-notify-failed"),
                        "沙箱：支付通知未被平台接受",
                        "SANDBOX: the platform did not accept the notification",
                        502,
                        detail,
                        null,
                        null));
    }

    private static final String PAY_PAGE =
            """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>微信支付（沙箱模拟）SANDBOX</title>
            <style>
            body{font:18px/1.6 sans-serif;margin:0;padding:16px;text-align:center;background:#f5f5f5}
            .banner{background:#fef3c7;border:3px solid #b45309;color:#7c2d12;padding:12px;
              border-radius:8px;font-size:22px;font-weight:bold}
            .card{background:#fff;border-radius:8px;padding:16px;margin:16px 0}
            .amount{font-size:40px;font-weight:bold;margin:8px 0}
            button{font-size:22px;min-height:56px;width:100%;border:0;border-radius:8px;
              background:#07c160;color:#fff}
            button[disabled]{background:#9ca3af}
            </style></head><body>
            <p class="banner">沙箱模拟 SANDBOX<br><small>不会扣款，仅供演示与测试。No money moves.</small></p>
            <div class="card">
            <p>{{provider}}</p>
            <p>{{purpose}}</p>
            <p class="amount">¥{{amount}}</p>
            <p id="state" role="status" aria-live="polite">{{state}}</p>
            </div>
            <button id="pay" type="button"{{disabled}}>支付 / Pay</button>
            <script>
            document.getElementById('pay').onclick=function(){
              var b=this; b.disabled=true;
              fetch('/api/sandbox/pay/{{id}}',{method:'POST'})
              .then(function(r){document.getElementById('state').textContent = r.ok
                ? '支付成功（沙箱模拟），请回到电脑页面 / Paid (sandbox)'
                : '支付未完成（沙箱） / Not paid (sandbox)'; if(!r.ok){b.disabled=false;}});
            };
            </script></body></html>
            """;
}
