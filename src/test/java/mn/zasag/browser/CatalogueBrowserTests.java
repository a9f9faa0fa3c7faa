package mn.zasag.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services catalogue in a real browser: a citizen on a phone searches in Cyrillic, opens the service and finds
 * the start button; the platform admin edits a service and meets the error summary. Every page checked with axe.
 * Same context as {@link BrowserJourneyTests} (demo data), so Spring starts it once for all browser tests.
 */
class CatalogueBrowserTests extends InChromium {


    @Test
    void aCitizenOnAPhoneFindsAServiceByACyrillicSearchAndFindsWhereToStart() {
        pages.emulatePhone(360, 780);
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
            pages.endPhone();
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

}
