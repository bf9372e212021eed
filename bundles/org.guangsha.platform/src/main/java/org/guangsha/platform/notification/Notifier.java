package org.guangsha.platform.notification;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel that carries notifications out of the platform, e.g. SMS. Registered as a service; the
 * platform calls every one for every notification, after storing it in the inbox.
 */
@ConsumerType
public interface Notifier {

    /** Stable id of the channel, e.g. {@code sms}. */
    String channel();

    /** Delivers one notification; throwing means it was not delivered on this channel. */
    void deliver(Notification notification);
}
