/** The OpenAPI description of the installed API and the browsable API page. */
package org.guangsha.platform.internal.openapi;
