package org.guangsha.selection.internal.broadcast;

/**
 * A row of the change feed ({@code SEL_CHANGE}).
 *
 * @param seq the row's number, given by the database
 * @param batchId the unit's batch
 * @param unitId the unit
 * @param unitCode the unit's public code
 * @param status {@code TAKEN} (or {@code FREE} should a unit ever be given back)
 */
public record Change(long seq, String batchId, String unitId, String unitCode, String status) {}
