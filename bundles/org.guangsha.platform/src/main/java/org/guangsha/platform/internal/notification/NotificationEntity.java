package org.guangsha.platform.internal.notification;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.notification.Notification;

/** One message in an account's inbox ({@code PLT_NOTIFICATION}). */
@Entity
@Table(name = "PLT_NOTIFICATION")
public class NotificationEntity {

    static final int CATEGORY_LENGTH = 60;
    static final int TITLE_LENGTH = 200;
    static final int BODY_LENGTH = 2000;
    static final int LINK_LENGTH = 500;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "CATEGORY", length = CATEGORY_LENGTH, nullable = false)
    private String category;

    @Column(name = "TITLE_ZH", length = TITLE_LENGTH, nullable = false)
    private String titleZh;

    @Column(name = "TITLE_EN", length = 2 * TITLE_LENGTH, nullable = false)
    private String titleEn;

    @Column(name = "BODY_ZH", length = BODY_LENGTH, nullable = false)
    private String bodyZh;

    @Column(name = "BODY_EN", length = 2 * BODY_LENGTH, nullable = false)
    private String bodyEn;

    @Column(name = "LINK", length = LINK_LENGTH)
    private String link;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "READ_AT")
    private Timestamp readAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected NotificationEntity() {}

    NotificationEntity(String id, Notification n, Instant createdAt) {
        this.id = id;
        this.accountId = n.accountId();
        this.category = n.category();
        this.titleZh = n.title().zh();
        this.titleEn = n.title().en();
        this.bodyZh = n.body().zh();
        this.bodyEn = n.body().en();
        this.link = n.link();
        this.createdAt = Timestamp.from(createdAt);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    /** Marks it read, once: reading it again keeps the first time. */
    void read(Instant at) {
        if (readAt == null) {
            readAt = Timestamp.from(at);
        }
    }

    /** The message as its owner sees it. */
    NotificationCenter.Message message() {
        return new NotificationCenter.Message(
                id,
                category,
                LocalizedText.of(titleZh, titleEn),
                LocalizedText.of(bodyZh, bodyEn),
                link,
                createdAt.toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
