package mn.zasag.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named by path. Naming them keeps Selenium
 * Manager out of the way entirely: it only runs when a driver path is missing, and it would then try to
 * download a browser and a driver, which neither CI nor a developer's machine can reach.
 */
final class HeadlessChromium implements AutoCloseable {

    /** Debian's paths; another system can name its own with -Dzasag.browser.chromium=... and ...chromedriver=... */
    static final Path CHROMIUM = Path.of(System.getProperty("zasag.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("zasag.browser.chromedriver", "/usr/bin/chromedriver"));

    static {
        // Belt and braces: should Selenium Manager run after all, Selenium hands it every SE_* system
        // property as an environment variable, and these two forbid any download.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Skips the calling test class, rather than failing it, on a machine without Debian's chromium and
     * chromium-driver packages; {@code .ci/run} installs both.
     */
    static void assumeInstalled() {
        Optional<String> missing = missing();
        assumeTrue(missing.isEmpty(), missing::orElseThrow);
    }

    /**
     * Skips a whole test class before its Spring context starts, each test listed as skipped with the
     * reason. Surefire reports a class whose {@code @BeforeAll} assumption failed as zero tests run, which
     * hides the skip; {@link #assumeInstalled()} still guards any class without this extension.
     */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return missing().map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("chromium and chromedriver installed"));
        }
    }

    private static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of("chromium not installed: no executable " + CHROMIUM + " (apt-get install chromium chromium-driver)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("chromedriver not installed: no executable " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    /** A new browser with an empty profile of its own: no cookies, cache or history from any other run. */
    static HeadlessChromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("zasag-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                // the tests run as root in CI, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--disable-gpu",
                // small containers give /dev/shm only 64 MB
                "--disable-dev-shm-usage",
                // nothing but the app under test is reachable, so nothing else may be asked for
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--password-store=basic",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        options.setScriptTimeout(Duration.ofSeconds(60));

        File log = Path.of("target", "chromedriver.log").toFile();
        log.getParentFile().mkdirs();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(log)
                .build();
        try {
            return new HeadlessChromium(profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp directory is no reason to fail a test run
        }
    }
}
