package org.guangsha.platform.internal.document.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain, signer's certificate first, as {@link CityKeyStore}
 * loads them and {@link PdfSigner} uses them.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    /** Checks that both are present and copies the chain. */
    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain is empty");
        }
    }

    /** The signer's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Lower-case hex SHA-256 of the signer's certificate, the same form as {@link
     * SignatureCheck#certificateSha256()}.
     */
    public String certificateSha256() {
        try {
            return sha256Hex(certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The certificate cannot be encoded", e);
        }
    }

    /** Never shows the key, whatever the key class's own {@code toString} would print. */
    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal() + "]";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }
}
