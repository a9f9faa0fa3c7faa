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
 * Issued documents in a real browser, each page checked for WCAG 2.2 AA with axe (on a phone too): the demo
 * citizen's wallet, the public verification of its code, a mistyped and an unknown code, and the issuing
 * officer's list and revoke form. The demo document is not revoked here: other browser tests share the context.
 */
@ExtendWith(HeadlessChromium.Installed.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "zasag.demo=true")
class DocumentsBrowserTests {

    private static final String DEMO_PASSWORD = "Zasag-Demo-2026";
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

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
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void demoCitizenOpensTheirWalletAndChecksTheirReferenceOnTheVerificationPage() {
        visit("/login");
        logIn("УБ90052114");
        visit("/account");
        follow(By.linkText("Миний баримт бичиг"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Миний баримт бичиг");
        assertThat(text(By.cssSelector("main table"))).contains("Гэрлэлтийн байдлын лавлагаа", "Хүчинтэй", "Монгол (PDF)", "Англи (PDF)");
        assertAccessibleOnAPhone();

        follow(By.cssSelector("main table a[href^='/verify/']"));
        assertThat(text(By.tagName("main"))).contains("Хүчинтэй баримт бичиг", "Б*** Б**-Э*****", "УБ******14",
                "Zasag Agency Seal GASR", "B-LT");
        assertThat(text(By.tagName("main"))).doesNotContain("УБ90052114");
        assertAccessibleOnAPhone();
    }

    @Test
    void aVisitorTypingAMalformedOrUnknownCodeIsToldWhatIsWrong() {
        visit("/verify");
        type("code", "K7M2");
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.cssSelector(".error-summary"))).contains("8 үсэг, тооноос");
        assertAccessibleOnAPhone();

        type("code", "0000-0000");
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.tagName("main"))).contains("Ийм кодтой баримт бичиг олдсонгүй");
        assertAccessibleOnAPhone();
    }

    @Test
    void theIssuingOfficerFindsTheDocumentAndSeesTheRevokeForm() {
        visit("/login");
        logIn("officer");
        follow(By.linkText("Олгосон баримт бичиг"));
        type("q", "УБ90052114");
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertAccessibleOnAPhone();
        follow(By.cssSelector("main table a[href^='/documents/issued/']"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Гэрлэлтийн байдлын лавлагаа");
        assertAccessibleOnAPhone();
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.cssSelector(".error-summary"))).contains("Хүчингүй болгох шалтгааныг бичнэ үү");
        assertAccessibleOnAPhone();
    }

    private void visit(String path) {
        browser.get("http://localhost:" + port + path);
        Accessibility.assertNoViolations(browser);
    }

    private void logIn(String login) {
        type("username", login);
        type("password", DEMO_PASSWORD);
        follow(By.cssSelector("form.stack button[type=submit]"));
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private String text(By what) {
        return browser.findElement(what).getText().strip();
    }

    private void follow(By target) {
        WebElement current = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> gone(current));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Accessibility.assertNoViolations(browser);
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

    private void assertAccessibleOnAPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        try {
            Accessibility.assertNoViolations(browser);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
