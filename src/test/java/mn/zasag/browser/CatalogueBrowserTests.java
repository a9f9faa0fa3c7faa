package mn.zasag.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The services catalogue in a real browser: a citizen on a phone searches in Cyrillic, opens the service and finds
 * the start button; the platform admin edits a service and meets the error summary. Every page checked with axe.
 * Same context as {@link BrowserJourneyTests} (demo data), so Spring starts it once for all browser tests.
 */
@ExtendWith(HeadlessChromium.Installed.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "zasag.demo=true")
class CatalogueBrowserTests {

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    private Pages pages;

    @BeforeAll
    static void startBrowser() {
        HeadlessChromium.assumeInstalled();
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startAsNewVisitor() {
        pages = new Pages(browser, port);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void aCitizenOnAPhoneFindsAServiceByACyrillicSearchAndFindsWhereToStart() {
        emulateScreen(360, 780);
        try {
            pages.visit("/");
            pages.follow(By.cssSelector(".site-nav a[href='/services']"));
            pages.type("q", "жолоодох эрхийн үнэмлэх сунгуулах");
            pages.follow(By.cssSelector("form.search button[type=submit]"));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("үйлчилгээ олдлоо");
            pages.follow(By.linkText("Жолоодох эрхийн үнэмлэх сунгуулах"));
            assertThat(browser.findElement(By.cssSelector("a.button.start")).getAttribute("href")).endsWith("/apply/dl-renewal");
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo((Long) browser.executeScript("return document.documentElement.clientWidth"));
            pages.follow(By.linkText("Жолоодох эрх"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Жолоодох эрх");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void thePlatformAdminEditsAServiceAndSeesTheErrorSummaryForABlankName() {
        pages.visit("/login");
        pages.type("username", "admin");
        pages.type("password", Pages.DEMO_PASSWORD);
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        pages.visit("/admin/services");
        pages.follow(By.linkText("MRPAM-002"));
        pages.type("nameMn", " ");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("Монгол нэрийг оруулна уу.");
    }

    private void emulateScreen(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

}
