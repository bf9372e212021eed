/**
 * The auto-assignment of a session (S-6): a pure, reproducible function and its canonical texts.
 */
package org.guangsha.selection.internal.assign;
