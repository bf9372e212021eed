package org.guangsha.webtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium opened by a test ({@link BrowserTestSupport#phone()}, {@link
 * BrowserTestSupport#desktop()}), with the few things page scenarios need again and again: open a
 * path of the distribution, wait for an element or a text, click, type, screenshot, and the browser
 * console. {@link #driver()} gives plain Selenium for the rest.
 */
public final class Browser {

    /** How long {@link #waiting()} waits by default. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Browsers.Size size;
    private final URI base;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<Pattern> allowedErrors =
            new ArrayList<>(
                    // Chrome asks every site for /favicon.ico by itself; a 404 there is no page
                    // error.
                    List.of(Pattern.compile("^\\S+/favicon\\.ico - Failed to load resource")));
    private boolean closed;

    Browser(ChromeDriver driver, Browsers.Size size, URI base) {
        this.driver = driver;
        this.size = size;
        this.base = base;
    }

    /** The Selenium driver. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Phone or desktop. */
    public Browsers.Size size() {
        return size;
    }

    /** Loads {@code path} (absolute: {@code /verify/X}, {@code /console/}) of the distribution. */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /**
     * Signs this browser in with a bearer token (from {@link Rest#login}), as the pages keep it: in
     * localStorage under {@code guangsha.token}; the page is loaded afresh so it reads it.
     */
    public Browser signIn(String token) {
        open("/");
        script("localStorage.setItem('guangsha.token', arguments[0]);", token);
        driver.navigate().refresh();
        return this;
    }

    /** A WebDriverWait of {@link #WAIT} that retries over stale elements (pages re-render). */
    public WebDriverWait waiting() {
        return waiting(WAIT);
    }

    /** A WebDriverWait of {@code timeout}. */
    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits until {@code condition} (see Selenium's ExpectedConditions) holds. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return waiting().until(condition);
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until an element's text contains {@code text} and returns the element. */
    public WebElement waitForText(By locator, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /**
     * Waits until an element is clickable, brings it to the middle of the window (fixed bars such
     * as the portal's tab bar would otherwise cover an element scrolled to the edge) and clicks it.
     */
    public Browser click(By locator) {
        WebElement element = waitUntil(ExpectedConditions.elementToBeClickable(locator));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        waitUntil(ExpectedConditions.elementToBeClickable(locator)).click();
        return this;
    }

    /** Waits until a field is visible, empties it and types {@code text}. */
    public Browser type(By locator, CharSequence text) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** The text a reader sees on the page ({@code body}'s innerText). */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Runs JavaScript in the page ({@code return ...} for a value). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the page is wider than the window (sideways scrolling on a phone is a bug). */
    public boolean scrollsSideways() {
        return (Boolean)
                script(
                        "return document.documentElement.scrollWidth >"
                                + " document.documentElement.clientWidth;");
    }

    /** Saves what the window shows to {@code target/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        Path file = WebTestSettings.screenshots().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Accepts SEVERE console entries matching {@code regex} (searched in the message), for pages
     * that fail on purpose: Chrome reports a page or a request answered 4xx/5xx as {@code <url> -
     * Failed to load resource: the server responded with a status of 404 (Not Found)}.
     */
    public Browser allowConsoleError(String regex) {
        allowedErrors.add(Pattern.compile(regex));
        return this;
    }

    /** Everything the browser console logged so far (JS errors, console.*, failed loads). */
    public List<LogEntry> consoleLog() {
        if (!closed) {
            console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        }
        return List.copyOf(console);
    }

    /** SEVERE console entries (uncaught JS errors, console.error, failed loads) not allowed. */
    public List<LogEntry> consoleErrors() {
        return consoleLog().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(
                        e ->
                                allowedErrors.stream()
                                        .noneMatch(p -> p.matcher(e.getMessage()).find()))
                .toList();
    }

    /** Fails listing the SEVERE console entries, if there are any. */
    public void assertNoConsoleErrors() {
        List<LogEntry> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError(
                    "The browser console ("
                            + size
                            + ", at "
                            + driver.getCurrentUrl()
                            + ") has errors:\n"
                            + errors.stream()
                                    .map(e -> "  " + e.getLevel() + " " + e.getMessage())
                                    .collect(Collectors.joining("\n")));
        }
    }

    /** Saves screenshot, HTML and console log as {@code target/screenshots/<name>.*}. */
    void saveEvidence(String name) {
        Path dir = WebTestSettings.screenshots();
        try {
            screenshot(name);
            Files.writeString(
                    dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve(name + ".console.txt"),
                    consoleLog().stream()
                            .map(
                                    e ->
                                            Instant.ofEpochMilli(e.getTimestamp())
                                                    + " "
                                                    + e.getLevel()
                                                    + " "
                                                    + e.getMessage())
                            .collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // evidence is a help; the test's own failure is what gets reported
        }
    }

    /** Quits the browser. */
    public void close() {
        if (!closed) {
            try {
                consoleLog();
            } catch (RuntimeException ignored) {
                // the browser may already be gone
            }
            closed = true;
            driver.quit();
        }
    }
}
