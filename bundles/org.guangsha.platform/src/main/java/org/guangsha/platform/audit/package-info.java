/**
 * The append-only audit trail of security-relevant actions: logins and their failures,
 * verifications, review decisions, withdrawals, documents issued or revoked, payments,
 * configuration changes and data exports. Every entry carries the hash of the one before, so an
 * edited or deleted row is detected.
 */
@Version("1.0.0")
package org.guangsha.platform.audit;

import org.osgi.annotation.versioning.Version;
