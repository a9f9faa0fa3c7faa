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
    void demoCitizenOpensTheirWalletAndChecksTheirReferenceOnTheVerificationPage() {
        pages.visit("/login");
        pages.logIn("УБ90052114");
        pages.visit("/account");
        pages.follow(By.linkText("Миний баримт бичиг"));
        assertThat(pages.text(By.tagName("h1"))).isEqualTo("Миний баримт бичиг");
        assertThat(pages.text(By.cssSelector("main table"))).contains("Гэрлэлтийн байдлын лавлагаа", "Хүчинтэй", "Монгол (PDF)", "Англи (PDF)");
        assertAccessibleOnAPhone();

        // the demo reference's row: other browser tests in this context may have added documents to the wallet
        pages.follow(By.xpath("//main//tr[contains(., 'Гэрлэлтийн байдлын лавлагаа')]//a[starts-with(@href, '/verify/')]"));
        assertThat(pages.text(By.tagName("main"))).contains("Хүчинтэй баримт бичиг", "Б*** Б**-Э*****", "УБ******14",
                "Zasag Agency Seal GASR", "B-LT");
        assertThat(pages.text(By.tagName("main"))).doesNotContain("УБ90052114");
        assertAccessibleOnAPhone();
    }

    @Test
    void aVisitorTypingAMalformedOrUnknownCodeIsToldWhatIsWrong() {
        pages.visit("/verify");
        pages.type("code", "K7M2");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(pages.text(By.cssSelector(".error-summary"))).contains("8 үсэг, тооноос");
        assertAccessibleOnAPhone();

        pages.type("code", "0000-0000");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(pages.text(By.tagName("main"))).contains("Ийм кодтой баримт бичиг олдсонгүй");
        assertAccessibleOnAPhone();
    }

    @Test
    void theIssuingOfficerFindsTheDocumentAndSeesTheRevokeForm() {
        pages.visit("/login");
        pages.logIn("officer");
        pages.follow(By.linkText("Олгосон баримт бичиг"));
        pages.type("q", "УБ90052114");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertAccessibleOnAPhone();
        pages.follow(By.cssSelector("main table a[href^='/documents/issued/']"));
        assertThat(pages.text(By.tagName("h1"))).isEqualTo("Гэрлэлтийн байдлын лавлагаа");
        assertAccessibleOnAPhone();
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(pages.text(By.cssSelector(".error-summary"))).contains("Хүчингүй болгох шалтгааныг бичнэ үү");
        assertAccessibleOnAPhone();
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
