/**
 * Telling people what happened to their cases, payments and documents: an in-app inbox kept by the
 * platform, and {@link org.guangsha.platform.notification.Notifier} services (SMS, WeChat …) that
 * carry the same message elsewhere.
 */
@Version("1.0.0")
package org.guangsha.platform.notification;

import org.osgi.annotation.versioning.Version;
