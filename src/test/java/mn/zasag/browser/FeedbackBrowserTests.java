package mn.zasag.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 11-11 journey in a real browser: a citizen on a phone sends the form and keeps the reference, the
 * demo GASR officer answers from the queue, the citizen reads the answer; every page checked with axe.
 * Same context as {@link BrowserJourneyTests} (demo data), so Spring starts it once for both.
 */
class FeedbackBrowserTests extends InChromium {

    private static final String DEMO_PASSWORD = "Zasag-Demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void aCitizenOnAPhoneSendsAComplaintAndTheOfficerAnswersIt() throws IOException {
        emulateScreen(360, 780);
        try {
            visit("/feedback");
            new Select(browser.findElement(By.id("category"))).selectByValue("civil_registration");
            type("text", "Хүүхдийн төрсний гэрчилгээ 2 сар гараагүй байна.");
            type("contactPhone", "95123456");
            follow(By.cssSelector("form.stack button[type=submit]"));
            String reference = browser.findElement(By.id("reference")).getText().strip();
            assertThat(reference).matches("11-\\d{4}-\\d{6}");
            screenshot("feedback-sent-phone.png");
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo((Long) browser.executeScript("return document.documentElement.clientWidth"));

            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            visit("/login");
            type("username", "officer");
            type("password", DEMO_PASSWORD);
            follow(By.cssSelector("form.stack button[type=submit]"));
            follow(By.linkText("Манай байгууллагын 11-11 хүсэлтүүд"));
            follow(By.linkText(reference));
            follow(By.xpath("//button[normalize-space()='Энэ хүсэлтийг хариуцах']"));
            type("answer-text", "Гэрчилгээг 12 сарын 5-нд Баянзүрх дүүргийн хэлтсээс авна уу.");
            follow(By.xpath("//button[normalize-space()='Хариу илгээх']"));
            assertThat(browser.findElement(By.cssSelector(".case-status")).getText()).isEqualTo("Хариу өгсөн");
            follow(By.cssSelector("form[action$='/logout'] button"));

            emulateScreen(360, 780);
            visit("/feedback/track");
            type("reference", reference);
            type("contact", "95123456");
            follow(By.cssSelector("form.stack button[type=submit]"));
            assertThat(browser.findElement(By.cssSelector(".case-answer")).getText()).contains("12 сарын 5-нд");
            screenshot("feedback-answer-phone.png");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aProgramDisguisedAsAPhotoIsRefusedAndTheAcceptedFileAndTextAreKept() throws Exception {
        Path dir = Files.createTempDirectory("feedback-files");
        Path fake = dir.resolve("photo.jpg");
        Files.write(fake, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0});
        Path pdf = dir.resolve("statement.pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        visit("/feedback?lang=en");
        new Select(browser.findElement(By.id("category"))).selectByValue("public_order");
        type("text", "Someone broke the bus stop glass; photo and statement attached.");
        type("contactPhone", "95123457");
        browser.findElement(By.id("files")).sendKeys(fake + "\n" + pdf);
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.id("files-error")).getText()).contains("photo.jpg").contains("cannot be attached");
        assertThat(browser.findElement(By.id("text")).getAttribute("value")).contains("bus stop glass");
        assertThat(browser.findElement(By.cssSelector(".kept-files")).getText()).contains("statement.pdf");
        screenshot("feedback-file-refused.png");

        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.id("reference")).getText().strip()).matches("11-\\d{4}-\\d{6}");
    }

    /** Over real HTTP: a file above the 5 MB limit (but within the request limit) gets the form back with a message, not an error page. */
    @Test
    void aTooLargeFileOverRealHttpGetsTheFormBackWithAMessage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/feedback?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = String.join("; ", form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String boundary = "zasag" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"_csrf", csrf.group(1)}, {"kind", "COMPLAINT"}, {"category", "other"},
                {"text", "A very large scan"}, {"contactPhone", "95123458"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[12 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/feedback?lang=en"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The file «scan.pdf» is empty or larger than 5 MB").contains("A very large scan");
    }

    @Test
    void theKioskAndTheDashboardAreAccessible() throws IOException {
        emulateScreen(1080, 1920);
        try {
            visit("/feedback/kiosk");
            WebElement choice = browser.findElement(By.cssSelector(".kiosk-choice label"));
            assertThat(choice.getSize().getHeight()).isGreaterThanOrEqualTo(64);
            screenshot("feedback-kiosk.png");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        visit("/feedback/stats");
    }

    private void visit(String pathAndQuery) {
        browser.get("http://localhost:" + port + pathAndQuery);
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

    private void follow(By target) {
        WebElement current = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> gone(current));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Accessibility.assertNoViolations(browser);
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private void emulateScreen(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
