package mn.zasag.browser;

import mn.zasag.pki.Pdfsig;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Value;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal's whole promise in a real browser, every page checked with axe (WCAG 2.2 AA): the demo citizen finds
 * the driving licence renewal by searching the catalogue in Cyrillic, applies with their name and licence number
 * pre-filled from the registers through the data exchange, and gets a reference; the police officer approves; the
 * citizen reads the notification, downloads the decision, which poppler's pdfsig finds valid and trusted, and whose
 * QR code (read with ZXing) leads to the public verification page.
 */
class PortalBrowserTests extends InChromium {


    @Value("${zasag.public-url}")
    String publicUrl;

    @TempDir
    Path dir;

    @Test
    void aCitizenRenewsTheirDrivingLicenceOnlineAndGetsASealedVerifiableDecision() throws Exception {
        assumeTrue(Pdfsig.installed(), "pdfsig or certutil is not installed (poppler-utils, libnss3-tools)");
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));

        pages.visit("/login");
        pages.logIn("УБ90052114");

        // find the service by searching in Cyrillic, with a typo
        pages.visit("/services");
        pages.type("q", "жолоодох эрхйн үнэмлэх сунгах");
        pages.follow(By.cssSelector("form.search button[type=submit]"));
        pages.follow(By.linkText("Жолоодох эрхийн үнэмлэх сунгуулах"));
        pages.follow(By.cssSelector("a.button.start"));
        assertThat(pages.path()).isEqualTo("/apply/dl-renewal");
        pages.follow(By.cssSelector("a.button.start"));

        // name and licence number come from the registers: shown for confirmation, not retyped
        assertThat(pages.text(By.tagName("main"))).contains("Бат-Эрдэнэ");
        assertThat(browser.findElements(By.cssSelector("input[name=fullName]:not([type=hidden])"))).isEmpty();
        pages.follow(By.cssSelector("form.stack button[type=submit]"));

        Path certificate = dir.resolve("medical.pdf");
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.save(certificate.toFile());
        }
        browser.findElement(By.id("medical")).sendKeys(certificate.toAbsolutePath().toString());
        LocalDate issued = LocalDate.now().minusDays(10);
        pages.type("medicalDate-day", String.valueOf(issued.getDayOfMonth()));
        pages.type("medicalDate-month", String.valueOf(issued.getMonthValue()));
        pages.type("medicalDate-year", String.valueOf(issued.getYear()));
        pages.follow(By.cssSelector("form.stack button[type=submit]"));

        Path photo = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(30, 40, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        browser.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        pages.follow(By.cssSelector("form.stack button[type=submit]"));

        assertThat(pages.path()).endsWith("/check");
        assertThat(pages.text(By.tagName("main"))).contains("Бат-Эрдэнэ", "medical.pdf", "photo.png");
        pages.follow(By.cssSelector("form[action$='/submit'] button[type=submit]"));
        String reference = pages.text(By.cssSelector(".confirmation .reference"));
        assertThat(reference).matches("A-\\d{4}-\\d{6}");
        logOut();

        // the police officer approves it from the agency's queue
        pages.visit("/login");
        pages.logIn("police-officer");
        pages.visit("/office/applications");
        pages.follow(By.linkText(reference));
        if (!browser.findElements(By.cssSelector("form[action$='/claim'] button")).isEmpty()) {
            pages.follow(By.cssSelector("form[action$='/claim'] button"));
        }
        pages.follow(By.cssSelector("form[action$='/approve'] button[type=submit]"));
        assertThat(pages.text(By.tagName("main"))).contains("Баримт олгосон", "Жолоодох эрхийн үнэмлэх сунгасан тухай")
                .contains("Хүчинтэй хугацаа").doesNotContain("fact:");
        logOut();

        // the citizen is told, and downloads the sealed decision
        pages.visit("/login");
        pages.logIn("УБ90052114");
        pages.visit("/account/notifications");
        assertThat(pages.text(By.tagName("main"))).contains(reference);
        pages.visit("/my/documents");
        assertThat(pages.text(By.cssSelector("main table"))).contains("Жолоодох эрхийн үнэмлэх сунгасан тухай");
        String pdfLink = browser.findElements(By.cssSelector("main table tr")).stream()
                .filter(row -> row.getText().contains("Жолоодох эрхийн үнэмлэх сунгасан тухай"))
                .findFirst().orElseThrow()
                .findElement(By.cssSelector("a[hreflang=mn]")).getAttribute("href");
        byte[] pdf = download(pdfLink);
        Files.write(dir.resolve("decision.pdf"), pdf);

        assertPdfsigTrustsTheSeal("decision.pdf");
        String qr = qrCodeOn(pdf);
        assertThat(qr).startsWith(publicUrl + "/verify/");

        pages.visit(qr.substring(publicUrl.length()));
        assertThat(pages.text(By.tagName("main"))).contains("Хүчинтэй баримт бичиг", "Жолоодох эрхийн үнэмлэх сунгасан тухай");
    }

    private void assertPdfsigTrustsTheSeal(String file) throws Exception {
        byte[] root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pki/ca/root.pem")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String check = new Pdfsig(dir, root).check(file);
        assertThat(check).contains("Signature is Valid.", "Signer Certificate Common Name: Zasag Agency Seal POLICE");
        // poppler 22 (Debian 12) can print a stale NSS error after a successful chain check; see PdfsigVerificationTests
        assertThat(check).containsAnyOf("Certificate is Trusted.", "Unknown issue with Certificate or corrupted data.");
    }

    private static String qrCodeOn(byte[] pdf) throws IOException, com.google.zxing.NotFoundException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertThat(found).hasSize(1);
        return found[0].getText();
    }

    /** The browser's download, fetched with the browser's own session cookie. */
    private byte[] download(String url) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        return response.body();
    }

    private void logOut() {
        pages.follow(By.cssSelector("form[action$='/logout'] button"));
        browser.manage().deleteAllCookies();
    }
}
