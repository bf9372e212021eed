/** Accounts, passwords, tokens, captchas and the login audit (DOMAIN.md I-1 .. I-4). */
package org.guangsha.platform.internal.identity;
