package mn.zasag.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issued documents in a real browser, each page checked for WCAG 2.2 AA with axe (on a phone too): the demo
 * citizen's wallet, the public verification of its code, a mistyped and an unknown code, and the issuing
 * officer's list and revoke form. The demo document is not revoked here: other browser tests share the context.
 */
class DocumentsBrowserTests extends InChromium {


    @Test
    void demoCitizenOpensTheirWalletAndChecksTheirReferenceOnTheVerificationPage() {
        pages.visit("/login");
        pages.logIn("УБ90052114");
        pages.visit("/account");
        pages.follow(By.linkText("Миний баримт бичиг"));
        assertThat(pages.text(By.tagName("h1"))).isEqualTo("Миний баримт бичиг");
        assertThat(pages.text(By.cssSelector("main table"))).contains("Гэрлэлтийн байдлын лавлагаа", "Хүчинтэй", "Монгол (PDF)", "Англи (PDF)");
        pages.assertAccessibleOnAPhone();

        // the demo reference's row: other browser tests in this context may have added documents to the wallet
        pages.follow(By.xpath("//main//tr[contains(., 'Гэрлэлтийн байдлын лавлагаа')]//a[starts-with(@href, '/verify/')]"));
        assertThat(pages.text(By.tagName("main"))).contains("Хүчинтэй баримт бичиг", "Б*** Б**-Э*****", "УБ******14",
                "Zasag Agency Seal GASR", "B-LT");
        assertThat(pages.text(By.tagName("main"))).doesNotContain("УБ90052114");
        pages.assertAccessibleOnAPhone();
    }

    @Test
    void aVisitorTypingAMalformedOrUnknownCodeIsToldWhatIsWrong() {
        pages.visit("/verify");
        pages.type("code", "K7M2");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(pages.text(By.cssSelector(".error-summary"))).contains("8 үсэг, тооноос");
        pages.assertAccessibleOnAPhone();

        pages.type("code", "0000-0000");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(pages.text(By.tagName("main"))).contains("Ийм кодтой баримт бичиг олдсонгүй");
        pages.assertAccessibleOnAPhone();
    }

    @Test
    void theIssuingOfficerFindsTheDocumentAndSeesTheRevokeForm() {
        pages.visit("/login");
        pages.logIn("officer");
        pages.follow(By.linkText("Олгосон баримт бичиг"));
        pages.type("q", "УБ90052114");
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        pages.assertAccessibleOnAPhone();
        pages.follow(By.cssSelector("main table a[href^='/documents/issued/']"));
        assertThat(pages.text(By.tagName("h1"))).isEqualTo("Гэрлэлтийн байдлын лавлагаа");
        pages.assertAccessibleOnAPhone();
        pages.follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(pages.text(By.cssSelector(".error-summary"))).contains("Хүчингүй болгох шалтгааныг бичнэ үү");
        pages.assertAccessibleOnAPhone();
    }
}
