/** Small helpers the core's internal packages share. */
package org.guangsha.platform.internal.util;
