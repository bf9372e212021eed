/**
 * The availability broadcast (房源信息播报, S-10): one {@link
 * org.guangsha.selection.internal.broadcast.AvailabilityFeed} per node reads the change feed
 * ({@code SEL_CHANGE}) for all its stream clients and fans each change out to the clients of its
 * batch; {@link org.guangsha.selection.internal.broadcast.AvailabilityResource} serves the snapshot
 * and the server-sent event stream.
 */
package org.guangsha.selection.internal.broadcast;
