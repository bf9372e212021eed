/**
 * Printable documents and contract signing (DOMAIN.md P-1 … P-3). Business lines register {@link
 * org.guangsha.platform.document.DocumentType document types}; the core renders them as PDFs with
 * an embedded Chinese font, gives each a number, a validity and a QR code that leads to a public
 * verification page, and runs the signing ceremony that ends with a PDF digitally signed by the
 * city; a document signed on a signature pad without a ceremony is sealed the same way.
 */
@Version("1.1.0")
package org.guangsha.platform.document;

import org.osgi.annotation.versioning.Version;
