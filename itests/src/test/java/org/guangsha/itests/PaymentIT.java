package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.guangsha.platform.payment.PaymentListener;
import org.guangsha.platform.payment.PaymentOrder;
import org.guangsha.platform.payment.PaymentStatus;
import org.guangsha.platform.rest.GuangshaRest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * Payments (M-1) over HTTP with the sandbox's WeChat Pay: an order becomes PAID only from a
 * correctly signed notification, which the simulator sends when the 支付 button is pressed; a forged
 * or tampered one is refused and changes nothing; the same notification replayed changes nothing;
 * the receipt is a PDF document of the payer; an order nobody pays closes when it expires; a
 * business line's listener hears of both.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PaymentIT extends CitizenTestSupport {

    private static final String PID = "org.guangsha.payments";
    private static final String NOTIFY = "/api/payments/notify/wechat-sandbox";

    @Inject BundleContext context;

    @Inject ConfigurationAdmin configAdmin;

    @Inject JaxrsServiceRuntime runtime;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    public void aSignedNoticePaysOnceForgedOnesAreRefusedAndTheReceiptIsADocument()
            throws Exception {
        awaitPayments();
        List<PaymentOrder> heard = new CopyOnWriteArrayList<>();
        ServiceRegistration<PaymentListener> listener =
                context.registerService(PaymentListener.class, heard::add, null);
        try {
            String token = registerAndLogin(Person.random());
            String other = registerAndLogin(Person.random());
            assertEquals(0, runtime.getRuntimeDTO().failedResourceDTOs.length);

            assertField(
                    call("POST", "/api/sandbox/payments", token, demo(0, "租金", null)), "amountFen");
            assertField(
                    call("POST", "/api/sandbox/payments", token, demo(100, "租金", 30)), "expiresIn");
            HttpResponse<String> created =
                    call(
                            "POST",
                            "/api/sandbox/payments",
                            token,
                            demo(120000, "2026年12月租金（沙箱演示）", null));
            assertEquals(created.body(), 201, created.statusCode());
            JsonNode order = json(created);
            String id = order.path("id").asText();
            String path = "/api/payments/orders/" + id;
            assertEquals("CREATED", order.path("status").asText());
            assertEquals("/api/sandbox/pay/" + id, order.path("qrPayload").asText());
            assertTrue(order.path("sandbox").asBoolean());
            String location = created.headers().firstValue("Location").orElse("");
            assertTrue(location, location.endsWith(path));

            // the payer reads the order, nobody else does
            JsonNode view = json(call("GET", path, token, null));
            assertEquals("CREATED", view.path("status").asText());
            assertEquals(120000, view.path("amountFen").asLong());
            assertEquals("/api/sandbox/pay/" + id, view.path("qrPayload").asText());
            assertTrue(view.path("expiresAt").asText().endsWith("+08:00"));
            assertEquals(404, call("GET", path, other, null).statusCode());
            assertEquals(401, call("GET", path, null, null).statusCode());

            // the phone page the QR code leads to says it is a simulation
            HttpResponse<String> page = get("/api/sandbox/pay/" + id);
            assertEquals(200, page.statusCode());
            for (String shown : List.of("沙箱模拟 SANDBOX", "¥1,200.00", "2026年12月租金（沙箱演示）", "支付")) {
                assertTrue(shown, page.body().contains(shown));
            }

            // a notification not signed with the simulator's secret is refused; nothing changes
            byte[] forgedBody =
                    ("{\"orderId\":\""
                                    + id
                                    + "\",\"transactionId\":\"FORGED-1\",\"amountFen\":120000,"
                                    + "\"status\":\"SUCCESS\",\"paidAt\":\""
                                    + Instant.now()
                                    + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
            Map<String, String> forgedHeaders =
                    Map.of(
                            "Content-Type", "application/json",
                            "Wechatpay-Timestamp", Long.toString(Instant.now().getEpochSecond()),
                            "Wechatpay-Nonce", UUID.randomUUID().toString(),
                            "Wechatpay-Signature",
                                    Base64.getEncoder()
                                            .encodeToString(
                                                    UUID.randomUUID()
                                                            .toString()
                                                            .getBytes(StandardCharsets.UTF_8)));
            assertProblem(notify(NOTIFY, forgedHeaders, forgedBody), 401, "payment-notice-forged");
            assertProblem(
                    notify("/api/payments/notify/no-such-pay", forgedHeaders, forgedBody),
                    404,
                    "not-found");
            assertEquals("CREATED", json(call("GET", path, token, null)).path("status").asText());

            // 支付 on the phone page: the simulator notifies the platform, signed
            HttpResponse<String> pay = call("POST", "/api/sandbox/pay/" + id, null, null);
            assertEquals(pay.body(), 200, pay.statusCode());
            assertEquals(200, json(pay).path("platformStatus").asInt());
            assertTrue(json(pay).path("sandbox").asBoolean());
            JsonNode paid = json(call("GET", path, token, null));
            assertEquals("PAID", paid.path("status").asText());
            assertTrue(paid.path("qrPayload").isMissingNode());
            assertTrue(paid.path("paidAt").asText().endsWith("+08:00"));
            String receipt = paid.path("receiptDocumentId").asText();
            assertFalse(receipt.isEmpty());
            await(
                    "the listener hears PAID",
                    () -> statuses(heard, id).contains(PaymentStatus.PAID));
            PaymentOrder told = heard.stream().filter(o -> o.id().equals(id)).findFirst().get();
            assertEquals("sandbox", told.module());
            assertEquals(receipt, told.receiptDocumentId());

            // the receipt is the payer's document, a PDF with the purpose and the amount
            HttpResponse<byte[]> pdf = bytes("/api/documents/" + receipt + "/pdf", token);
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            String text = LicenceIT.pdfText(pdf.body());
            for (String shown :
                    List.of("缴费凭证", "2026年12月租金（沙箱演示）", "1,200.00 元", "人民币壹仟贰佰元整", id)) {
                assertTrue(shown + " in\n" + text, text.contains(shown));
            }
            assertEquals(404, bytes("/api/documents/" + receipt + "/pdf", other).statusCode());
            assertEquals(
                    "payment-receipt",
                    json(call("GET", "/api/documents/" + receipt, token, null))
                            .path("typeId")
                            .asText());

            // the exact notification again: answered SUCCESS, nothing changes
            JsonNode last =
                    json(call("GET", "/api/sandbox/pay/" + id + "/last-notice", token, null));
            assertTrue(last.path("sandbox").asBoolean());
            assertEquals(
                    404,
                    call("GET", "/api/sandbox/pay/" + id + "/last-notice", other, null)
                            .statusCode());
            Map<String, String> headers =
                    JSON.convertValue(
                            last.path("headers"),
                            JSON.getTypeFactory()
                                    .constructMapType(Map.class, String.class, String.class));
            byte[] body = last.path("body").asText().getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> replay = notify(NOTIFY, headers, body);
            assertEquals(replay.body(), 200, replay.statusCode());
            assertEquals("SUCCESS", json(replay).path("code").asText());
            assertEquals(paid, json(call("GET", path, token, null)));
            assertEquals(List.of(PaymentStatus.PAID), statuses(heard, id));

            // the same notification with another amount no longer matches its signature
            byte[] tampered =
                    last.path("body")
                            .asText()
                            .replace("120000", "1")
                            .getBytes(StandardCharsets.UTF_8);
            assertProblem(notify(NOTIFY, headers, tampered), 401, "payment-notice-forged");

            // a paid order cannot be paid again on the phone page
            assertEquals(409, call("POST", "/api/sandbox/pay/" + id, null, null).statusCode());
            assertEquals(paid, json(call("GET", path, token, null)));
        } finally {
            listener.unregister();
        }
    }

    @Test
    public void anOrderNobodyPaysIsClosedWhenItExpires() throws Exception {
        awaitPayments();
        List<PaymentOrder> heard = new CopyOnWriteArrayList<>();
        ServiceRegistration<PaymentListener> listener =
                context.registerService(PaymentListener.class, heard::add, null);
        Configuration config = configAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> original = config.getProperties();
        try {
            // the city's minimum is a minute; lowered here to watch an order expire
            Dictionary<String, Object> quick = new Hashtable<>();
            for (Enumeration<String> keys = original.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                quick.put(k, original.get(k));
            }
            quick.put("expires.min.seconds", "1");
            config.update(quick);
            await("payments accept a 1 s expiry", () -> applied("1"));

            String token = registerAndLogin(Person.random());
            HttpResponse<String> created =
                    call("POST", "/api/sandbox/payments", token, demo(500, "押金（沙箱演示）", 2));
            assertEquals(created.body(), 201, created.statusCode());
            String id = json(created).path("id").asText();
            String path = "/api/payments/orders/" + id;
            await(
                    "the order closes",
                    () -> {
                        try {
                            return "CLOSED"
                                    .equals(
                                            json(call("GET", path, token, null))
                                                    .path("status")
                                                    .asText());
                        } catch (Exception e) {
                            return false;
                        }
                    });
            JsonNode closed = json(call("GET", path, token, null));
            assertTrue(closed.path("qrPayload").isMissingNode());
            assertTrue(closed.path("paidAt").isMissingNode());
            await(
                    "the listener hears CLOSED",
                    () -> statuses(heard, id).contains(PaymentStatus.CLOSED));
            assertEquals(List.of(PaymentStatus.CLOSED), statuses(heard, id));

            // the phone page says so and cannot pay it any more
            assertTrue(get("/api/sandbox/pay/" + id).body().contains("订单已关闭"));
            assertEquals(409, call("POST", "/api/sandbox/pay/" + id, null, null).statusCode());
            assertEquals("CLOSED", json(call("GET", path, token, null)).path("status").asText());
        } finally {
            listener.unregister();
            config.update(original);
            await(
                    "the expiry limit is restored",
                    () -> applied(String.valueOf(original.get("expires.min.seconds"))));
        }
    }

    private void awaitPayments() throws InterruptedException {
        awaitIdentity();
        await(
                "the simulated WeChat Pay is installed",
                () ->
                        services(
                                        "(&(objectClass=org.guangsha.platform.payment.PaymentProvider)"
                                                + "(component.name=org.guangsha.sandbox.internal.SandboxWeChatPay))")
                                // the resources are there: a wrong method, not an unknown path
                                && statusOf("/api/sandbox/payments") == 405
                                && statusOf("/api/payments/orders/x") == 401);
    }

    private boolean applied(String minSeconds) {
        return services(
                "(&(objectClass=org.guangsha.platform.payment.PaymentService)(expires.min.seconds="
                        + minSeconds
                        + "))");
    }

    private boolean services(String filter) {
        try {
            return context.getServiceReferences((String) null, filter) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<PaymentStatus> statuses(List<PaymentOrder> heard, String id) {
        return heard.stream().filter(o -> o.id().equals(id)).map(PaymentOrder::status).toList();
    }

    private static ObjectNode demo(long fen, String purpose, Integer expiresInSeconds) {
        ObjectNode body = JSON.createObjectNode().put("amountFen", fen).put("purpose", purpose);
        if (expiresInSeconds != null) {
            body.put("expiresIn", expiresInSeconds);
        }
        return body;
    }

    /** A notification as a provider sends it: these headers, exactly these bytes. */
    private HttpResponse<String> notify(String path, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(r::header);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String slug)
            throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(
                r.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith(GuangshaRest.PROBLEM_JSON));
        assertEquals("urn:guangsha:problem:" + slug, json(r).path("type").asText());
    }
}
