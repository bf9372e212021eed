/**
 * Business modules announce themselves to the platform (ARCHITECTURE.md rule 4). Each business line
 * registers one {@link org.guangsha.platform.module.BusinessModule} service; the platform lists the
 * modules present at {@code GET /api/platform/modules} and the portal builds its menu from that
 * list, so installing or removing a line's feature changes what people see at once. A line may also
 * add pages to the staff console ({@link
 * org.guangsha.platform.module.BusinessModule#consoleMenu()}).
 */
@Version("1.1.0")
package org.guangsha.platform.module;

import org.osgi.annotation.versioning.Version;
