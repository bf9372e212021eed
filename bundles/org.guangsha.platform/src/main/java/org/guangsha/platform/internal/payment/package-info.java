/**
 * Payments (M-1): orders kept in the database, confirmed only by the provider's verified
 * notification, processed once however often and on however many nodes it arrives, closed when they
 * expire, and receipts issued as documents.
 */
package org.guangsha.platform.internal.payment;
