/** Health, the business-module registry and their REST resource. */
package org.guangsha.platform.internal.platform;
