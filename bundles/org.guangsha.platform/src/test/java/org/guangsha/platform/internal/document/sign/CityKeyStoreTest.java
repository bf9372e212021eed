package org.guangsha.platform.internal.document.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityKeyStoreTest {

    private static final char[] PASSWORD = "demo-password".toCharArray();
    private static final String ALIAS = "city-seal";

    @TempDir static Path shared;
    @TempDir Path directory;

    private static Path demoFile;
    private static SigningKey demo;

    @BeforeAll
    static void createDemo() {
        demoFile = shared.resolve("etc/guangsha/city-seal.p12");
        demo = CityKeyStore.createDemo(demoFile, PASSWORD, ALIAS, "深圳市", Clock.systemUTC());
    }

    @Test
    void demoCertificateIsMarkedAndLimitedToSigning() throws Exception {
        X509Certificate certificate = demo.certificate();
        String subject = certificate.getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=深圳市 " + CityKeyStore.DEMO_MARKER), subject);
        assertTrue(subject.contains("O=Guangsha sandbox"), subject);
        assertTrue(subject.contains("C=CN"), subject);
        assertEquals(subject, certificate.getIssuerX500Principal().getName(), "self-signed");
        certificate.verify(certificate.getPublicKey());
        assertEquals(3, certificate.getVersion());
        assertEquals("RSA", demo.privateKey().getAlgorithm());
        assertEquals(
                CityKeyStore.DEMO_KEY_BITS,
                ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());

        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        Extension keyUsage = holder.getExtension(Extension.keyUsage);
        assertTrue(keyUsage.isCritical());
        assertEquals(
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                KeyUsage.fromExtensions(holder.getExtensions()));
        assertNotNull(holder.getExtension(Extension.subjectKeyIdentifier));

        Duration validFor = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
        assertTrue(validFor.toDays() > 3650 - 2 && validFor.toDays() <= 3653, validFor.toString());
    }

    @Test
    void demoFileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        if (Files.getFileStore(demoFile).supportsFileAttributeView("posix")) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(demoFile)));
        }
        try (Stream<Path> files = Files.list(demoFile.getParent())) {
            assertEquals(List.of(demoFile), files.toList());
        }
    }

    @Test
    void createDemoOnAnExistingFileLoadsItInsteadOfOverwriting() throws Exception {
        byte[] before = Files.readAllBytes(demoFile);
        SigningKey again =
                CityKeyStore.createDemo(demoFile, PASSWORD, ALIAS, "广州市", Clock.systemUTC());
        assertEquals(demo.certificate(), again.certificate());
        assertArrayEquals(before, Files.readAllBytes(demoFile));
    }

    @Test
    void nodesStartingTogetherAgreeOnOneKey() throws Exception {
        Path file = directory.resolve("race.p12");
        CountDownLatch start = new CountDownLatch(1);
        Callable<SigningKey> node =
                () -> {
                    start.await();
                    return CityKeyStore.createDemo(file, PASSWORD, ALIAS, "深圳市", Clock.systemUTC());
                };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SigningKey> first = pool.submit(node);
            Future<SigningKey> second = pool.submit(node);
            start.countDown();
            assertEquals(first.get().certificateSha256(), second.get().certificateSha256());
            assertEquals(
                    first.get().certificateSha256(),
                    new CityKeyStore(file, PASSWORD, ALIAS).load().certificateSha256());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loadGivesTheSameKeyAsCreated() {
        SigningKey loaded = new CityKeyStore(demoFile, PASSWORD, ALIAS).load();
        assertEquals(demo.certificate(), loaded.certificate());
        assertEquals(demo.privateKey(), loaded.privateKey());
        assertEquals(1, loaded.chain().size());
    }

    @Test
    void wrongPasswordIsNamedWithTheFile() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new CityKeyStore(demoFile, "nope".toCharArray(), ALIAS).load());
        assertTrue(e.getMessage().contains("Wrong password"), e.getMessage());
        assertTrue(e.getMessage().contains(demoFile.toString()), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = directory.resolve("missing.p12");
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new CityKeyStore(missing, PASSWORD, ALIAS).load());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void notAKeyStoreIsNamed() throws Exception {
        Path text = Files.writeString(directory.resolve("seal.p12"), "not a key store");
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new CityKeyStore(text, PASSWORD, ALIAS).load());
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    }

    @Test
    void missingAliasListsTheEntriesThereAre() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new CityKeyStore(demoFile, PASSWORD, "other").load());
        assertTrue(e.getMessage().contains("no entry 'other'"), e.getMessage());
        assertTrue(e.getMessage().contains(ALIAS), e.getMessage());
        assertTrue(e.getMessage().contains(demoFile.toString()), e.getMessage());
    }

    @Test
    void aCertificateWithoutItsPrivateKeyIsRefused() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(ALIAS, demo.certificate());
        Path file = directory.resolve("certificate-only.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new CityKeyStore(file, PASSWORD, ALIAS).load());
        assertTrue(e.getMessage().contains("no private key"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Path file = directory.resolve("old.p12");
        Clock then = Clock.fixed(Instant.parse("2010-03-01T00:00:00Z"), ZoneOffset.UTC);
        // Valid for whoever looks from 2010 …
        CityKeyStore.createDemo(file, PASSWORD, ALIAS, "深圳市", then);
        // … and expired in 2020 for everyone after.
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new CityKeyStore(file, PASSWORD, ALIAS).load());
        assertTrue(e.getMessage().contains("expired on 2020-03-01"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void theCallersPasswordArrayMayBeClearedAfterwards() {
        char[] password = PASSWORD.clone();
        CityKeyStore store = new CityKeyStore(demoFile, password, ALIAS);
        Arrays.fill(password, '\0');
        assertEquals(demo.certificate(), store.load().certificate());
    }

    @Test
    void toStringDoesNotShowTheKey() {
        String text = demo.toString();
        assertTrue(text.contains(CityKeyStore.DEMO_MARKER), text);
        assertFalse(text.contains("modulus") || text.contains("exponent"), text);
    }
}
