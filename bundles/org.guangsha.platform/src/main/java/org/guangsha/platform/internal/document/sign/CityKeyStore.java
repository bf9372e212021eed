package org.guangsha.platform.internal.document.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's signing key, read from a PKCS#12 file.
 *
 * <p><b>A real key.</b> A city that has its own seal certificate (from its CA or the provincial
 * e-seal platform) puts the PKCS#12 file into {@code etc/guangsha/} and points the signing
 * configuration at it (file, password, alias); that configuration component is separate from this
 * class and hands those three values to {@link #CityKeyStore(Path, char[], String)}. Only when no
 * real key is configured does the platform fall back to {@link #createDemo}, whose certificate says
 * in its own name that it has no legal value.
 *
 * <p>Every problem with the file (missing, wrong password, no such entry, no private key, a
 * certificate outside its validity) is an {@link IllegalStateException} naming the file, so that
 * the log says what to fix. The key must be RSA: signatures are SHA-256 with RSA.
 */
public final class CityKeyStore {

    /**
     * Part of every demo certificate's common name, so nobody mistakes a demo seal for a real one.
     */
    public static final String DEMO_MARKER =
            "广厦演示签章（沙箱，无法律效力） Guangsha demo seal – not legally valid";

    static final int DEMO_KEY_BITS = 3072;

    private static final Logger LOG = LoggerFactory.getLogger(CityKeyStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");
    private static final int DEMO_YEARS = 10;
    // The certificate is back-dated a little so that a node whose clock is slightly behind the one
    // that created the file does not find it "not yet valid".
    private static final Duration DEMO_BACKDATE = Duration.ofHours(1);

    private final Path file;
    private final char[] password;
    private final String alias;
    private final Clock clock;

    /** A key store checked against the system clock. */
    public CityKeyStore(Path file, char[] password, String alias) {
        this(file, password, alias, Clock.systemUTC());
    }

    /**
     * A key store; {@code clock} decides whether the certificate is still valid. The password is
     * copied, so the caller may clear its array.
     */
    public CityKeyStore(Path file, char[] password, String alias, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.password = Objects.requireNonNull(password, "password").clone();
        this.alias = Objects.requireNonNull(alias, "alias");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The PKCS#12 file. */
    public Path file() {
        return file;
    }

    /**
     * Reads the key and its chain.
     *
     * @throws IllegalStateException naming the file when it cannot give a usable key
     */
    public SigningKey load() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Signing key store " + file + " does not exist");
        }
        KeyStore store = read();
        try {
            if (!store.containsAlias(alias)) {
                throw new IllegalStateException(
                        "Signing key store "
                                + file
                                + " has no entry '"
                                + alias
                                + "' (it has: "
                                + String.join(", ", Collections.list(store.aliases()))
                                + ")");
            }
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException(
                        "Entry '"
                                + alias
                                + "' in signing key store "
                                + file
                                + " holds a certificate only, no private key");
            }
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException(
                        "Entry '"
                                + alias
                                + "' in signing key store "
                                + file
                                + " is not a private key");
            }
            if (!"RSA".equals(privateKey.getAlgorithm())) {
                throw new IllegalStateException(
                        "Entry '"
                                + alias
                                + "' in signing key store "
                                + file
                                + " is a "
                                + privateKey.getAlgorithm()
                                + " key; only RSA keys are supported");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = store.getCertificateChain(alias);
            for (Certificate certificate :
                    certificates == null ? new Certificate[0] : certificates) {
                if (!(certificate instanceof X509Certificate x509)) {
                    throw new IllegalStateException(
                            "Signing key store " + file + " holds a non-X.509 certificate");
                }
                chain.add(x509);
            }
            if (chain.isEmpty()) {
                throw new IllegalStateException(
                        "Entry '"
                                + alias
                                + "' in signing key store "
                                + file
                                + " has no certificate");
            }
            checkValidity(chain.get(0));
            return new SigningKey(privateKey, chain);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException(
                    "The private key '"
                            + alias
                            + "' in signing key store "
                            + file
                            + " has a password other than the store's",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read signing key store " + file, e);
        }
    }

    private KeyStore read() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            // The JDK reports a failed integrity check (wrong password) as an IOException caused by
            // UnrecoverableKeyException; anything else means the file is not a PKCS#12 at all.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("Wrong password for signing key store " + file, e);
            }
            throw new IllegalStateException(
                    "Cannot read signing key store " + file + " as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read signing key store " + file, e);
        }
    }

    private void checkValidity(X509Certificate certificate) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new IllegalStateException(
                    "The certificate '"
                            + alias
                            + "' in signing key store "
                            + file
                            + " expired on "
                            + certificate.getNotAfter().toInstant(),
                    e);
        } catch (CertificateNotYetValidException e) {
            throw new IllegalStateException(
                    "The certificate '"
                            + alias
                            + "' in signing key store "
                            + file
                            + " is not valid before "
                            + certificate.getNotBefore().toInstant(),
                    e);
        }
    }

    /**
     * The demo key in {@code file}, created there first if the file does not exist yet: RSA 3072,
     * self-signed, valid ten years, its common name {@code "<cityName> "} + {@link #DEMO_MARKER}.
     *
     * <p>An existing file is never replaced. Several nodes may start at once on a shared {@code
     * etc}: each writes its own key to a temporary file and publishes it with a hard link, which
     * fails when the name is taken, so exactly one key wins and every node then loads that one. On
     * file systems without hard links the temporary file is renamed instead (atomic, but a rename
     * replaces a target that appeared in the meantime, so there the race is only narrowed). On
     * POSIX file systems the file is readable and writable by its owner only.
     *
     * @throws IllegalStateException naming the file when it cannot be written or read back
     */
    public static SigningKey createDemo(
            Path file, char[] password, String alias, String cityName, Clock clock) {
        Objects.requireNonNull(cityName, "cityName");
        CityKeyStore store = new CityKeyStore(file, password, alias, clock);
        if (Files.exists(file)) {
            return store.load();
        }
        byte[] pkcs12 = demoPkcs12(password, alias, cityName, clock.instant());
        try {
            if (publish(file, pkcs12)) {
                LOG.warn(
                        "Created a demo signing key in {}: documents signed with it have no legal"
                                + " value; configure the city's own PKCS#12 for production",
                        file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write signing key store " + file, e);
        }
        return store.load();
    }

    /** Whether this call wrote the file (false: another process was first). */
    private static boolean publish(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix =
                Files.getFileStore(directory)
                        .supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attributes =
                posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                        : new FileAttribute<?>[0];
        Path temporary =
                Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temporary, OWNER_ONLY);
            }
            try {
                Files.createLink(file, temporary);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                LOG.debug("No hard link in {} ({}), renaming instead", directory, e.toString());
            }
            if (Files.exists(file)) {
                return false;
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] demoPkcs12(char[] password, String alias, String cityName, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(DEMO_KEY_BITS, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject =
                    new X500NameBuilder(BCStyle.INSTANCE)
                            .addRDN(BCStyle.C, "CN")
                            .addRDN(BCStyle.O, "Guangsha sandbox")
                            .addRDN(BCStyle.CN, cityName + " " + DEMO_MARKER)
                            .build();
            // Positive and at most 20 octets, as RFC 5280 asks of serial numbers.
            BigInteger serial = new BigInteger(159, new SecureRandom()).setBit(0);
            Date notBefore = Date.from(now.minus(DEMO_BACKDATE));
            Date notAfter =
                    Date.from(now.atOffset(ZoneOffset.UTC).plusYears(DEMO_YEARS).toInstant());
            X509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(
                            subject, serial, notBefore, notAfter, subject, pair.getPublic());
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509CertificateHolder holder =
                    builder.build(
                            new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create a demo signing key", e);
        }
    }
}
