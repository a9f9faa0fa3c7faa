package mn.zasag.documents;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.HoldingsFixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.pki.SignatureValidation;
import mn.zasag.registry.CivilRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issued documents end to end: issue, the holder's wallet, public verification, revocation by the issuer. */
@ZasagTest
class DocumentsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Documents documents;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    CivilRegistry registry;
    @Autowired
    SignatureValidation validation;
    @Autowired
    JdbcClient jdbc;

    String agency;
    HoldingsFixtures.Citizen holder;
    HoldingsFixtures.Staff officer;

    @BeforeEach
    void anAgencyAHolderAndAnOfficer() {
        agency = Fixtures.freshAgency(agencies);
        holder = HoldingsFixtures.citizen(registry, accounts, tokens);
        officer = HoldingsFixtures.officer(agencies, accounts, tokens, agency);
    }

    private IssuedDocument issue(boolean english) {
        return documents.issue(newDocument(english, "APP-" + Fixtures.freshLogin("")));
    }

    private NewDocument newDocument(boolean english, String source) {
        return new NewDocument("civil.reference.marital-status", agency, holder.registerNumber(),
                "Гэрлэлтийн байдлын лавлагаа", "Marital status reference",
                List.of(new NewDocument.Line("Гэрлэлтийн байдал", "Marital status", "Гэрлээгүй / Not married"),
                        new NewDocument.Line("Төрсөн газар", "Place of birth", "Өмнөговь аймаг, Даланзадгад сум")),
                english, source);
    }

    private byte[] download(IssuedDocument document, String lang) throws Exception {
        return mvc.perform(get("/api/v1/my/documents/{id}/pdf", document.id()).param("lang", lang)
                        .header("Authorization", "Bearer " + holder.token()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private long audited(String action, String objectId) {
        return jdbc.sql("select count(*) from audit.entry where action = :a and object_id = :o")
                .param("a", action).param("o", objectId).query(Long.class).single();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    // ---------------------------------------------------------------- the PDF

    @Test
    void theIssuedPdfShowsTheDocumentInMongolianWithItsCyrillicLettersAndIsSealedBlt() throws Exception {
        IssuedDocument issued = issue(false);

        byte[] pdf = download(issued, "mn");
        String text = text(pdf);
        assertThat(text).contains("Гэрлэлтийн байдлын лавлагаа", "Тэмүүлэн", holder.registerNumber(),
                "Өмнөговь аймаг, Даланзадгад сум", "Туршилтын газар " + agency, issued.shortCode(), "МОНГОЛ УЛС");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("mn");
        }
        List<SignatureValidation.SignatureReport> seals = validation.validate(pdf);
        assertThat(seals).singleElement().satisfies(seal -> {
            assertThat(seal.level()).isEqualTo("B-LT");
            assertThat(seal.intact()).isTrue();
            assertThat(seal.trusted()).isTrue();
            assertThat(seal.certificateStatus()).isEqualTo("GOOD");
            assertThat(seal.signer()).isEqualTo("Zasag Agency Seal " + agency);
        });
        assertThat(audited("documents.issued", issued.id())).isEqualTo(1);
        assertThat(issued.verifyPath()).isEqualTo("/verify/" + issued.shortCode());
        assertThat(issued.holderRegisterNumber()).isEqualTo(holder.registerNumber());
    }

    @Test
    void theQrCodeOnPageOneDecodesToTheAbsoluteVerificationUrl() throws Exception {
        IssuedDocument issued = issue(false);
        byte[] pdf = download(issued, "mn");

        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        // as a scanning app does: find every QR code on the page (the big printed code beside it must not be one)
        var found = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

        assertThat(found).extracting(com.google.zxing.Result::getText)
                .containsExactly("http://localhost:8080/verify/" + issued.shortCode());
    }

    @Test
    void anEnglishVersionIsIssuedWhenAskedAndSealedToo() throws Exception {
        IssuedDocument issued = issue(true);

        byte[] en = download(issued, "en");
        assertThat(text(en)).contains("Marital status reference", "Marital status", "Date of issue", "MONGOLIA",
                "Test agency " + agency, issued.shortCode());
        try (PDDocument document = Loader.loadPDF(en)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
        assertThat(validation.validate(en)).singleElement().satisfies(seal -> assertThat(seal.intact() && seal.trusted()).isTrue());

        IssuedDocument mongolianOnly = issue(false);
        mvc.perform(get("/api/v1/my/documents/{id}/pdf", mongolianOnly.id()).param("lang", "en")
                        .header("Authorization", "Bearer " + holder.token()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("document_language_unavailable"));
        mvc.perform(get("/api/v1/my/documents/{id}/pdf", mongolianOnly.id()).param("lang", "fr")
                        .header("Authorization", "Bearer " + holder.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("document_language_invalid"));
    }

    @Test
    void issuingAgainFromTheSameSourceReturnsTheDocumentAlreadyIssued() {
        String source = "APP-" + Fixtures.freshLogin("");
        IssuedDocument first = documents.issue(newDocument(false, source));
        IssuedDocument again = documents.issue(newDocument(true, source));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.shortCode()).isEqualTo(first.shortCode());
        assertThat(documents.fromSource(source)).extracting(IssuedDocument::id).containsExactly(first.id());
        assertThat(audited("documents.issued", first.id())).isEqualTo(1);
        assertThat(documents.find(first.id())).contains(first);
        assertThat(documents.find("not-a-uuid")).isEmpty();
    }

    @Test
    void aDocumentForSomeoneNotInTheRegistryOrFromAnUnknownAgencyIsRefused() {
        NewDocument unknownHolder = new NewDocument("civil.reference.marital-status", agency, Fixtures.freshRegisterNumber(),
                "Лавлагаа", "Reference", List.of(), false, null);
        NewDocument unknownAgency = new NewDocument("civil.reference.marital-status", "NOPE", holder.registerNumber(),
                "Лавлагаа", "Reference", List.of(), false, null);
        NewDocument badType = new NewDocument("Bad Type!", agency, holder.registerNumber(), "Лавлагаа", "Reference",
                List.of(), false, null);

        assertThat(refusal(unknownHolder)).isEqualTo("document_holder_unknown");
        assertThat(refusal(unknownAgency)).isEqualTo("document_agency_unknown");
        assertThat(refusal(badType)).isEqualTo("document_type_invalid");
    }

    private String refusal(NewDocument document) {
        try {
            documents.issue(document);
            return "issued";
        } catch (DocumentRefused e) {
            return e.code();
        }
    }

    // ---------------------------------------------------------------- the wallet

    @Test
    void theHolderSeesTheirDocumentsInTheWalletWithDownloadsInBothLanguages() throws Exception {
        IssuedDocument issued = issue(true);
        Cookie session = WebSessions.login(mvc, holder.login());

        String page = mvc.perform(get("/my/documents").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Гэрлэлтийн байдлын лавлагаа", issued.shortCode(), "Хүчинтэй",
                "/my/documents/" + issued.id() + "/pdf?lang=mn", "/my/documents/" + issued.id() + "/pdf?lang=en");
        byte[] pdf = mvc.perform(get("/my/documents/{id}/pdf", issued.id()).param("lang", "mn").cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"zasag-" + issued.shortCode() + "-mn.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Documents.sha256(pdf)).isEqualTo(documents.details(issued.id()).orElseThrow().sha256Mn());

        mvc.perform(get("/api/v1/my/documents").header("Authorization", "Bearer " + holder.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(issued.id()))
                .andExpect(jsonPath("$[0].shortCode").value(issued.shortCode()))
                .andExpect(jsonPath("$[0].status").value("valid"))
                .andExpect(jsonPath("$[0].languages[1]").value("en"))
                .andExpect(jsonPath("$[0].verifyUrl").value("http://localhost:8080/verify/" + issued.shortCode()));
    }

    @Test
    void anotherCitizenAskingForTheDocumentGetsNotFoundAndTheAttemptIsAudited() throws Exception {
        IssuedDocument issued = issue(false);
        HoldingsFixtures.Citizen other = HoldingsFixtures.citizen(registry, accounts, tokens);

        mvc.perform(get("/api/v1/my/documents/{id}/pdf", issued.id()).header("Authorization", "Bearer " + other.token()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("document_not_found"));
        Cookie session = WebSessions.login(mvc, other.login());
        mvc.perform(get("/my/documents/{id}/pdf", issued.id()).cookie(session)).andExpect(status().isNotFound());
        String wallet = mvc.perform(get("/my/documents").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(wallet).doesNotContain(issued.shortCode());

        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'documents.access.denied' and object_id = :o "
                        + "and outcome = 'DENIED' and actor_login = :who")
                .param("o", issued.id()).param("who", other.login()).query(Long.class).single()).isEqualTo(2);
        // an id that does not exist is the same answer, and nothing to audit
        mvc.perform(get("/api/v1/my/documents/{id}/pdf", "00000000-0000-0000-0000-000000000000")
                        .header("Authorization", "Bearer " + other.token()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("document_not_found"));
        // officers have no wallet
        mvc.perform(get("/api/v1/my/documents").header("Authorization", "Bearer " + officer.token()))
                .andExpect(status().isForbidden());
    }

    // ---------------------------------------------------------------- public verification

    @Test
    void theVerificationPageShowsAValidDocumentWithTheHolderMaskedAndTheSealChecked() throws Exception {
        IssuedDocument issued = issue(true);

        String page = mvc.perform(get("/verify/{code}", issued.shortCode())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Хүчинтэй баримт бичиг", "Гэрлэлтийн байдлын лавлагаа", "Туршилтын газар " + agency,
                "Д*** Т*******", holder.registerNumber().substring(0, 2) + "******" + holder.registerNumber().substring(8),
                "Zasag Agency Seal " + agency, "B-LT");
        assertThat(page).doesNotContain(holder.registerNumber()).doesNotContain("Тэмүүлэн");

        String english = mvc.perform(get("/verify/{code}", issued.shortCode()).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("This document is valid", "Marital status reference", "Test agency " + agency);

        mvc.perform(get("/api/v1/verify/{code}", issued.shortCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("valid"))
                .andExpect(jsonPath("$.shortCode").value(issued.shortCode()))
                .andExpect(jsonPath("$.title.en").value("Marital status reference"))
                .andExpect(jsonPath("$.holder.name").value("Д*** Т*******"))
                .andExpect(jsonPath("$.issuer.code").value(agency))
                .andExpect(jsonPath("$.seal.valid").value(true))
                .andExpect(jsonPath("$.seal.signatures[0].level").value("B-LT"));
    }

    @Test
    void aCodeTypedInLowerCaseWithoutTheHyphenLeadsToTheDocument() throws Exception {
        IssuedDocument issued = issue(false);
        String sloppy = issued.shortCode().replace("-", "").toLowerCase();

        mvc.perform(get("/verify").param("code", " " + sloppy + " "))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/verify/" + issued.shortCode()));
        mvc.perform(get("/verify/{code}", sloppy))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/verify/" + issued.shortCode()));
        mvc.perform(get("/api/v1/verify/{code}", sloppy)).andExpect(status().isOk())
                .andExpect(jsonPath("$.shortCode").value(issued.shortCode()));
    }

    @Test
    void anAddressGuessingCodesIsRefusedAfterTwentyMissesWhileOthersStillVerify() throws Exception {
        IssuedDocument issued = issue(false);
        String guesser = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        jdbc.sql("delete from documents.verify_miss where ip = :ip").param("ip", guesser).update();
        org.springframework.test.web.servlet.request.RequestPostProcessor from = request -> {
            request.setRemoteAddr(guesser);
            return request;
        };
        for (int i = 0; i < 19; i++) {
            mvc.perform(get("/api/v1/verify/{code}", ShortCode.random().display()).with(from)).andExpect(status().isNotFound());
        }
        // a real code still verifies between the misses; the twentieth miss reaches the limit
        mvc.perform(get("/api/v1/verify/{code}", issued.shortCode()).with(from)).andExpect(status().isOk());
        mvc.perform(get("/verify/{code}", ShortCode.random().display()).with(from)).andExpect(status().isNotFound());

        // now every lookup from that address is refused, even of a real code: page and API
        mvc.perform(get("/api/v1/verify/{code}", issued.shortCode()).with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("document_verify_throttled"));
        String page = mvc.perform(get("/verify/{code}", issued.shortCode()).with(from).param("lang", "en"))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "900"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many codes from your address matched no document").doesNotContain("Marital status reference");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'documents.verify.throttled' and object_id = :ip")
                .param("ip", guesser).query(Long.class).single()).isEqualTo(1);

        // another address is not affected
        mvc.perform(get("/api/v1/verify/{code}", issued.shortCode()).with(request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        })).andExpect(status().isOk());
    }

    @Test
    void anUnknownCodeIsAFriendlyNotFoundAndAMalformedOrMistypedOneAFriendlyError() throws Exception {
        String unknown = ShortCode.random().display();
        String page = mvc.perform(get("/verify/{code}", unknown)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ийм кодтой баримт бичиг олдсонгүй", unknown);
        mvc.perform(get("/api/v1/verify/{code}", unknown)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("document_not_found"));

        String malformed = mvc.perform(get("/verify").param("code", "ABC").param("lang", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(malformed).contains("A verification code is 8 letters and digits", "error-summary", "aria-invalid=\"true\"");
        mvc.perform(get("/verify/{code}", "<script>")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/verify/{code}", "ABC")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document_code_malformed"));

        String valid = ShortCode.random().value();
        char wrong = valid.charAt(3) == 'A' ? 'B' : 'A';
        String typo = valid.substring(0, 3) + wrong + valid.substring(4);
        mvc.perform(get("/api/v1/verify/{code}", typo)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document_code_mistyped"));
        String mistyped = mvc.perform(get("/verify").param("code", typo)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(mistyped).contains("Кодын нэг тэмдэгт буруу");
    }

    @Test
    void aPdfInHandIsComparedWithTheIssuedOneByItsBytes() throws Exception {
        IssuedDocument issued = issue(true);
        byte[] en = download(issued, "en");

        String same = mvc.perform(multipart("/verify/{code}", issued.shortCode())
                        .file(new MockMultipartFile("file", "doc.pdf", "application/pdf", en)).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(same).contains("byte for byte the English version");

        byte[] changed = en.clone();
        changed[20] ^= 1;
        String different = mvc.perform(multipart("/verify/{code}", issued.shortCode())
                        .file(new MockMultipartFile("file", "doc.pdf", "application/pdf", changed)).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(different).contains("This file is not the issued document");
    }

    // ---------------------------------------------------------------- revocation

    @Test
    void theIssuerRevokesWithAReasonAndTheVerificationSaysRevoked() throws Exception {
        IssuedDocument issued = issue(false);

        mvc.perform(post("/api/v1/documents/{id}/revoke", issued.id()).header("Authorization", "Bearer " + officer.token())
                        .contentType("application/json").content("{\"reason\":\"Алдаатай мэдээлэлтэй олгосон\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("revoked"))
                .andExpect(jsonPath("$.revocationReason").value("Алдаатай мэдээлэлтэй олгосон"));

        assertThat(audited("documents.revoked", issued.id())).isEqualTo(1);
        assertThat(documents.find(issued.id()).orElseThrow().revoked()).isTrue();
        mvc.perform(get("/api/v1/verify/{code}", issued.shortCode())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("revoked"))
                .andExpect(jsonPath("$.revocationReason").value("Алдаатай мэдээлэлтэй олгосон"));
        String page = mvc.perform(get("/verify/{code}", issued.shortCode())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Энэ баримт бичиг хүчингүй болсон", "Алдаатай мэдээлэлтэй олгосон")
                .doesNotContain("Хүчинтэй баримт бичиг");
        String wallet = mvc.perform(get("/my/documents").cookie(WebSessions.login(mvc, holder.login())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wallet).contains("Хүчингүй болсон");

        mvc.perform(post("/api/v1/documents/{id}/revoke", issued.id()).header("Authorization", "Bearer " + officer.token())
                        .contentType("application/json").content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("document_already_revoked"));
    }

    @Test
    void anOfficerOfAnotherAgencyCannotRevokeAndTheAttemptIsAudited() throws Exception {
        IssuedDocument issued = issue(false);
        HoldingsFixtures.Staff stranger = HoldingsFixtures.officer(agencies, accounts, tokens, Fixtures.freshAgency(agencies));

        mvc.perform(post("/api/v1/documents/{id}/revoke", issued.id()).header("Authorization", "Bearer " + stranger.token())
                        .contentType("application/json").content("{\"reason\":\"not mine\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("document_not_issuer"));
        Cookie session = WebSessions.login(mvc, stranger.login());
        mvc.perform(post("/documents/issued/{id}/revoke", issued.id()).cookie(session).with(csrf()).param("reason", "not mine"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/documents/issued/{id}", issued.id()).cookie(session)).andExpect(status().isNotFound());
        String list = mvc.perform(get("/documents/issued").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(issued.shortCode());

        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'documents.revoke.denied' and object_id = :o and outcome = 'DENIED'")
                .param("o", issued.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(documents.find(issued.id()).orElseThrow().revoked()).isFalse();
        // a citizen has no right to revoke at all
        mvc.perform(post("/api/v1/documents/{id}/revoke", issued.id()).header("Authorization", "Bearer " + holder.token())
                        .contentType("application/json").content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void theIssuersPagesFindADocumentByCodeOrHolderAndRevokeItOnlyWithAReason() throws Exception {
        IssuedDocument issued = issue(false);
        Cookie session = WebSessions.login(mvc, officer.login());

        String byCode = mvc.perform(get("/documents/issued").param("q", issued.shortCode().toLowerCase()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byCode).contains(issued.shortCode(), holder.registerNumber());
        String byHolder = mvc.perform(get("/documents/issued").param("q", holder.registerNumber()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byHolder).contains(issued.shortCode());
        String nonsense = mvc.perform(get("/documents/issued").param("q", "???").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nonsense).contains("aria-invalid=\"true\"");
        mvc.perform(get("/documents/issued/{id}", issued.id()).cookie(session)).andExpect(status().isOk());

        String blank = mvc.perform(post("/documents/issued/{id}/revoke", issued.id()).cookie(session).with(csrf()).param("reason", "  "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("error-summary", "Хүчингүй болгох шалтгааныг бичнэ үү");
        assertThat(documents.find(issued.id()).orElseThrow().revoked()).isFalse();

        mvc.perform(post("/documents/issued/{id}/revoke", issued.id()).cookie(session).with(csrf()).param("reason", "Давхар олгосон"))
                .andExpect(status().is3xxRedirection());
        assertThat(documents.find(issued.id()).orElseThrow().revoked()).isTrue();
        mvc.perform(get("/api/v1/documents").param("q", issued.shortCode()).header("Authorization", "Bearer " + officer.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("revoked"))
                .andExpect(jsonPath("$[0].revocationReason").value("Давхар олгосон"));
    }
}
