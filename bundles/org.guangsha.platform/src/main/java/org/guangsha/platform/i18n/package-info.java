/**
 * Texts shown to people in Chinese first and English second. Every name a citizen or caseworker
 * reads (modules, menus, case types, documents) is a {@link
 * org.guangsha.platform.i18n.LocalizedText}.
 */
@Version("1.0.0")
package org.guangsha.platform.i18n;

import org.osgi.annotation.versioning.Version;
