package org.guangsha.platform.internal.document.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the signatures in a PDF: for each one, whether it still covers the whole file, whether it
 * is cryptographically valid, whether it carries the CAdES signing-certificate binding, and who
 * signed it (see {@link SignatureCheck}).
 *
 * <p>Meant also for PDFs from anywhere (a public "check this document" page): a PDF without
 * signatures gives an empty list, and anything wrong with a signature (unreadable CMS, a byte range
 * pointing outside the file, unknown algorithms) is reported in its {@link SignatureCheck}, never
 * thrown. The only exception is {@link IllegalArgumentException}, for bytes that are not a readable
 * PDF at all. The whole file is held in memory: callers accepting uploads must cap their size.
 *
 * <p>Trust is not decided here: compare {@link SignatureCheck#certificateSha256()} with the city's
 * certificate. Only the detached SubFilters ({@code ETSI.CAdES.detached}, {@code
 * adbe.pkcs7.detached}) are checked cryptographically; others are reported as not checked.
 *
 * <p>Algorithms come from a Bouncy Castle provider instance passed explicitly, so that signatures
 * made elsewhere (RSA-PSS, ECDSA, …) can be checked without registering a provider globally.
 * Instances hold no state and may be shared.
 */
public final class PdfSignatureVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(PdfSignatureVerifier.class);
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final Set<String> DETACHED =
            Set.of(
                    PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(),
                    PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());

    /** A verifier. */
    public PdfSignatureVerifier() {}

    /**
     * One check per signature, in the order they were applied (by where their signed bytes end).
     *
     * @throws IllegalArgumentException if {@code pdf} cannot be read as a PDF
     */
    public List<SignatureCheck> verify(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw new IllegalArgumentException(
                    "The PDF is protected by a password; its signatures cannot be read", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable PDF: " + e.getMessage(), e);
        }
        try {
            List<Ordered> checks = new ArrayList<>();
            for (PDSignatureField field : document.getSignatureFields()) {
                PDSignature signature = field.getSignature();
                if (signature != null) {
                    checks.add(check(field, signature, pdf));
                }
            }
            checks.sort(Comparator.comparingLong(Ordered::end));
            return checks.stream().map(Ordered::check).toList();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "The PDF's form fields cannot be read: " + e.getMessage(), e);
        } finally {
            try {
                document.close();
            } catch (IOException ignored) {
                // only memory is released; the checks are done
            }
        }
    }

    private record Ordered(long end, SignatureCheck check) {}

    private static Ordered check(PDSignatureField field, PDSignature signature, byte[] pdf) {
        List<String> problems = new ArrayList<>();
        String fieldName = null;
        String subFilter = null;
        int[] range = new int[0];
        byte[] contents = new byte[0];
        try {
            fieldName = field.getFullyQualifiedName();
            subFilter = signature.getSubFilter();
            range = signature.getByteRange();
            contents = signature.getContents();
        } catch (RuntimeException e) {
            LOG.debug("Unreadable signature dictionary", e);
            problems.add("the signature dictionary cannot be read");
        }
        boolean covers = coversWholeFile(range, contents, pdf, problems);
        byte[] signedBytes = signedBytes(range, pdf);
        Cms cms = new Cms();
        if (contents.length == 0) {
            problems.add("the signature has no /Contents");
        } else if (!DETACHED.contains(subFilter)) {
            problems.add("SubFilter " + subFilter + " is not checked");
        } else if (signedBytes == null) {
            problems.add("the /ByteRange does not describe bytes of this file");
        } else {
            cms.check(signedBytes, contents, problems);
        }
        Instant signingTime = cms.signingTime;
        if (signingTime == null) {
            signingTime = signDate(signature);
        }
        long end = range.length == 4 ? (long) range[2] + range[3] : Long.MAX_VALUE;
        return new Ordered(
                end,
                new SignatureCheck(
                        fieldName,
                        cms.commonName,
                        signingTime,
                        subFilter,
                        cms.certificateSha256,
                        covers,
                        cms.valid,
                        cms.signingCertificateValid,
                        problems));
    }

    private static Instant signDate(PDSignature signature) {
        try {
            Calendar date = signature.getSignDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the byte range is {@code [0, a, b, end-of-file - b]} with exactly the {@code
     * /Contents} hex string between {@code a} and {@code b}.
     */
    private static boolean coversWholeFile(
            int[] range, byte[] contents, byte[] pdf, List<String> problems) {
        if (range.length != 4) {
            problems.add("the /ByteRange has " + range.length + " numbers instead of 4");
            return false;
        }
        long gapStart = range[1];
        long gapEnd = range[2];
        long end = gapEnd + range[3];
        if (range[0] != 0 || range[1] < 0 || range[3] < 0 || gapEnd < gapStart) {
            problems.add("the /ByteRange is malformed");
            return false;
        }
        if (end > pdf.length) {
            problems.add("the /ByteRange reaches beyond the end of the file");
            return false;
        }
        if (end < pdf.length) {
            problems.add(
                    "the file continues for "
                            + (pdf.length - end)
                            + " bytes after the signed part (changed or signed again later)");
            return false;
        }
        if (!isHexStringOf(pdf, (int) gapStart, (int) gapEnd, contents)) {
            problems.add("the bytes left out of the /ByteRange are not just the signature");
            return false;
        }
        return true;
    }

    private static boolean isHexStringOf(byte[] pdf, int from, int to, byte[] contents) {
        if (to - from < 2 || pdf[from] != '<' || pdf[to - 1] != '>') {
            return false;
        }
        String hex = new String(pdf, from + 1, to - from - 2, StandardCharsets.US_ASCII);
        try {
            return MessageDigest.isEqual(HexFormat.of().parseHex(hex), contents);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The bytes the byte range names, or null if it names bytes outside the file. */
    private static byte[] signedBytes(int[] range, byte[] pdf) {
        if (range.length != 4) {
            return null;
        }
        long start1 = range[0];
        long length1 = range[1];
        long start2 = range[2];
        long length2 = range[3];
        if (start1 < 0
                || length1 < 0
                || start2 < start1 + length1
                || length2 < 0
                || start2 + length2 > pdf.length) {
            return null;
        }
        byte[] signed = new byte[(int) (length1 + length2)];
        System.arraycopy(pdf, (int) start1, signed, 0, (int) length1);
        System.arraycopy(pdf, (int) start2, signed, (int) length1, (int) length2);
        return signed;
    }

    /** What the CMS in one signature says, filled in as far as it can be read. */
    private static final class Cms {
        String commonName;
        String certificateSha256;
        Instant signingTime;
        boolean valid;
        boolean signingCertificateValid;

        void check(byte[] signedBytes, byte[] contents, List<String> problems) {
            SignerInformation signer;
            X509CertificateHolder certificate;
            try {
                // Trailing zeros of the reserved space are ignored: only the first ASN.1 object is
                // read.
                CMSSignedData cms =
                        new CMSSignedData(new CMSProcessableByteArray(signedBytes), contents);
                Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
                if (signers.size() != 1) {
                    problems.add("the CMS has " + signers.size() + " signers instead of 1");
                    return;
                }
                signer = signers.iterator().next();
                signingTime = cmsSigningTime(signer);
                Collection<X509CertificateHolder> matches = certificatesOf(cms, signer);
                if (matches.isEmpty()) {
                    problems.add("the CMS does not contain the signer's certificate");
                    return;
                }
                certificate = matches.iterator().next();
                commonName = commonName(certificate.getSubject());
                certificateSha256 = SigningKey.sha256Hex(certificate.getEncoded());
            } catch (CMSException | IOException | RuntimeException e) {
                LOG.debug("Unreadable CMS in a PDF signature", e);
                problems.add("the /Contents is not a readable CMS SignedData");
                return;
            }
            valid = verify(signer, certificate, problems);
            signingCertificateValid = signingCertificateMatches(signer, certificate, problems);
        }

        // SignerId implements the raw Selector; against a certificate store it selects holders.
        @SuppressWarnings("unchecked")
        private static Collection<X509CertificateHolder> certificatesOf(
                CMSSignedData cms, SignerInformation signer) {
            return cms.getCertificates().getMatches(signer.getSID());
        }

        private static boolean verify(
                SignerInformation signer,
                X509CertificateHolder certificate,
                List<String> problems) {
            try {
                if (signer.verify(
                        new JcaSimpleSignerInfoVerifierBuilder()
                                .setProvider(BOUNCY_CASTLE)
                                .build(certificate))) {
                    return true;
                }
                problems.add("the signature value does not match the signer's certificate");
            } catch (CMSSignerDigestMismatchException e) {
                problems.add("the signed bytes were changed after signing");
            } catch (Exception e) {
                LOG.debug("Signature cannot be verified", e);
                problems.add("the signature cannot be verified: " + e.getMessage());
            }
            return false;
        }

        private static boolean signingCertificateMatches(
                SignerInformation signer,
                X509CertificateHolder certificate,
                List<String> problems) {
            AttributeTable attributes = signer.getSignedAttributes();
            if (attributes == null
                    || attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
                problems.add("no ESS signing-certificate-v2 attribute");
                return false;
            }
            try {
                Attribute attribute =
                        attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
                if (attributes.getAll(PKCSObjectIdentifiers.id_aa_signingCertificateV2).size() != 1
                        || attribute.getAttrValues().size() != 1) {
                    problems.add("more than one ESS signing-certificate-v2 attribute");
                    return false;
                }
                ESSCertIDv2[] ids =
                        SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0))
                                .getCerts();
                if (ids.length == 0) {
                    problems.add("the ESS signing-certificate-v2 attribute names no certificate");
                    return false;
                }
                ESSCertIDv2 id = ids[0];
                DigestCalculator digest =
                        new JcaDigestCalculatorProviderBuilder()
                                .setProvider(BOUNCY_CASTLE)
                                .build()
                                .get(id.getHashAlgorithm());
                try (OutputStream out = digest.getOutputStream()) {
                    out.write(certificate.getEncoded());
                }
                if (!MessageDigest.isEqual(digest.getDigest(), id.getCertHash())) {
                    problems.add(
                            "the ESS signing-certificate-v2 attribute names another certificate");
                    return false;
                }
                IssuerSerial issuerSerial = id.getIssuerSerial();
                if (issuerSerial != null && !sameIssuerSerial(issuerSerial, certificate)) {
                    problems.add(
                            "the issuer and serial in the ESS signing-certificate-v2 attribute"
                                    + " do not match the certificate");
                    return false;
                }
                return true;
            } catch (Exception e) {
                LOG.debug("Unreadable ESS signing-certificate-v2 attribute", e);
                problems.add("the ESS signing-certificate-v2 attribute cannot be read");
                return false;
            }
        }

        private static boolean sameIssuerSerial(
                IssuerSerial issuerSerial, X509CertificateHolder certificate) {
            if (!issuerSerial.getSerial().hasValue(certificate.getSerialNumber())) {
                return false;
            }
            for (GeneralName name : issuerSerial.getIssuer().getNames()) {
                if (name.getTagNo() == GeneralName.directoryName
                        && X500Name.getInstance(name.getName()).equals(certificate.getIssuer())) {
                    return true;
                }
            }
            return false;
        }

        private static Instant cmsSigningTime(SignerInformation signer) {
            AttributeTable attributes = signer.getSignedAttributes();
            Attribute time = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
            if (time == null || time.getAttrValues().size() != 1) {
                return null;
            }
            return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
        }

        private static String commonName(X500Name subject) {
            RDN[] names = subject.getRDNs(BCStyle.CN);
            if (names.length == 0) {
                return subject.toString();
            }
            ASN1Encodable value = names[0].getFirst().getValue();
            return value instanceof ASN1String text
                    ? text.getString()
                    : IETFUtils.valueToString(value);
        }
    }
}
