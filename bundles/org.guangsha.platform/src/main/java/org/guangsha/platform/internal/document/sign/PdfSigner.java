package org.guangsha.platform.internal.document.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF with the city's key: PAdES baseline B-B (ETSI EN 319 142-1), invisible.
 *
 * <p>The signature is added in an incremental update, so the bytes of the original file stay as
 * they were and the document can be signed again later (by a citizen, or countersigned): nothing is
 * certified (no DocMDP) and nothing is locked. The signature dictionary has SubFilter {@code
 * ETSI.CAdES.detached}; its {@code /Contents} is a detached CMS SignedData, SHA-256 with RSA, with
 * the signer's certificate chain and the ESS signing-certificate-v2 attribute that binds the
 * signature to that certificate (the difference between CAdES and plain PKCS#7).
 *
 * <p>The signing time is written to the signature dictionary's {@code /M} and <em>not</em> as a CMS
 * signing-time attribute: PAdES forbids that attribute, the time in {@code /M} is the signer's
 * claim. This is level B-B, not B-T: no timestamp authority is reachable from the servers, so there
 * is no RFC 3161 timestamp proving when the signature existed. Adding one later means asking a TSA
 * for a token over the signature value and storing it as an unsigned attribute (and reserving
 * several more kilobytes in {@link #reservedSize}).
 *
 * <p>Only the JDK's providers are used (SHA-256, SHA256withRSA), never a globally registered Bouncy
 * Castle provider. Instances hold no state and may be shared.
 */
public final class PdfSigner {

    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    // Room for the signed attributes, the SignerInfo with the issuer's name and serial, an RSA
    // signature of up to 4096 bits and the ASN.1 around them, on top of the certificates
    // themselves.
    private static final int CMS_OVERHEAD = 4096;

    /** A signer. */
    public PdfSigner() {}

    /**
     * {@code pdf} with one more signature, by {@code key}.
     *
     * @param signerName shown as the signer's name in PDF readers ({@code /Name}); may be null
     * @param reason why the city signs ({@code /Reason}); may be null
     * @param location where ({@code /Location}); may be null
     * @param signingTime the time claimed in {@code /M}
     * @throws IllegalArgumentException if {@code pdf} cannot be read or is encrypted
     */
    public byte[] sign(
            byte[] pdf,
            SigningKey key,
            String signerName,
            String reason,
            String location,
            Instant signingTime) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signingTime, "signingTime");
        PDDocument document = load(pdf);
        int reserved = reservedSize(key);
        try (document;
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            signature.setLocation(location);
            signature.setSignDate(calendar(signingTime));
            options.setPreferredSignatureSize(reserved);
            document.addSignature(signature, options);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] cms;
            try (InputStream content = external.getContent()) {
                cms = cms(content.readAllBytes(), key);
            }
            if (cms.length > reserved) {
                throw new IllegalStateException(
                        "The signature needs "
                                + cms.length
                                + " bytes, only "
                                + reserved
                                + " reserved");
            }
            external.setSignature(cms);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signed PDF", e);
        }
    }

    private static PDDocument load(byte[] pdf) {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a readable PDF: " + e.getMessage(), e);
        }
        if (document.isEncrypted()) {
            try {
                document.close();
            } catch (IOException ignored) {
                // only memory is released; the answer is the same
            }
            throw new IllegalArgumentException("Encrypted PDFs are not signed");
        }
        return document;
    }

    /**
     * Bytes reserved for the CMS in {@code /Contents} (written as hex, so twice that in the file).
     */
    static int reservedSize(SigningKey key) {
        int size = CMS_OVERHEAD;
        for (X509Certificate certificate : key.chain()) {
            try {
                size += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("The certificate cannot be encoded", e);
            }
        }
        return size;
    }

    /** DER-encoded detached CMS SignedData over {@code content}. */
    static byte[] cms(byte[] content, SigningKey key) {
        try {
            X509Certificate certificate = key.certificate();
            Attribute signingCertificate =
                    new Attribute(
                            PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                            new DERSet(
                                    new SigningCertificateV2(
                                            new ESSCertIDv2(
                                                    SigningKey.sha256(certificate.getEncoded()),
                                                    issuerSerial(certificate)))));
            DefaultSignedAttributeTableGenerator defaults =
                    new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(signingCertificate));
            CMSAttributeTableGenerator signedAttributes =
                    parameters ->
                            defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);

            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(
                                    new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes)
                            .build(
                                    new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                                            .build(key.privateKey()),
                                    certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator
                    .generate(new CMSProcessableByteArray(content), false)
                    .getEncoded(ASN1Encoding.DER);
        } catch (CertificateEncodingException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("Cannot build the CMS signature", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the CMS signature", e);
        }
    }

    private static IssuerSerial issuerSerial(X509Certificate certificate) {
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        return new IssuerSerial(
                new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber());
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
