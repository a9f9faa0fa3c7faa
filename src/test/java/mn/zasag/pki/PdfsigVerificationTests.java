package mn.zasag.pki;

import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sealed PDFs as a tool we did not write sees them: poppler's pdfsig, with an NSS database that trusts
 * only our root, checks the signature, the chain and the digest.
 */
@ZasagTest
class PdfsigVerificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @TempDir
    Path dir;

    String admin;
    Pdfsig pdfsig;

    @BeforeAll
    static void pdfsigAndCertutilAreInstalled() {
        assumeTrue(Pdfsig.installed(),
                "pdfsig or certutil is not installed: the independent verification of PAdES seals is SKIPPED "
                        + "(install Debian's poppler-utils and libnss3-tools)");
    }

    @BeforeEach
    void trustOnlyOurRoot() throws Exception {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
        pdfsig = new Pdfsig(dir, mvc.perform(get("/pki/ca/root.pem")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
    }

    private Path sealed(String level) throws Exception {
        byte[] signed = mvc.perform(post("/api/v1/pki/signatures/pades").param("level", level).header("Authorization", admin)
                        .contentType("application/pdf").content(PdfFixtures.onePage("Certificate of residence")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path file = dir.resolve("signed-" + level + ".pdf");
        Files.write(file, signed);
        return file;
    }

    @Test
    void pdfsigFindsABtSealValidAndItsCertificateTrusted() throws Exception {
        Path file = sealed("B-T");

        String check = pdfsig.check(file.getFileName().toString());
        assertThat(check).contains("Signature is Valid.")
                .contains("Signer Certificate Common Name: Zasag Platform Seal")
                .contains("ETSI.CAdES.detached");
        pdfsig.assertTrusted(check);
        pdfsig.assertNssTrustsTheSealIn(file.getFileName().toString());
    }

    @Test
    void pdfsigFindsABbSealValidToo() throws Exception {
        Path file = sealed("B-B");

        String check = pdfsig.check(file.getFileName().toString());
        assertThat(check).contains("Signature is Valid.");
        pdfsig.assertTrusted(check);
    }

    @Test
    void pdfsigFindsABltSealValidBeneathItsSecurityStoreUpdate() throws Exception {
        Path file = sealed("B-LT");

        String check = pdfsig.check(file.getFileName().toString());
        assertThat(check).contains("Signature is Valid.");
        pdfsig.assertTrusted(check);
    }

    @Test
    void pdfsigDoesNotTrustASealWhenOurRootIsNotTrusted() throws Exception {
        Path file = sealed("B-T");
        Files.createDirectories(dir.resolve("empty"));
        assertThat(pdfsig.run("certutil", "-N", "-d", "sql:empty", "--empty-password").exit()).isZero();

        String check = pdfsig.run("pdfsig", "-nssdir", "sql:empty", "-no-ocsp", file.getFileName().toString()).out();
        assertThat(check).contains("Signature is Valid.")
                .containsAnyOf("Certificate issuer is unknown.", "Certificate issuer isn't Trusted.")
                .doesNotContain("Certificate is Trusted.");
    }

    @Test
    void pdfsigReportsADigestMismatchAfterOneByteOfTheSealedContentChanges() throws Exception {
        Path file = sealed("B-T");
        byte[] bytes = Files.readAllBytes(file);
        // inside the binary comment after the header: covered by the signature, harmless to the PDF's structure
        assertThat(bytes[9]).isEqualTo((byte) '%');
        bytes[11] ^= 0x01;
        Files.write(file, bytes);

        String check = pdfsig.run("pdfsig", "-nssdir", "sql:nss", file.getFileName().toString()).out();
        assertThat(check).contains("Digest Mismatch.").doesNotContain("Signature is Valid.");
    }
}
