package org.guangsha.platform.notification;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a message: it is stored in the account's in-app inbox ({@code GET /api/notifications}) and
 * handed to every installed {@link Notifier}. A notifier that fails is logged; the inbox entry
 * stays.
 */
@ProviderType
public interface Notifications {

    /** Delivers {@code notification}. */
    void send(Notification notification);
}
