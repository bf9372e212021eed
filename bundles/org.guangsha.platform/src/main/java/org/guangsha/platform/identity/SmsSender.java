package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends text messages (verification codes). A city installs its SMS gateway's implementation; the
 * sandbox keeps messages in an outbox instead. Without one, features that need SMS answer 503.
 */
@ConsumerType
public interface SmsSender {

    /** Sends {@code text} to the mainland mobile number {@code mobile}. */
    void send(String mobile, String text);
}
