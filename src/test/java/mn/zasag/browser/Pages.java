package mn.zasag.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;

/**
 * How the browser tests move through the platform's pages: every page reached by {@link #visit} or {@link #follow}
 * is checked with axe (WCAG 2.2 AA) before the test goes on, so no page of a journey escapes the check.
 */
final class Pages {

    static final String DEMO_PASSWORD = "Zasag-Demo-2026";

    private final ChromeDriver browser;
    private final int port;

    Pages(ChromeDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    void visit(String pathAndQuery) {
        browser.get("http://localhost:" + port + pathAndQuery);
        Accessibility.assertNoViolations(browser);
    }

    /** Clicks and waits until the next page has replaced this one and finished loading, then checks it. */
    void follow(By target) {
        WebElement current = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> gone(current));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Accessibility.assertNoViolations(browser);
    }

    /** Logs in on the login page the browser shows now. */
    void logIn(String login) {
        type("username", login);
        type("password", DEMO_PASSWORD);
        follow(By.cssSelector("form.stack button[type=submit]"));
    }

    void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    String text(By what) {
        return browser.findElement(what).getText().strip();
    }

    String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Lays the pages out as a phone of that size does, until {@link #endPhone}. */
    void emulatePhone(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    void endPhone() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /** Checks the current page with axe as a 360 × 780 phone shows it. */
    void assertAccessibleOnAPhone() {
        emulatePhone(360, 780);
        try {
            Accessibility.assertNoViolations(browser);
        } finally {
            endPhone();
        }
    }
}
