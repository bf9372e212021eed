/**
 * Feeding the online selection line (DOMAIN.md S-1) from elsewhere: another line (Shenzhen
 * affordable housing) or an integrator's import creates a batch from a ranked list of families, a
 * unit pool and its sessions through {@link org.guangsha.selection.batch.BatchImport}. The whole
 * batch is checked before anything is stored and stored in one transaction: a wrong row leaves
 * nothing behind.
 */
@Version("1.1.0")
package org.guangsha.selection.batch;

import org.osgi.annotation.versioning.Version;
