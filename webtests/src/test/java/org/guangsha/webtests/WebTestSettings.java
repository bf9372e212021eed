package org.guangsha.webtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are: the system properties the pom passes to failsafe, with defaults that also work
 * when a test is started from an IDE in this module after one {@code mvn verify}.
 */
public final class WebTestSettings {

    private WebTestSettings() {}

    /** The module's build directory ({@code guangsha.webtests.target}, default {@code target}). */
    public static Path target() {
        return Path.of(System.getProperty("guangsha.webtests.target", "target")).toAbsolutePath();
    }

    /** Where screenshots and failure evidence go: {@code target/screenshots}. */
    public static Path screenshots() {
        return target().resolve("screenshots");
    }

    /** Debian's Chromium ({@code guangsha.webtests.chromium}, default /usr/bin/chromium). */
    public static Path chromium() {
        return Path.of(System.getProperty("guangsha.webtests.chromium", "/usr/bin/chromium"));
    }

    /** Debian's chromedriver ({@code guangsha.webtests.chromedriver}). */
    public static Path chromedriver() {
        return Path.of(
                System.getProperty("guangsha.webtests.chromedriver", "/usr/bin/chromedriver"));
    }

    /**
     * The unpacked distribution, left untouched ({@code guangsha.webtests.distribution}; else the
     * one directory under target/distribution that has bin/karaf).
     */
    public static Path distribution() {
        String configured = System.getProperty("guangsha.webtests.distribution");
        if (configured != null) {
            return checkDistribution(Path.of(configured));
        }
        Path unpacked = target().resolve("distribution");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                List<Path> found =
                        dirs.filter(d -> Files.isRegularFile(d.resolve("bin/karaf"))).toList();
                if (found.size() == 1) {
                    return found.get(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return checkDistribution(unpacked);
    }

    private static Path checkDistribution(Path dir) {
        if (!Files.isRegularFile(dir.resolve("bin/karaf"))) {
            throw new IllegalStateException(
                    "No unpacked distribution at "
                            + dir
                            + ": run the browser tests through Maven (mvn -B verify -pl webtests,"
                            + " which unpacks guangsha-distribution's tar.gz in"
                            + " pre-integration-test), after building the distribution.");
        }
        return dir.toAbsolutePath();
    }
}
