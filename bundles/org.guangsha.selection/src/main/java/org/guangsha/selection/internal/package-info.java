/** The selection line's implementation: for now its announcement to the platform. */
package org.guangsha.selection.internal;
