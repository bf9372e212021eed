/** Karaf shell commands of the {@code guangsha} scope, for operators. */
package org.guangsha.platform.internal.shell;
