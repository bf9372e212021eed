/**
 * Persistence for every bundle (ARCHITECTURE.md rule 6): versioned schema migrations and JPA
 * transactions on the shared DataSource.
 *
 * <p><b>Migrations.</b> A bundle with tables declares the manifest header {@value
 * org.guangsha.platform.persistence.Schema#HEADER}{@code : <module>} and ships ordered SQL scripts
 * as {@code db/migration/V<n>__<description>.sql}. When the bundle starts, the platform applies the
 * scripts not yet applied, each in its own transaction, and records them in {@code
 * PLT_SCHEMA_HISTORY}; a script changed after it was applied stops the migration. Only then does it
 * register a {@link org.guangsha.platform.persistence.Schema} service for the module, so components
 * that reference it ({@code target = "(guangsha.schema=<module>)"}) never see missing tables.
 *
 * <p><b>Transactions.</b> Each bundle has its own persistence unit (OpenJPA through Aries JPA) and
 * runs its work through {@link org.guangsha.platform.persistence.JpaTransactions} on the unit's
 * {@code EntityManagerFactory} service.
 */
@Version("1.0.0")
package org.guangsha.platform.persistence;

import org.osgi.annotation.versioning.Version;
