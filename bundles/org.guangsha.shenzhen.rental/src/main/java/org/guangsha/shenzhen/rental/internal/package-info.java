/**
 * The Shenzhen public-rental services line (DOMAIN.md section 2): homes, leases and waiting lists,
 * the personal page, rent payment, renewal, changes, and certificate prints.
 */
package org.guangsha.shenzhen.rental.internal;
