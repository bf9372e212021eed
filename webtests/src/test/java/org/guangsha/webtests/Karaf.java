package org.guangsha.webtests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built distribution, running as {@code bin/karaf server}: ONE per test run, shared by every
 * browser test class, started on first use ({@link #shared()}) and stopped when the run ends (JUnit
 * closes it from its root store) or, failing that, by a JVM shutdown hook.
 *
 * <p>Each run starts from a fresh copy of the unpacked distribution in {@code target/karaf} (no
 * {@code data/}: new database, new bundle cache) on free ports bound to 127.0.0.1, with the flood
 * limits lifted (every call comes from 127.0.0.1) and a test-only administrator with a random
 * password for {@link #shell}. Karaf's output goes to {@code target/karaf.log}, its own log to
 * {@code target/karaf/data/log/karaf.log}.
 */
public final class Karaf implements ExtensionContext.Store.CloseableResource {

    /** The console user added to the copy's etc/users.properties (password random per run). */
    public static final String ADMIN_USER = "webtest";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHELL_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<String> RUNTIME_STATE = Set.of("data", "instances");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");

    private static final System.Logger LOG = System.getLogger(Karaf.class.getName());

    private static Karaf shared;
    private static RuntimeException startFailure;

    private final Path home;
    private final Path pidFile;
    private final int httpPort;
    private final int sshPort;
    private final String adminPassword;
    private final Process process;
    private final Rest rest;
    private boolean stopped;

    private Karaf(
            Path home,
            Path pidFile,
            int httpPort,
            int sshPort,
            String adminPassword,
            Process process) {
        this.home = home;
        this.pidFile = pidFile;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.adminPassword = adminPassword;
        this.process = process;
        this.rest = new Rest(baseUri());
    }

    /**
     * The distribution of this test run, started (and waited for) on the first call. A start that
     * failed fails every later call the same way, without trying again.
     */
    public static synchronized Karaf shared() {
        if (startFailure != null) {
            throw new IllegalStateException(
                    "Karaf did not start earlier in this run: " + startFailure.getMessage(),
                    startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException | Error e) {
                startFailure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                throw e;
            }
        }
        return shared;
    }

    /** {@code http://localhost:<port>/}. */
    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort + "/");
    }

    /** {@code http://localhost:<port>} + {@code path} (absolute, such as {@code /verify/X}). */
    public String url(String path) {
        return baseUri().resolve(path).toString();
    }

    /** REST helpers bound to this distribution. */
    public Rest rest() {
        return rest;
    }

    /** The copy that runs ({@code target/karaf}). */
    public Path home() {
        return home;
    }

    /** The SSH port of its console. */
    public int sshPort() {
        return sshPort;
    }

    /** Its HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * Runs a console command through {@code bin/client} (SSH) as an operator would, for example
     * {@code feature:install guangsha-selection}, and returns what it printed (colours removed).
     * Fails, showing the output, when the command fails.
     */
    public String shell(String command) {
        Path output = null;
        try {
            output = Files.createTempFile(home.getParent(), "karaf-client-", ".out");
            ProcessBuilder client =
                    new ProcessBuilder(
                                    home.resolve("bin/client").toString(),
                                    "-a",
                                    String.valueOf(sshPort),
                                    "-h",
                                    "127.0.0.1",
                                    "-u",
                                    ADMIN_USER,
                                    "-p",
                                    adminPassword,
                                    command)
                            .directory(home.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile());
            javaEnvironment(client);
            // stdin stays an open pipe until the client ends: at end of input, the client would
            // close the session before the command ran.
            Process p = client.start();
            try {
                if (!p.waitFor(SHELL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError(
                            "Karaf shell: `" + command + "` did not end within " + SHELL_TIMEOUT);
                }
            } finally {
                p.getOutputStream().close();
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            String printed =
                    ANSI.matcher(Files.readString(output, StandardCharsets.UTF_8)).replaceAll("");
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        "Karaf shell: `"
                                + command
                                + "` failed (exit "
                                + p.exitValue()
                                + "):\n"
                                + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // only a temporary file in the copy
                }
            }
        }
    }

    /** Whether feature {@code name} is installed now ({@code feature:list -i}). */
    public boolean featureInstalled(String name) {
        return shell("feature:list -i --no-format")
                .lines()
                .map(String::trim)
                .anyMatch(line -> line.startsWith(name + " ") || line.startsWith(name + "\t"));
    }

    /** The ids {@code GET /api/platform/modules} lists now. */
    public List<String> moduleIds() {
        List<String> ids = new ArrayList<>();
        rest.getJson("/api/platform/modules").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    /** Stops the distribution (see {@link #stop()}); JUnit calls it when the run ends. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Stops Karaf: SIGTERM to its JVM (Karaf shuts down cleanly), then to the {@code bin/karaf}
     * script; whatever is still alive after 30 s is killed. Safe to call twice.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        descendants.forEach(Karaf::awaitExit);
        process.destroy();
        awaitExit(process.toHandle());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked (command line and all) before it is used
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more can be done from here
            }
        }
    }

    private static Karaf start() {
        try {
            Path target = WebTestSettings.target();
            Path pristine = WebTestSettings.distribution();
            Path home = target.resolve("karaf");
            Path pidFile = target.resolve("karaf.pid");
            Path log = target.resolve("karaf.log");
            long begin = System.nanoTime();
            stopLeftover(pidFile, home);
            deleteTree(home);
            copyTree(pristine, home);

            int[] ports = freePorts(4);
            int http = ports[0];
            int ssh = ports[1];
            setProperties(
                    home.resolve("etc/org.ops4j.pax.web.cfg"),
                    Map.of(
                            "org.osgi.service.http.port",
                            String.valueOf(http),
                            "org.ops4j.pax.web.listening.addresses",
                            "127.0.0.1"));
            setProperties(
                    home.resolve("etc/org.apache.karaf.shell.cfg"),
                    Map.of("sshPort", String.valueOf(ssh), "sshHost", "127.0.0.1"));
            setProperties(
                    home.resolve("etc/org.apache.karaf.management.cfg"),
                    Map.of(
                            "rmiRegistryPort", String.valueOf(ports[2]),
                            "rmiServerPort", String.valueOf(ports[3])));
            // Every call comes from 127.0.0.1: lift the flood limits, as the Pax Exam ITs do.
            setProperties(
                    home.resolve("etc/org.guangsha.ratelimit.cfg"),
                    Map.of(
                            "per.address.per.minute", "100000",
                            "per.account.per.minute", "100000"));
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            appendLine(
                    home.resolve("etc/users.properties"),
                    ADMIN_USER
                            + " = "
                            + storedPassword(home, password)
                            + ",group,admin,manager,viewer,systembundles,ssh");

            ProcessBuilder karaf =
                    new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                            .directory(home.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            javaEnvironment(karaf);
            Karaf started = new Karaf(home, pidFile, http, ssh, password, karaf.start());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-karaf"));
            try {
                started.awaitReady(log);
                LOG.log(
                        System.Logger.Level.INFO,
                        "Karaf ready at {0}, {1} ms after copying began (ssh port {2}, output in {3})",
                        started.baseUri(),
                        String.valueOf((System.nanoTime() - begin) / 1_000_000),
                        String.valueOf(ssh),
                        log);
            } catch (RuntimeException | Error e) {
                started.stop();
                throw e;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare target/karaf", e);
        }
    }

    /**
     * Health 200 and the module list answering, three polls in a row (while the boot features
     * start, the JAX-RS application is re-registered and answers 404 for a moment); fails at once
     * when Karaf exits.
     */
    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int answered = 0;
        while (answered < 3) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Karaf ended during its start (exit "
                                + process.exitValue()
                                + "); "
                                + log
                                + ":\n"
                                + tail(log, 40));
            }
            writePidFile();
            answered = answers() ? answered + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Karaf did not answer GET /api/platform/health with 200 and GET"
                                + " /api/platform/modules within "
                                + START_TIMEOUT.toSeconds()
                                + " s; "
                                + home.resolve("data/log/karaf.log")
                                + " ends:\n"
                                + tail(home.resolve("data/log/karaf.log"), 40));
            }
            Await.sleep(answered > 0 ? 300 : 500);
        }
        writePidFile();
    }

    private boolean answers() {
        try {
            return rest.status("/api/platform/health") == 200
                    && rest.getJson("/api/platform/modules").isArray();
        } catch (RuntimeException | AssertionError notYet) {
            return false;
        }
    }

    /**
     * The script and its JVM, so that a run whose JVM was killed outright (no shutdown hook) can
     * stop them at the next start.
     */
    private void writePidFile() {
        String pids =
                Stream.concat(Stream.of(process.toHandle()), process.descendants())
                        .map(h -> String.valueOf(h.pid()))
                        .collect(Collectors.joining("\n"));
        try {
            Files.writeString(pidFile, pids + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops what a killed earlier run left: only processes whose command line names our copy. */
    private static void stopLeftover(Path pidFile, Path home) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (String line : Files.readAllLines(pidFile)) {
            if (line.isBlank()) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(line.trim()));
            handle.filter(ProcessHandle::isAlive)
                    .filter(
                            h ->
                                    h.info()
                                            .commandLine()
                                            .map(c -> c.contains(home.toString()))
                                            .orElse(false))
                    .ifPresent(leftovers::add);
        }
        // the JVM (listed after the script) first
        for (int i = leftovers.size() - 1; i >= 0; i--) {
            leftovers.get(i).destroy();
            awaitExit(leftovers.get(i));
        }
        Files.delete(pidFile);
    }

    private static void javaEnvironment(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        // Karaf runs on the JDK of the tests, not on whatever the scripts would find.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.keySet().removeIf(k -> k.startsWith("KARAF_"));
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * Sets keys of a Karaf .cfg file: replaces the line of each key that is there, appends the
     * others. Read and written as ISO-8859-1, so every other byte stays as it was.
     */
    static void setProperties(Path file, Map<String, String> values) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        Map<String, String> missing = new LinkedHashMap<>(values);
        for (int i = 0; i < lines.size(); i++) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (lines.get(i).matches("\\s*" + Pattern.quote(e.getKey()) + "\\s*[=:].*")) {
                    lines.set(i, e.getKey() + " = " + e.getValue());
                    missing.remove(e.getKey());
                }
            }
        }
        missing.forEach((k, v) -> lines.add(k + " = " + v));
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    /**
     * The password as etc/users.properties must hold it. With encryption on (the distribution's
     * etc/org.apache.karaf.jaas.cfg), Karaf 4.4.10 refuses a plain password until its file watcher
     * has hashed it, and that watcher needs a free inotify instance, which a busy machine may not
     * have; so it is written hashed, as Karaf would write it.
     */
    static String storedPassword(Path home, String password) throws IOException {
        Properties jaas = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        home.resolve("etc/org.apache.karaf.jaas.cfg"),
                        StandardCharsets.ISO_8859_1)) {
            jaas.load(in);
        }
        if (!Boolean.parseBoolean(jaas.getProperty("encryption.enabled", "false").trim())) {
            return password;
        }
        String name = jaas.getProperty("encryption.name", "basic").trim();
        String algorithm = jaas.getProperty("encryption.algorithm", "MD5").trim();
        String encoding = jaas.getProperty("encryption.encoding", "hexadecimal").trim();
        if (!name.isEmpty() && !name.equals("basic")) {
            throw new IllegalStateException(
                    "etc/org.apache.karaf.jaas.cfg: encryption " + name + " is not supported here");
        }
        byte[] digest;
        try {
            digest =
                    MessageDigest.getInstance(algorithm)
                            .digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("etc/org.apache.karaf.jaas.cfg: " + algorithm, e);
        }
        String hash =
                encoding.equalsIgnoreCase("base64")
                        ? Base64.getEncoder().encodeToString(digest)
                        : HexFormat.of().withUpperCase().formatHex(digest);
        return jaas.getProperty("encryption.prefix", "").trim()
                + hash
                + jaas.getProperty("encryption.suffix", "").trim();
    }

    private static void appendLine(Path file, String line) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        Files.writeString(file, text + separator + line + "\n", StandardCharsets.ISO_8859_1);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Copies the distribution without what a Karaf that ran in it leaves behind: {@code data/}
     * (bundle cache, persisted configurations, database, logs) and {@code instances/} (its pid,
     * which makes bin/karaf refuse to start while that process lives). An archive of an assembly
     * that was started before it was packed contains them.
     */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(
                from,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                            throws IOException {
                        if (RUNTIME_STATE.contains(from.relativize(dir).toString())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        // attributes included: the scripts in bin/ stay executable
                        Files.copy(
                                file,
                                to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
