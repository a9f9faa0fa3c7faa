package mn.zasag.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * What the browser test classes share: the platform on a random port with the demo data (the same configuration
 * for all of them, so Spring starts one context), one headless chromium per class, and before each test a new
 * visitor — no cookies, a desktop window — with the {@link Pages} to move through the platform.
 */
@ExtendWith(HeadlessChromium.Installed.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "zasag.demo=true")
abstract class InChromium {

    static HeadlessChromium chromium;
    static ChromeDriver browser;

    @LocalServerPort
    int port;

    Pages pages;

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
            chromium = null;
        }
    }

    @BeforeEach
    void startAsNewVisitor() {
        pages = new Pages(browser, port);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
