package org.guangsha.platform.internal.document;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.guangsha.platform.internal.document.sign.CityKeyStore;
import org.guangsha.platform.internal.document.sign.PdfSigner;
import org.guangsha.platform.internal.document.sign.SigningKey;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's digital seal on PDFs (P-3): the key from the PKCS#12 keystore configured in {@code
 * etc/org.guangsha.documents.cfg}. When the keystore is missing and the city allows it, a demo key
 * (marked as having no legal value) is created on first boot, in the background 20 seconds after
 * start so that start-up does not compete with RSA key generation (or at the first signature, if
 * that comes sooner).
 */
@Component(service = CitySeal.class, configurationPid = DocumentConfiguration.PID)
@Designate(ocd = DocumentConfiguration.class)
public class CitySeal {

    private static final Logger LOG = LoggerFactory.getLogger(CitySeal.class);

    private final PdfSigner signer = new PdfSigner();
    private final Clock clock;
    private volatile Settings settings;
    private volatile SigningKey key;

    private record Settings(
            Path keystore, char[] password, String alias, boolean createDemo, String cityName) {}

    /** Built by DS. */
    @Activate
    public CitySeal(DocumentConfiguration config) {
        this.clock = Clock.systemUTC();
        this.settings = settings(config);
        // Generating an RSA key takes about a second of CPU: after start-up, not during it.
        CompletableFuture.runAsync(
                this::warmUp, CompletableFuture.delayedExecutor(20, TimeUnit.SECONDS));
    }

    /** A seal with the given keystore (tests). */
    CitySeal(
            Path keystore,
            char[] password,
            String alias,
            boolean createDemo,
            String cityName,
            Clock clock) {
        this.clock = clock;
        this.settings = new Settings(keystore, password, alias, createDemo, cityName);
    }

    /** The city changed its key or name: the next seal loads it. */
    @Modified
    void modified(DocumentConfiguration config) {
        settings = settings(config);
        key = null;
    }

    /** {@code pdf} signed by the city. */
    public byte[] seal(byte[] pdf, String reason) {
        Settings s = settings;
        return signer.sign(
                pdf, key(), s.cityName() + " 广厦公共住房服务平台", reason, s.cityName(), clock.instant());
    }

    /** The hex SHA-256 of the city's certificate, for checking signatures against it. */
    public String certificateSha256() {
        return key().certificateSha256();
    }

    private void warmUp() {
        try {
            key();
        } catch (RuntimeException e) {
            LOG.warn("The city's signing key is not usable yet: {}", e.getMessage());
        }
    }

    private synchronized SigningKey key() {
        SigningKey k = key;
        if (k != null) {
            return k;
        }
        Settings s = settings;
        try {
            k =
                    s.createDemo()
                            ? CityKeyStore.createDemo(
                                    s.keystore(), s.password(), s.alias(), s.cityName(), clock)
                            : new CityKeyStore(s.keystore(), s.password(), s.alias(), clock).load();
        } catch (IllegalStateException e) {
            LOG.error("Cannot load the city's signing key: {}", e.getMessage());
            throw new ProblemException(
                    new Problem(
                            Problem.type("service-unavailable"),
                            "电子签章服务暂不可用，请联系管理员",
                            "The city's signing key is not available",
                            503,
                            null,
                            null,
                            null));
        }
        key = k;
        return k;
    }

    private static Settings settings(DocumentConfiguration c) {
        Path path = Path.of(c.keystore_path());
        String etc = System.getProperty("karaf.etc");
        if (!path.isAbsolute() && etc != null) {
            path = Path.of(etc).resolve(path);
        }
        return new Settings(
                path,
                c.keystore_password().toCharArray(),
                c.keystore_alias(),
                c.keystore_create_demo(),
                c.city_name());
    }
}
