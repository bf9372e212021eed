/**
 * Files citizens hand in (DOMAIN.md A-1 … A-3): uploads checked from their bytes and stored once,
 * readable only by their owner and the caseworkers of the cases they are filed with, frozen when a
 * case is submitted; and electronic licences fetched from the government licence service instead of
 * uploaded.
 */
@Version("1.1.0")
package org.guangsha.platform.attachment;

import org.osgi.annotation.versioning.Version;
