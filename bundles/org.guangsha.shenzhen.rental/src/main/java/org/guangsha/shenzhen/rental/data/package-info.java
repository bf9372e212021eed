/**
 * Feeding the Shenzhen public-rental line with a city's existing data: homes, leases, the people
 * living in them and the waiting lists, as the CSV files operators prepare. The whole import is
 * checked before anything is stored and stored in one transaction, so a wrong row leaves nothing
 * behind ({@link org.guangsha.shenzhen.rental.data.RentalDataImport}). The sandbox seeds its demo
 * leases through it.
 */
@Version("1.0.0")
package org.guangsha.shenzhen.rental.data;

import org.osgi.annotation.versioning.Version;
