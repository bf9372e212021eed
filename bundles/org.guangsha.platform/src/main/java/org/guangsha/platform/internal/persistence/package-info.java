/**
 * The core's persistence: migration extender and the platform's own entities (table prefix PLT_).
 */
package org.guangsha.platform.internal.persistence;
