package org.guangsha.platform.internal.document.sign;

import java.time.Instant;
import java.util.List;

/**
 * What {@link PdfSignatureVerifier} found out about one signature in a PDF.
 *
 * <p>The three checks say that the signature is intact, not that the signer is trusted: anyone can
 * make a certificate with the city's name in it. Whether it was the city is decided by comparing
 * {@link #certificateSha256()} with the city's own certificate ({@link
 * SigningKey#certificateSha256()}).
 *
 * @param fieldName the signature field's fully qualified name
 * @param signerCommonName the CN of the signer's certificate (its whole subject if it has no CN),
 *     or null when the CMS names no certificate
 * @param signingTime from the CMS signing-time attribute if present, else the signature
 *     dictionary's {@code /M}; the signer's claim, not a proof; null if neither is there
 * @param subFilter the signature dictionary's {@code /SubFilter}, e.g. {@code ETSI.CAdES.detached}
 * @param certificateSha256 lower-case hex SHA-256 of the signer's certificate, or null
 * @param coversWholeFile the byte range starts at 0, leaves out exactly the {@code /Contents} hex
 *     string and ends at the end of the file: nothing was added after this signature. An earlier
 *     signature in a document signed again legitimately fails this one.
 * @param cryptographicallyValid the CMS signature is valid over the bytes in the byte range
 *     (message digest and the signature with the embedded certificate's key)
 * @param signingCertificateValid the ESS signing-certificate-v2 attribute is present, signed, and
 *     identifies the certificate that verified the signature
 * @param problems why a check failed, in words for a log or a person; empty when all passed
 */
public record SignatureCheck(
        String fieldName,
        String signerCommonName,
        Instant signingTime,
        String subFilter,
        String certificateSha256,
        boolean coversWholeFile,
        boolean cryptographicallyValid,
        boolean signingCertificateValid,
        List<String> problems) {

    /** Copies the problems. */
    public SignatureCheck {
        problems = List.copyOf(problems);
    }

    /** Whether all three checks passed. */
    public boolean allPassed() {
        return coversWholeFile && cryptographicallyValid && signingCertificateValid;
    }
}
