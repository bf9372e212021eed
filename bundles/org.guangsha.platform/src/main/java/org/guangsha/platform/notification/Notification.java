package org.guangsha.platform.notification;

import java.util.Objects;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * A message for one account.
 *
 * @param accountId who it is for
 * @param category a stable name, e.g. {@code case.status}, {@code payment.paid}
 * @param title a short title
 * @param body the message; no ID numbers, masked phones only
 * @param link where in the portal it leads, e.g. {@code /cases/<id>}; may be null
 */
public record Notification(
        String accountId, String category, LocalizedText title, LocalizedText body, String link) {

    /** Checks the required members. */
    public Notification {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
