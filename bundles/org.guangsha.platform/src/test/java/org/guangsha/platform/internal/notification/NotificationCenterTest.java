package org.guangsha.platform.internal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifier;
import org.guangsha.platform.persistence.JpaTransactions;
import org.junit.jupiter.api.Test;

class NotificationCenterTest {

    private static final Notification CASE_APPROVED =
            new Notification(
                    "acc-1",
                    "case.status",
                    LocalizedText.of("申请已通过", "Application approved"),
                    LocalizedText.of("您的公租房申请已通过审核。", "Your application was approved."),
                    "/cases/c-1");

    private final NotificationCenter center =
            new NotificationCenter(new JpaTransactions(noDatabase()), Clock.systemUTC());

    @Test
    void aFailingNotifierNeitherReachesTheSenderNorStopsTheOthers() {
        List<String> delivered = new ArrayList<>();
        center.addNotifier(
                notifier(
                        "broken",
                        n -> {
                            throw new IllegalStateException("gateway down");
                        }));
        center.addNotifier(notifier("wechat", n -> delivered.add(n.category())));
        center.deliver(CASE_APPROVED, "n-1");
        assertEquals(List.of("case.status"), delivered);
    }

    @Test
    void aRemovedNotifierGetsNothing() {
        List<String> delivered = new ArrayList<>();
        Notifier sms = notifier("sms", n -> delivered.add(n.accountId()));
        center.addNotifier(sms);
        center.removeNotifier(sms);
        center.deliver(CASE_APPROVED, "n-1");
        assertEquals(List.of(), delivered);
    }

    @Test
    void textsLongerThanTheInboxKeepsAreRefused() {
        NotificationCenter.check(CASE_APPROVED);
        Notification longBody =
                new Notification(
                        "acc-1",
                        "case.status",
                        LocalizedText.of("标题", null),
                        LocalizedText.of("长".repeat(NotificationEntity.BODY_LENGTH + 1), null),
                        null);
        assertThrows(IllegalArgumentException.class, () -> NotificationCenter.check(longBody));
        Notification blankCategory =
                new Notification("acc-1", " ", CASE_APPROVED.title(), CASE_APPROVED.body(), null);
        assertThrows(IllegalArgumentException.class, () -> NotificationCenter.check(blankCategory));
    }

    @Test
    void theSmsTextIsTheChineseTitleAndBody() {
        assertEquals("【广厦】申请已通过：您的公租房申请已通过审核。", SmsNotifier.text(CASE_APPROVED));
    }

    private interface Delivery {
        void deliver(Notification n);
    }

    private static Notifier notifier(String channel, Delivery delivery) {
        return new Notifier() {
            @Override
            public String channel() {
                return channel;
            }

            @Override
            public void deliver(Notification notification) {
                delivery.deliver(notification);
            }
        };
    }

    /** Delivering needs no database; anything that touches it fails the test. */
    private static EntityManagerFactory noDatabase() {
        return (EntityManagerFactory)
                Proxy.newProxyInstance(
                        NotificationCenterTest.class.getClassLoader(),
                        new Class<?>[] {EntityManagerFactory.class},
                        (proxy, method, args) -> {
                            throw new AssertionError("no database here: " + method.getName());
                        });
    }
}
