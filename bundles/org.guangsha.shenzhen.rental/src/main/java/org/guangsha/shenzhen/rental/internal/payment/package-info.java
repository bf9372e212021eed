/**
 * Rent payment (微信扫码交租, SZ-4): monthly bills created when read, the payment windows (arrears first,
 * no payment at night, in the last days of a month or during a bank collection run), the core
 * payment order paid by QR, the receipt, and the caseworkers' collection runs.
 */
package org.guangsha.shenzhen.rental.internal.payment;
