/** Lease renewal and its signing (个人租赁合同续签 / 签订, DOMAIN.md SZ-2). */
package org.guangsha.shenzhen.rental.internal.renewal;
