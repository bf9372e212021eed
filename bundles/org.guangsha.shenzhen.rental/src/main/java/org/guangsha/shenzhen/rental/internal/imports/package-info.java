/**
 * The operators' CSV import of a city's homes, leases, residents and waiting lists: read, checked
 * whole, stored in one transaction.
 */
package org.guangsha.shenzhen.rental.internal.imports;
