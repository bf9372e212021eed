/**
 * The web bundle: serves the citizen portal at {@code /} and the caseworker console at {@code
 * /console/} over the OSGi HTTP whiteboard, the shared front-end library {@code /web/lib/} that
 * every line's pages import, and the front-end libraries (Vue, vue-i18n from their WebJar bundles,
 * Vant from the npm registry). Nothing here is API: lines depend on the URLs, not on Java types.
 */
package org.guangsha.web.internal;
