/**
 * Printable documents: a small Markdown-like template markup ({@link
 * org.guangsha.platform.internal.document.TemplateMarkup}) rendered into PDF with an embedded CJK
 * font, page footers, signature boxes, a verification QR code and stamps ({@link
 * org.guangsha.platform.internal.document.PdfRenderer}), and the generic templates every city uses
 * ({@link org.guangsha.platform.internal.document.DocumentTemplates}).
 */
package org.guangsha.platform.internal.document;
