package org.guangsha.platform.internal.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifications;
import org.guangsha.platform.notification.Notifier;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications: stores each in the account's inbox ({@code PLT_NOTIFICATION}), then hands it
 * to every installed {@link Notifier} (SMS …). A notifier that fails is logged and the others still
 * get the message; the sender never sees a notifier's failure. Notifiers are called in the sender's
 * thread, so they should hand slow work to their own queue.
 */
@Component(service = {Notifications.class, NotificationCenter.class})
public class NotificationCenter implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationCenter.class);

    /** A message as its owner sees it in the inbox. */
    public record Message(
            String id,
            String category,
            LocalizedText title,
            LocalizedText body,
            String link,
            Instant createdAt,
            Instant readAt) {}

    /** One page of an inbox, newest first, with how many match and how many are unread. */
    public record Inbox(List<Message> items, long total, long unreadCount) {}

    private final JpaTransactions tx;
    private final Clock clock;
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();

    /** Built by DS. */
    @Activate
    public NotificationCenter(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema) {
        this(new JpaTransactions(emf), Clock.systemUTC());
    }

    NotificationCenter(JpaTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier);
    }

    /**
     * Stores {@code n} in the inbox, then delivers it through every notifier.
     *
     * @throws IllegalArgumentException when the account does not exist or a text is longer than the
     *     inbox keeps (a mistake of the sender, nothing is stored)
     */
    @Override
    public void send(Notification n) {
        check(n);
        String id = UUID.randomUUID().toString();
        NotificationEntity row = new NotificationEntity(id, n, clock.instant());
        tx.run(
                em -> {
                    if (em.find(AccountEntity.class, n.accountId()) == null) {
                        throw new IllegalArgumentException("No account " + n.accountId());
                    }
                    em.persist(row);
                });
        deliver(n, id);
    }

    /** Hands {@code n} to every notifier; one failing does not keep it from the others. */
    void deliver(Notification n, String id) {
        for (Notifier notifier : notifiers) {
            try {
                notifier.deliver(n);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Notifier {} could not deliver notification {} ({}) to account {}",
                        channel(notifier),
                        id,
                        n.category(),
                        n.accountId(),
                        e);
            }
        }
    }

    private static String channel(Notifier notifier) {
        try {
            return notifier.channel();
        } catch (RuntimeException e) {
            return notifier.getClass().getName();
        }
    }

    static void check(Notification n) {
        fits("category", n.category(), NotificationEntity.CATEGORY_LENGTH);
        fits("title.zh", n.title().zh(), NotificationEntity.TITLE_LENGTH);
        fits("title.en", n.title().en(), 2 * NotificationEntity.TITLE_LENGTH);
        fits("body.zh", n.body().zh(), NotificationEntity.BODY_LENGTH);
        fits("body.en", n.body().en(), 2 * NotificationEntity.BODY_LENGTH);
        fits("link", n.link(), NotificationEntity.LINK_LENGTH);
        if (n.category().isBlank()) {
            throw new IllegalArgumentException("A notification needs a category");
        }
    }

    private static void fits(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(
                    "Notification " + what + " is longer than " + max + " characters");
        }
    }

    /** Up to {@code limit} messages of the account's inbox after {@code offset}, newest first. */
    public Inbox inbox(String accountId, boolean unreadOnly, int offset, int limit) {
        String where = " WHERE n.accountId = :a" + (unreadOnly ? " AND n.readAt IS NULL" : "");
        return tx.read(
                em -> {
                    List<Message> items =
                            em
                                    .createQuery(
                                            "SELECT n FROM NotificationEntity n"
                                                    + where
                                                    + " ORDER BY n.createdAt DESC, n.id DESC",
                                            NotificationEntity.class)
                                    .setParameter("a", accountId)
                                    .setFirstResult(offset)
                                    .setMaxResults(limit)
                                    .getResultList()
                                    .stream()
                                    .map(NotificationEntity::message)
                                    .toList();
                    long total = count(em, where, accountId);
                    long unread =
                            unreadOnly
                                    ? total
                                    : count(em, where + " AND n.readAt IS NULL", accountId);
                    return new Inbox(items, total, unread);
                });
    }

    private static long count(EntityManager em, String where, String accountId) {
        return em.createQuery("SELECT COUNT(n) FROM NotificationEntity n" + where, Long.class)
                .setParameter("a", accountId)
                .getSingleResult();
    }

    /**
     * Marks one of the account's messages read; another account's is 404, as if it did not exist.
     */
    public Message markRead(String accountId, String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.write(
                        em -> {
                            NotificationEntity n =
                                    id == null ? null : em.find(NotificationEntity.class, id);
                            if (n == null || !n.accountId().equals(accountId)) {
                                throw ProblemException.notFound(null);
                            }
                            n.read(clock.instant());
                            return n.message();
                        });
            } catch (PersistenceException concurrentRead) {
                // the same message marked read at the same moment (another tab): read it again
                if (attempt == 2) {
                    throw concurrentRead;
                }
            }
        }
    }

    /** Marks all of the account's unread messages read; how many were unread. */
    public int markAllRead(String accountId) {
        Timestamp now = Timestamp.from(clock.instant());
        return tx.write(
                em ->
                        em.createQuery(
                                        "UPDATE NotificationEntity n SET n.readAt = :t"
                                                + " WHERE n.accountId = :a AND n.readAt IS NULL")
                                .setParameter("t", now)
                                .setParameter("a", accountId)
                                .executeUpdate());
    }
}
