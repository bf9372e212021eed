package org.guangsha.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Base of every Pax Exam test: boots the built distribution (not a hand-made bundle list) on free
 * ports, and gives the tests an HTTP client and a way to wait for what OSGi does asynchronously.
 */
public abstract class GuangshaTestSupport {

    /** System property (inside the container) carrying the HTTP port. */
    protected static final String HTTP_PORT_PROPERTY = "guangsha.itest.http.port";

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() throws IOException {
        String distribution = System.getProperty("guangsha.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException(
                    "Build the distribution first (mvn verify from the top); not found: "
                            + distribution);
        }
        String httpPort = freePort();
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .name("Guangsha")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // Free ports, so that a Karaf already running on this machine does not break the build.
            editConfigurationFilePut(
                    "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            editConfigurationFilePut(
                    "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut(
                    "etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            // Tests change configurations through Config Admin; fileinstall writing them back to
            // etc/ and re-reading the files could undo a newer change, so it is off here.
            editConfigurationFilePut(
                    "etc/config.properties", "felix.fileinstall.enableConfigSave", "false"),
            // Every test calls from 127.0.0.1: lift the flood limits; RateLimitIT lowers them.
            editConfigurationFilePut(
                    "etc/org.guangsha.ratelimit.cfg", "per.address.per.minute", "100000"),
            editConfigurationFilePut(
                    "etc/org.guangsha.ratelimit.cfg", "per.account.per.minute", "100000"),
            // Ended selection sessions are closed within a second instead of five.
            editConfigurationFilePut("etc/org.guangsha.selection.cfg", "sweep.seconds", "1"),
            // The signing ceremony's countdowns after selection: a second each instead of 30 and
            // 60.
            editConfigurationFilePut(
                    "etc/org.guangsha.selection.cfg", "signing.commitment.seconds", "1"),
            editConfigurationFilePut(
                    "etc/org.guangsha.selection.cfg", "signing.contract.seconds", "1"),
            systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
            // Same JVM setting as bin/setenv of the distribution.
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
        };
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }

    /** {@code http://localhost:<port><path>}. */
    protected URI uri(String path) {
        return URI.create("http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY) + path);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /**
     * Waits until {@code condition} holds: services, features and HTTP registrations in OSGi arrive
     * asynchronously. Fails with {@code what} after a minute.
     */
    protected static void await(String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Runs a Karaf shell command as an operator would and returns what it printed. */
    protected static String execute(SessionFactory sessions, String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } catch (Exception e) {
            throw new AssertionError(command + " failed", e);
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Status of {@code GET path}, or -1 when the server does not answer yet. */
    protected int statusOf(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
