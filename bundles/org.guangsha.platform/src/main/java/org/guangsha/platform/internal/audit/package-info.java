/**
 * The audit trail: {@link org.guangsha.platform.internal.audit.AuditTrail} appends hash-chained
 * rows to {@code PLT_AUDIT} and verifies the chain ({@link
 * org.guangsha.platform.internal.audit.AuditChain}), {@code /api/audit} lets operators read it, and
 * {@link org.guangsha.platform.internal.audit.ConfigurationAudit} records configuration changes.
 */
package org.guangsha.platform.internal.audit;
