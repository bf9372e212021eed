/** Per-address and per-account request limits for endpoints a script could flood. */
package org.guangsha.platform.internal.ratelimit;
