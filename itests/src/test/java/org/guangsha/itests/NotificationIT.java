package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifications;
import org.guangsha.platform.notification.Notifier;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;

/**
 * Notifications: what a business line sends lands in the account's inbox and goes out by SMS (the
 * sandbox outbox); only the owner reads or marks it; a failing notifier does not reach the sender.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class NotificationIT extends CitizenTestSupport {

    @Inject BundleContext context;

    @Inject Notifications notifications;

    @Test
    public void aNotificationLandsInTheInboxAndGoesOutBySms() throws Exception {
        awaitNotifications();
        Person p = Person.random();
        String token = registerAndLogin(p);
        String accountId = accountId(token);
        notifications.send(
                new Notification(
                        accountId,
                        "case.status",
                        LocalizedText.of("申请已受理", "Application received"),
                        LocalizedText.of("您的公租房申请已受理，请留意后续通知。", "Your application was received."),
                        "/cases/itest"));

        JsonNode inbox = json(call("GET", "/api/notifications", token, null));
        assertEquals(inbox.toString(), 1, inbox.path("total").asInt());
        assertEquals(1, inbox.path("unreadCount").asInt());
        JsonNode message = inbox.path("items").get(0);
        assertEquals("case.status", message.path("category").asText());
        assertEquals("申请已受理", message.path("title").path("zh").asText());
        assertEquals("Your application was received.", message.path("body").path("en").asText());
        assertEquals("/cases/itest", message.path("link").asText());
        assertEquals(false, message.path("read").asBoolean());
        assertTrue(message.path("createdAt").asText().endsWith("+08:00"));
        String id = message.path("id").asText();

        JsonNode outbox = json(get("/api/sandbox/sms/" + p.mobile()));
        assertEquals(outbox.toString(), 1, outbox.size());
        assertEquals("【广厦】申请已受理：您的公租房申请已受理，请留意后续通知。", outbox.get(0).path("text").asText());

        // another citizen neither sees nor marks it
        String other = registerAndLogin(Person.random());
        assertEquals(0, json(call("GET", "/api/notifications", other, null)).path("total").asInt());
        HttpResponse<String> foreign =
                call("POST", "/api/notifications/" + id + "/read", other, null);
        assertEquals(404, foreign.statusCode());
        assertEquals(
                1,
                json(call("GET", "/api/notifications?unread=true", token, null))
                        .path("total")
                        .asInt());

        HttpResponse<String> read = call("POST", "/api/notifications/" + id + "/read", token, null);
        assertEquals(read.body(), 200, read.statusCode());
        assertTrue(json(read).path("read").asBoolean());
        JsonNode after = json(call("GET", "/api/notifications", token, null));
        assertEquals(0, after.path("unreadCount").asInt());
        assertEquals(1, after.path("total").asInt());
        assertEquals(
                0,
                json(call("GET", "/api/notifications?unread=true", token, null))
                        .path("total")
                        .asInt());
        assertEquals(404, call("POST", "/api/notifications/nope/read", token, null).statusCode());
        assertEquals(401, call("GET", "/api/notifications", null, null).statusCode());
    }

    @Test
    public void readAllAndNewestFirst() throws Exception {
        awaitNotifications();
        String token = registerAndLogin(Person.random());
        String accountId = accountId(token);
        for (int i = 1; i <= 3; i++) {
            notifications.send(
                    new Notification(
                            accountId,
                            "payment.paid",
                            LocalizedText.of("缴费成功" + i, null),
                            LocalizedText.of("第" + i + "笔租金已缴纳。", null),
                            null));
            Thread.sleep(5); // distinct creation times
        }
        JsonNode page = json(call("GET", "/api/notifications?size=2", token, null));
        assertEquals(3, page.path("total").asInt());
        assertEquals(2, page.path("items").size());
        assertEquals("缴费成功3", page.path("items").get(0).path("title").path("zh").asText());
        assertEquals(400, call("GET", "/api/notifications?size=0", token, null).statusCode());

        HttpResponse<String> all = call("POST", "/api/notifications/read-all", token, null);
        assertEquals(all.body(), 200, all.statusCode());
        assertEquals(3, json(all).path("marked").asInt());
        assertEquals(
                0,
                json(call("GET", "/api/notifications", token, null)).path("unreadCount").asInt());
    }

    @Test
    public void aFailingNotifierDoesNotReachTheSender() throws Exception {
        awaitNotifications();
        List<String> delivered = new CopyOnWriteArrayList<>();
        ServiceRegistration<Notifier> broken =
                context.registerService(Notifier.class, notifier("broken", null), null);
        ServiceRegistration<Notifier> working =
                context.registerService(Notifier.class, notifier("itest", delivered), null);
        try {
            String token = registerAndLogin(Person.random());
            String accountId = accountId(token);
            notifications.send(
                    new Notification(
                            accountId,
                            "case.status",
                            LocalizedText.of("材料需补正", "Documents missing"),
                            LocalizedText.of("请补充收入证明。", "Please add proof of income."),
                            null));
            assertEquals(List.of(accountId), delivered);
            assertEquals(
                    1, json(call("GET", "/api/notifications", token, null)).path("total").asInt());
        } finally {
            broken.unregister();
            working.unregister();
        }
    }

    private void awaitNotifications() throws InterruptedException {
        awaitIdentity();
        await("the inbox", () -> statusOf("/api/notifications") == 401);
        await(
                "the SMS notifier",
                () -> {
                    try {
                        return context.getServiceReferences(Notifier.class, null).stream()
                                .anyMatch(r -> "sms".equals(context.getService(r).channel()));
                    } catch (InvalidSyntaxException e) {
                        throw new IllegalArgumentException(e);
                    }
                });
    }

    private String accountId(String token) throws Exception {
        return json(call("GET", "/api/identity/me", token, null)).path("id").asText();
    }

    private static Notifier notifier(String channel, List<String> delivered) {
        return new Notifier() {
            @Override
            public String channel() {
                return channel;
            }

            @Override
            public void deliver(Notification notification) {
                if (delivered == null) {
                    throw new IllegalStateException("this channel is down");
                }
                delivered.add(notification.accountId());
            }
        };
    }
}
