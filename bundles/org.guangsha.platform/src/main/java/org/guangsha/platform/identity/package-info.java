/**
 * Identity of citizens, organizations and caseworkers. For now it holds the trust levels that
 * business modules and menu entries require (DOMAIN.md I-2, I-4); accounts, login and verification
 * join this package with the identity work.
 */
@Version("1.2.0")
package org.guangsha.platform.identity;

import org.osgi.annotation.versioning.Version;
