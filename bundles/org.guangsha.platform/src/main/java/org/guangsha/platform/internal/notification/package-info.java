/**
 * Notifications: {@link org.guangsha.platform.internal.notification.NotificationCenter} keeps the
 * in-app inbox ({@code PLT_NOTIFICATION}, {@code /api/notifications}) and hands every message to
 * the installed notifiers, e.g. {@link org.guangsha.platform.internal.notification.SmsNotifier}.
 */
package org.guangsha.platform.internal.notification;
