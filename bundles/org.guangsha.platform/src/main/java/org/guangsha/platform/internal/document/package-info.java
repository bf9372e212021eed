/**
 * Printable documents: the CJK font they embed ({@link
 * org.guangsha.platform.internal.document.CjkFont}).
 */
package org.guangsha.platform.internal.document;
