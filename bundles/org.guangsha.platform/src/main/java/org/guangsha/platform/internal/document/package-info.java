/**
 * Printable documents: the template markup business bundles write them in ({@link
 * org.guangsha.platform.internal.document.TemplateMarkup}), line breaking for Chinese text, and
 * the CJK font they embed ({@link org.guangsha.platform.internal.document.CjkFont}).
 */
package org.guangsha.platform.internal.document;
