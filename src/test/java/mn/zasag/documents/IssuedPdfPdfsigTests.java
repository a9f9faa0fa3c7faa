package mn.zasag.documents;

import mn.zasag.pki.Pdfsig;
import mn.zasag.Fixtures;
import mn.zasag.HoldingsFixtures;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An issued document as a tool we did not write sees it: the holder downloads it, and poppler's pdfsig, with an
 * NSS database that trusts only our root, finds the agency's seal valid and its certificate trusted.
 */
@ZasagTest
class IssuedPdfPdfsigTests {

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
    @TempDir
    Path dir;

    @BeforeAll
    static void pdfsigAndCertutilAreInstalled() {
        assumeTrue(Pdfsig.installed(),
                "pdfsig or certutil is not installed: the independent check of issued documents is SKIPPED "
                        + "(install Debian's poppler-utils and libnss3-tools)");
    }

    @Test
    void pdfsigFindsTheSealOfBothVersionsValidAndTrusted() throws Exception {
        String agency = Fixtures.freshAgency(agencies);
        HoldingsFixtures.Citizen holder = HoldingsFixtures.citizen(registry, accounts, tokens);
        IssuedDocument issued = documents.issue(new NewDocument("civil.reference.residence", agency, holder.registerNumber(),
                "Оршин суугаа газрын тодорхойлолт", "Certificate of residence",
                List.of(new NewDocument.Line("Хаяг", "Address", "Улаанбаатар, Баянзүрх дүүрэг, 13-р хороо")), true, null));

        Pdfsig pdfsig = new Pdfsig(dir, mvc.perform(get("/pki/ca/root.pem")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());

        for (String lang : List.of("mn", "en")) {
            byte[] pdf = mvc.perform(get("/api/v1/my/documents/{id}/pdf", issued.id()).param("lang", lang)
                            .header("Authorization", "Bearer " + holder.token()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            String name = "document-" + lang + ".pdf";
            Files.write(dir.resolve(name), pdf);

            String check = pdfsig.check(name);
            assertThat(check).as(lang).contains("Signature is Valid.")
                    .contains("Signer Certificate Common Name: Zasag Agency Seal " + agency)
                    .contains("ETSI.CAdES.detached");
            pdfsig.assertTrusted(check);
        }
        pdfsig.assertNssTrustsTheSealIn("document-mn.pdf");
    }
}
