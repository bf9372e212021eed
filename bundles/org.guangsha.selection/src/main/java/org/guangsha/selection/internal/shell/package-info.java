/**
 * Karaf shell commands of the {@code guangsha} scope for the selection line's operators: list
 * batches, import one from files, close a session.
 */
package org.guangsha.selection.internal.shell;
