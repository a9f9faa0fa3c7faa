package mn.zasag.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * What a person sees in a real browser: the journeys through the public pages, registration and login,
 * each page checked for WCAG 2.2 AA with axe. One browser serves the whole class, and every test starts
 * with its cookies cleared, so each begins as a new visitor.
 */
class BrowserJourneyTests extends InChromium {

    private static final String DEMO_PASSWORD = "Zasag-Demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void homePageSpeaksMongolianUntilTheVisitorChoosesEnglish() {
        visit("/");
        assertThat(language()).isEqualTo("mn");
        assertThat(heading()).isEqualTo("Төрийн үйлчилгээ нэг дороос").matches("[\\p{IsCyrillic} ]+");
        assertThat(browser.getTitle()).isEqualTo("Засаг — цахим засаглалын платформ");

        follow(By.cssSelector("a[hreflang=en]"));
        assertThat(language()).isEqualTo("en");
        assertThat(heading()).isEqualTo("Public services in one place");

        // the choice is remembered on the next page without asking again
        visit("/login");
        assertThat(language()).isEqualTo("en");
        assertThat(heading()).isEqualTo("Log in");

        follow(By.cssSelector("a[hreflang=mn]"));
        assertThat(path()).isEqualTo("/login");
        assertThat(language()).isEqualTo("mn");
        assertThat(heading()).isEqualTo("Нэвтрэх");
    }

    @Test
    void aNewBrowserSessionCountsOneVisitAndReloadingCountsNone() {
        visit("/");
        long before = counter("visits-total");

        browser.manage().deleteAllCookies();
        visit("/");
        long afterNewSession = counter("visits-total");
        assertThat(afterNewSession).isEqualTo(before + 1);
        assertThat(counter("visits-month")).isPositive().isLessThanOrEqualTo(counter("visits-year"));
        assertThat(counter("visits-year")).isLessThanOrEqualTo(afterNewSession);

        browser.navigate().refresh();
        assertThat(counter("visits-total")).as("a reload is the same visit").isEqualTo(afterNewSession);
        visit("/login");
        visit("/");
        assertThat(counter("visits-total")).as("so is browsing around").isEqualTo(afterNewSession);
    }

    @Test
    void citizenRegistersLogsInSeesTheirRegisterNumberAndLogsOut() {
        visit("/register");
        type("registerNumber", "ТА01230512");
        type("familyName", "Батболд");
        type("givenName", "Сараа");
        type("mobile", "9988 7766");
        type("email", "saraa@example.mn");
        type("password", "Нууц-үг-2026-tal");
        type("passwordConfirmation", "Нууц-үг-2026-tal");
        follow(By.cssSelector("form.stack button[type=submit]"));

        assertThat(path()).isEqualTo("/login");
        assertThat(text(By.cssSelector(".notice.success"))).isEqualTo("Бүртгэл амжилттай үүслээ. Одоо нэвтэрнэ үү.");

        logIn("та01230512", "Нууц-үг-2026-tal");
        assertThat(path()).isEqualTo("/account");
        assertThat(heading()).isEqualTo("Миний бүртгэл");
        assertThat(row("Регистрийн дугаар")).isEqualTo("ТА01230512");
        assertThat(row("Гар утасны дугаар")).isEqualTo("+97699887766");
        assertThat(text(By.cssSelector(".site-nav"))).contains("Сараа");

        follow(By.linkText("Хандалтын түлхүүр"));
        assertThat(path()).isEqualTo("/account/tokens");
        assertThat(text(By.tagName("main"))).contains("Түлхүүр алга.");
        assertAccessibleOnAPhone();
        visit("/account");
        follow(By.linkText("Нууц үг солих"));
        assertThat(path()).isEqualTo("/account/password");
        assertThat(heading()).isEqualTo("Нууц үг солих");

        logOut();
        assertThat(path()).isEqualTo("/");
        assertThat(browser.findElements(By.linkText("Нэвтрэх"))).hasSize(1);
        visit("/account");
        assertThat(path()).as("the account page needs a login again").isEqualTo("/login");
    }

    @Test
    void invalidRegistrationExplainsEachProblemAndKeepsWhatWasTyped() {
        visit("/register");
        type("registerNumber", "AB12345678");
        type("familyName", "Батболд");
        type("givenName", "Сараа");
        type("mobile", "99887766");
        type("email", "saraa@example.mn");
        type("password", "Нууц-үг-2026-tal");
        type("passwordConfirmation", "Өөр-нууц-үг-2026");
        follow(By.cssSelector("form.stack button[type=submit]"));

        assertThat(path()).isEqualTo("/register");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Алдаа гарлаа");
        assertThat(summary.findElements(By.cssSelector("a[href='#registerNumber'], a[href='#passwordConfirmation']")))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder(
                        "Регистрийн дугаарын үсгийг латинаар биш кириллээр бичнэ үү.",
                        "Давтан оруулсан нууц үг таарахгүй байна.");

        assertThat(text(By.id("registerNumber-error"))).isEqualTo("Регистрийн дугаарын үсгийг латинаар биш кириллээр бичнэ үү.");
        assertThat(text(By.id("passwordConfirmation-error"))).isEqualTo("Давтан оруулсан нууц үг таарахгүй байна.");
        WebElement registerNumber = browser.findElement(By.id("registerNumber"));
        assertThat(registerNumber.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(registerNumber.getDomAttribute("aria-describedby")).contains("registerNumber-error");
        assertThat(browser.findElements(By.cssSelector(".error-message"))).hasSize(2);

        assertThat(value("registerNumber")).isEqualTo("AB12345678");
        assertThat(value("familyName")).isEqualTo("Батболд");
        assertThat(value("givenName")).isEqualTo("Сараа");
        assertThat(value("mobile")).isEqualTo("99887766");
        assertThat(value("email")).isEqualTo("saraa@example.mn");
        assertAccessibleOnAPhone();
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({
            "УБ90052114,  /account,        Миний бүртгэл",
            "officer,     /officer,        Албан хаагчийн хуудас",
            "agencyadmin, /admin/staff,    Ажилтны бүртгэл",
            "admin,       /admin/agencies, Төрийн байгууллагууд"})
    void eachDemoRoleLandsOnItsOwnPage(String login, String landing, String landingHeading) {
        visit("/login");
        logIn(login, DEMO_PASSWORD);

        assertThat(path()).isEqualTo(landing);
        assertThat(heading()).isEqualTo(landingHeading);
        assertAccessibleOnAPhone();

        logOut();
        assertThat(path()).isEqualTo("/");
    }

    @Test
    void platformAdminReadsAndVerifiesTheAuditTrail() {
        visit("/login");
        logIn("admin", DEMO_PASSWORD);
        follow(By.linkText("Аудитын бүртгэл"));

        assertThat(path()).isEqualTo("/audit");
        assertThat(heading()).isEqualTo("Аудитын бүртгэл");
        assertThat(text(By.id("audit-scope"))).isEqualTo("Та бүх байгууллагын бичлэгийг харж байна.");
        assertThat(text(By.cssSelector("main table tbody"))).as("the admin's own login is on record").contains("Нэвтэрсэн", "admin");
        assertAccessibleOnAPhone();

        follow(By.xpath("//button[normalize-space()='Хэлхээг шалгах']"));
        assertThat(text(By.id("verification"))).startsWith("Хэлхээ бүрэн бүтэн байна");
    }

    @Test
    void platformAdminFindsTheWelcomeEmailInTheOutboxAndPreviewsAnEditedTemplate() {
        visit("/login");
        logIn("admin", DEMO_PASSWORD);
        follow(By.linkText("Мэдэгдлүүд"));

        assertThat(path()).isEqualTo("/admin/notifications");
        assertThat(heading()).isEqualTo("Мэдэгдлүүд");
        type("recipient", "bat-erdene@example.mn");
        follow(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(text(By.cssSelector("main table tbody"))).as("the demo citizen's welcome, kept: no SMTP server in the demo")
                .contains("bat-erdene@example.mn", "account_registered");
        assertAccessibleOnAPhone();

        follow(By.cssSelector("main table tbody a"));
        assertThat(text(By.id("subject"))).isEqualTo("Засаг: бүртгэл үүслээ");
        assertThat(text(By.id("body"))).contains("Сайн байна уу, Бат-Эрдэнэ.");

        visit("/admin/notifications/templates");
        follow(By.cssSelector("a[href$='/account_registered/mn']"));
        assertThat(text(By.id("preview-subject"))).isEqualTo("Засаг: бүртгэл үүслээ");
        type("emailSubject", "Засаг: тавтай морил, {name}");
        follow(By.xpath("//button[normalize-space()='Урьдчилан харах']"));

        assertThat(text(By.id("preview-subject"))).isEqualTo("Засаг: тавтай морил, Сараа");
        assertThat(text(By.id("preview-sms-encoding"))).contains("Юникод (UCS-2)");
        assertAccessibleOnAPhone();
    }

    @Test
    void wrongPasswordIsRefusedInTheVisitorsLanguage() {
        visit("/login");
        logIn("officer", "not-the-password");
        assertThat(path()).isEqualTo("/login");
        assertThat(text(By.cssSelector(".error-summary p"))).isEqualTo("Нэвтрэх нэр эсвэл нууц үг буруу байна.");

        visit("/login?lang=en");
        logIn("officer", "still-not-the-password");
        assertThat(path()).isEqualTo("/login");
        assertThat(text(By.cssSelector(".error-summary p"))).isEqualTo("The login or password is wrong.");
        assertThat(browser.findElements(By.cssSelector("form[action$='/logout']"))).as("nobody is logged in").isEmpty();
    }

    @Test
    void unknownPageShowsTheFriendlyNotFoundPage() {
        visit("/no-such-page");
        assertThat(heading()).isEqualTo("Хуудас олдсонгүй");
        assertThat(text(By.cssSelector("main .lead"))).isEqualTo("Таны хайсан хуудас байхгүй эсвэл шилжсэн байна. Хаягаа шалгана уу.");
        assertThat(text(By.tagName("body"))).doesNotContainIgnoringCase("exception").doesNotContain("Whitelabel");

        follow(By.linkText("Нүүр хуудас руу буцах"));
        assertThat(path()).isEqualTo("/");
    }

    @Test
    void homePageFitsAPhoneAndADesktop() throws IOException {
        try {
            emulateScreen(360, 780, true);
            visit("/");
            assertThat(viewportWidth()).isEqualTo(360);
            assertThat(scrollWidth()).as("nothing sticks out sideways on a 360 px phone").isLessThanOrEqualTo(360);
            screenshot("home-360.png");

            emulateScreen(1920, 1080, false);
            visit("/");
            assertThat(viewportWidth()).isEqualTo(1920);
            assertThat(scrollWidth()).isLessThanOrEqualTo(1920);
            screenshot("home-1920x1080.png");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void accessibilityCheckReportsWhatIsWrongAndWhere() {
        visit("/");
        browser.executeScript("""
                const img = document.createElement('img');
                img.src = '/favicon.svg';
                img.id = 'unlabelled';
                document.querySelector('main').append(img);""");

        assertThatThrownBy(() -> Accessibility.assertNoViolations(browser))
                .as("a check that cannot fail would prove nothing about the other pages")
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("#unlabelled");
    }

    @Test
    void registrationOfficerFindsADemoPersonByLatinNameAndOpensTheirHistory() {
        visit("/login");
        logIn("officer", DEMO_PASSWORD);
        follow(By.linkText("Иргэний бүртгэл"));
        assertThat(heading()).isEqualTo("Иргэний бүртгэл");

        type("q", "Bat-Erdene Bold");
        type("purpose", "Өргөдөл №1");
        follow(By.cssSelector("form.stack button[type=submit]"));
        follow(By.linkText("УБ90052114"));

        assertThat(heading()).isEqualTo("Болд Бат-Эрдэнэ");
        assertThat(text(By.cssSelector("main")).contains("Гэрлэлт")).isTrue();
        assertAccessibleOnAPhone();

        follow(By.linkText("Хаяг өөрчлөх"));
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.cssSelector(".error-summary"))).contains("Энэ талбарыг бөглөнө үү.");
        visit("/registry/births");
        assertThat(heading()).isEqualTo("Төрөлт бүртгэх");
        visit("/registry/persons/УБ90052114/events/NAME_CHANGE");
        assertThat(heading()).isEqualTo("Нэр өөрчлөлт бүртгэх");
    }

    @Test
    void demoCitizenSeesTheirOwnCivilRecord() {
        visit("/login");
        logIn("УБ90052114", DEMO_PASSWORD);
        follow(By.linkText("Миний мэдээлэл (иргэний бүртгэл)"));

        assertThat(heading()).isEqualTo("Миний мэдээлэл");
        assertThat(text(By.cssSelector("main table"))).contains("УБ90052114", "Бат-Эрдэнэ");
        assertAccessibleOnAPhone();
    }

    @Test
    void registrationOfficerFindsADemoCompanyAndAPropertyAndOpensTheirForms() {
        visit("/login");
        logIn("officer", DEMO_PASSWORD);
        follow(By.linkText("Хуулийн этгээдийн бүртгэл"));
        assertThat(heading()).isEqualTo("Хуулийн этгээдийн бүртгэл");
        type("q", "bat-erdene treid");
        type("purpose", "Өргөдөл №1");
        follow(By.cssSelector("form.stack button[type=submit]"));
        follow(By.linkText("2085014"));
        assertThat(heading()).isEqualTo("Бат-Эрдэнэ Трейд");
        assertThat(text(By.cssSelector("main"))).contains("УБ90052114", "Улсын бүртгэлд бүртгэсэн");
        assertAccessibleOnAPhone();
        follow(By.linkText("Үүсгэн байгуулагч өөрчлөх"));
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.cssSelector(".error-summary"))).contains("Энэ талбарыг бөглөнө үү.");
        visit("/entities/new");
        assertThat(heading()).isEqualTo("Хуулийн этгээд бүртгэх");
        visit("/entities/references");
        assertThat(heading()).isEqualTo("Хуулийн этгээдэд бүртгэлгүй тухай тодорхойлолт");

        visit("/property?q=УБ90052114&purpose=Өргөдөл");
        follow(By.linkText("Ү-1809201455"));
        assertThat(text(By.cssSelector("main"))).contains("Хөх Тэнгэр Банк", "Барьцаа бүртгэсэн");
        assertAccessibleOnAPhone();
        visit("/property/new");
        assertThat(heading()).isEqualTo("Эд хөрөнгийн эрх бүртгэх");
        visit("/property/Ү-1809201455/transfer");
        visit("/property/Ү-1809201455/encumbrances");
    }

    @Test
    void demoCitizenSeesTheirCompanyAndFlatAndGetsAReference() {
        visit("/login");
        logIn("УБ90052114", DEMO_PASSWORD);
        follow(By.linkText("Миний мэдээлэл (иргэний бүртгэл)"));
        follow(By.linkText("Миний хуулийн этгээдүүд"));
        assertThat(text(By.cssSelector("main"))).contains("Бат-Эрдэнэ Трейд", "60%");
        follow(By.cssSelector("form[action$='/my-data/entities/reference'] button"));
        assertThat(text(By.cssSelector("main"))).contains("Тодорхойлолт № ЛБ-");
        assertAccessibleOnAPhone();
        follow(By.linkText("Миний эд хөрөнгө"));
        assertThat(text(By.cssSelector("main"))).contains("Ү-1809201455", "Хөх Тэнгэр Банк");
        assertAccessibleOnAPhone();
    }

    // --- what a person does -------------------------------------------------------------------------

    /** Opens a page by its address and checks it for accessibility. */
    @Test
    void demoCitizenSeesTheirVehiclesTaxesContributionsAndCustomsDebts() throws IOException {
        visit("/login");
        logIn("УБ90052114", DEMO_PASSWORD);
        follow(By.linkText("Миний мэдээлэл (иргэний бүртгэл)"));
        follow(By.linkText("Миний тээврийн хэрэгсэл"));
        assertThat(heading()).isEqualTo("Миний тээврийн хэрэгсэл");
        assertThat(text(By.cssSelector("main"))).contains("1234УБА", "5678УНБ", "Хугацаа хэтэрсэн", "Эзэмшигч солигдсон");
        assertAccessibleOnAPhone();
        screenshot("my-vehicles.png");
        visit("/my-data/tax");
        assertThat(text(By.cssSelector("main"))).contains("татварын өргүй", "Тээврийн хэрэгслийн албан татвар");
        assertAccessibleOnAPhone();
        visit("/my-data/social-insurance");
        assertThat(text(By.cssSelector("main"))).contains("Даатгуулсан сар: 24");
        assertAccessibleOnAPhone();
        visit("/my-data/customs");
        assertThat(text(By.cssSelector("main"))).contains("Гаалийн өргүй");
        assertAccessibleOnAPhone();
    }

    @Test
    void transportOfficerFindsTheDemoCitizensVehicleAndOtherRegistriesReadWithAPurpose() {
        visit("/login");
        logIn("mrt-officer", DEMO_PASSWORD);
        follow(By.linkText("Тээврийн хэрэгслийн бүртгэл"));
        assertThat(heading()).isEqualTo("Тээврийн хэрэгслийн бүртгэл");
        type("q", "УБ90052114");
        type("purpose", "Өргөдөл №1");
        follow(By.cssSelector("form.stack button[type=submit]"));
        follow(By.linkText("1234УБА"));
        assertThat(heading()).isEqualTo("1234УБА — Toyota Prius");
        assertThat(text(By.cssSelector("main"))).contains("Эзэмшигч солигдсон", "Хүчинтэй");
        assertAccessibleOnAPhone();
        follow(By.linkText("Эзэмшигч солих"));
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.cssSelector(".error-summary"))).contains("Энэ талбарыг бөглөнө үү.");
        assertAccessibleOnAPhone();
        visit("/vehicles/new");
        assertAccessibleOnAPhone();
        visit("/tax?q=УБ90052114&purpose=Шалгалт");
        assertThat(text(By.cssSelector("main"))).contains("татварын өргүй");
        assertAccessibleOnAPhone();
        visit("/social-insurance/persons/УБ90052114?purpose=Шалгалт");
        assertThat(text(By.cssSelector("main"))).contains("Даатгуулсан сар: 24");
        assertAccessibleOnAPhone();
        visit("/customs/debtors/2012345?purpose=Шалгалт");
        assertThat(text(By.cssSelector("main"))).contains("Төлөгдөөгүй");
        assertAccessibleOnAPhone();
        visit("/tax/taxpayers/5012345/entries");
        assertAccessibleOnAPhone();
    }

    private void visit(String pathAndQuery) {
        browser.get("http://localhost:" + port + pathAndQuery);
        Accessibility.assertNoViolations(browser);
    }

    /**
     * Whether the element belongs to a page that was replaced. Chromium sometimes answers a question about
     * an element of the page being torn down with "does not belong to the document" rather than "stale".
     */
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

    /** Clicks a link or button that leads to another page, waits for it, and checks it for accessibility. */
    private void follow(By target) {
        WebElement current = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> gone(current));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Accessibility.assertNoViolations(browser);
    }

    /**
     * Checks the page again as a 360 px phone lays it out: tables that fit a desktop have to scroll
     * there, and what scrolls has to be reachable by keyboard.
     */
    private void assertAccessibleOnAPhone() {
        emulateScreen(360, 780, true);
        try {
            Accessibility.assertNoViolations(browser);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private void logIn(String login, String password) {
        type("username", login);
        type("password", password);
        follow(By.cssSelector("form.stack button[type=submit]"));
    }

    private void logOut() {
        follow(By.cssSelector("form[action$='/logout'] button"));
    }

    // --- what a person reads ------------------------------------------------------------------------

    private String language() {
        return browser.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private String heading() {
        return text(By.tagName("h1"));
    }

    private String text(By what) {
        return browser.findElement(what).getText().strip();
    }

    private String value(String field) {
        return browser.findElement(By.id(field)).getDomProperty("value");
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    /** The value in the table row headed {@code header}. */
    private String row(String header) {
        return text(By.xpath("//tr[th[normalize-space()='" + header + "']]/td"));
    }

    /** Counters are grouped by thin spaces for reading (12 345); the digits are the number. */
    private long counter(String id) {
        return Long.parseLong(text(By.id(id)).replaceAll("\\D", ""));
    }

    private long viewportWidth() {
        return (Long) browser.executeScript("return document.documentElement.clientWidth");
    }

    private long scrollWidth() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth");
    }

    /**
     * Lays the page out as on a screen this size; DevTools rather than the window size, so that the
     * viewport is exactly this wide (a window would spend 15 px on a scroll bar that phones overlay).
     */
    private void emulateScreen(int width, int height, boolean phone) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
    }

    /** The whole page, however long, as it looks on the screen emulated now; for people to look at. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
