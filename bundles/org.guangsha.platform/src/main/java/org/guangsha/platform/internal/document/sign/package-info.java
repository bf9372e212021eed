/**
 * The city's digital signature on the PDFs it issues (PAdES baseline B): the key ({@link
 * org.guangsha.platform.internal.document.sign.CityKeyStore}), signing ({@link
 * org.guangsha.platform.internal.document.sign.PdfSigner}) and checking ({@link
 * org.guangsha.platform.internal.document.sign.PdfSignatureVerifier}).
 *
 * <p>Bouncy Castle is used for its ASN.1 and CMS structures only. Nothing here registers a JCA
 * provider globally: in Karaf the Bouncy Castle bundle may be refreshed or replaced, and a provider
 * registered in {@code java.security.Security} would keep a stale class loader alive. Plain RSA and
 * SHA-256 come from the JDK; where Bouncy Castle's algorithms are needed, a provider instance is
 * passed explicitly.
 */
package org.guangsha.platform.internal.document.sign;
