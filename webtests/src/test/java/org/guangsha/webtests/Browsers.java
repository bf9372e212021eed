package org.guangsha.webtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's Chromium through Debian's chromedriver, headless, in a fresh profile under {@code
 * target/chrome/}, in one of two sizes. The driver is given explicitly, so Selenium Manager never
 * runs and nothing is downloaded; Chromium is told not to phone home either.
 */
public final class Browsers {

    /** The two sizes the portal and the console are tested in. */
    public enum Size {
        /** A phone: 390×844 CSS pixels, device pixel ratio 3, touch, a mobile user agent. */
        PHONE(new Dimension(390, 844)),
        /** A caseworker's desktop: a 1366×900 window. */
        DESKTOP(new Dimension(1366, 900));

        private final Dimension dimension;

        Size(Dimension dimension) {
            this.dimension = dimension;
        }

        /** Width and height in CSS pixels. */
        public Dimension dimension() {
            return dimension;
        }
    }

    /** The user agent of {@link Size#PHONE}: Chrome on an Android phone. */
    public static final String PHONE_USER_AGENT =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/150.0.0.0 Mobile Safari/537.36";

    /**
     * Selenium warns on every start that it has no DevTools (CDP) classes for this Chromium: they
     * are not on the class path on purpose (selenium-java is not used), and nothing here needs
     * them. Held here because java.util.logging forgets loggers nobody references.
     */
    private static final Logger CDP_VERSION_FINDER =
            quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static final Logger CHROMIUM_DRIVER =
            quiet("org.openqa.selenium.chromium.ChromiumDriver");

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static boolean profilesCleared;

    private Browsers() {}

    /**
     * Fails (does not skip) when Chromium or chromedriver is missing: a browser test that does not
     * run must not look like one that passed.
     */
    public static void checkInstalled() {
        for (Path p : new Path[] {WebTestSettings.chromium(), WebTestSettings.chromedriver()}) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(
                        p
                                + " is missing: the browser tests need Debian's Chromium and its"
                                + " driver. Install them with `apt-get install chromium"
                                + " chromium-driver` (or run .ci/run, which does).");
            }
        }
    }

    /** A new headless Chromium of {@code size}. */
    public static ChromeDriver start(Size size) {
        checkInstalled();
        // For anything that still asks Selenium where the driver is: here, nowhere else.
        System.setProperty("webdriver.chrome.driver", WebTestSettings.chromedriver().toString());
        Path dir = newDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(WebTestSettings.chromium().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--password-store=basic",
                "--lang=zh-CN",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=" + size.dimension().width + "," + size.dimension().height);
        if (size == Size.PHONE) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of(
                                    "width",
                                    size.dimension().width,
                                    "height",
                                    size.dimension().height,
                                    "pixelRatio",
                                    3.0,
                                    "touch",
                                    true,
                                    "mobile",
                                    true),
                            "userAgent",
                            PHONE_USER_AGENT));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(WebTestSettings.chromedriver().toFile())
                        .usingAnyFreePort()
                        .withLogFile(dir.resolve("chromedriver.log").toFile())
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            if (size == Size.DESKTOP) {
                fitViewport(driver, size.dimension());
            } else {
                // The first site a fresh Chromium opens under mobile emulation reports
                // navigator.maxTouchPoints 0 about half of the time (Chromium 150); a first page
                // that is not a site takes that turn.
                driver.get("data:text/html,<title>warm-up</title>");
            }
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
        return driver;
    }

    /**
     * Makes the page area (not the window, which headless Chromium counts with some pixels of
     * browser frame) exactly {@code viewport}.
     */
    private static void fitViewport(ChromeDriver driver, Dimension viewport) {
        @SuppressWarnings("unchecked")
        List<Number> inner =
                (List<Number>) driver.executeScript("return [innerWidth, innerHeight];");
        int dw = viewport.width - inner.get(0).intValue();
        int dh = viewport.height - inner.get(1).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage()
                    .window()
                    .setSize(new Dimension(viewport.width + dw, viewport.height + dh));
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** target/chrome/&lt;n&gt;-…: the profile and the driver's log of one browser. */
    private static synchronized Path newDirectory() {
        Path root = WebTestSettings.target().resolve("chrome");
        try {
            if (!profilesCleared) {
                Karaf.deleteTree(root);
                profilesCleared = true;
            }
            Path dir = root.resolve(String.valueOf(COUNT.incrementAndGet()));
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
