package mn.zasag.documents;

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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void pdfsigAndCertutilAreInstalled() {
        assumeTrue(runs("pdfsig", "-v") && runs("certutil", "-H"),
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

        Files.write(dir.resolve("root.pem"), mvc.perform(get("/pki/ca/root.pem")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        Files.createDirectories(dir.resolve("nss"));
        assertThat(run("certutil", "-N", "-d", "sql:nss", "--empty-password").exit()).isZero();
        Run add = run("certutil", "-A", "-d", "sql:nss", "-n", "zasag-root", "-t", "CT,C,C", "-i", "root.pem");
        assertThat(add.exit()).as(add.out()).isZero();

        for (String lang : List.of("mn", "en")) {
            byte[] pdf = mvc.perform(get("/api/v1/my/documents/{id}/pdf", issued.id()).param("lang", lang)
                            .header("Authorization", "Bearer " + holder.token()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            String name = "document-" + lang + ".pdf";
            Files.write(dir.resolve(name), pdf);

            Run check = run("pdfsig", "-nssdir", "sql:nss", "-no-ocsp", name);
            assertThat(check.out()).as(lang).contains("Signature is Valid.")
                    .contains("Signer Certificate Common Name: Zasag Agency Seal " + agency)
                    .contains("ETSI.CAdES.detached");
            if (popplerMajor() <= 22) {
                // poppler 22 reads a stale NSS error after a successful chain check (see PdfsigVerificationTests)
                assertThat(check.out()).containsAnyOf("Certificate is Trusted.", "Unknown issue with Certificate or corrupted data.");
            } else {
                assertThat(check.out()).contains("Certificate is Trusted.");
            }
        }
        assertNssTrustsTheSealIn("document-mn.pdf");
    }

    /** NSS's certutil validates the seal's certificate for signing, with the intermediate taken from the signature. */
    private void assertNssTrustsTheSealIn(String file) throws Exception {
        Run dump = run("pdfsig", "-dump", file);
        assertThat(dump.exit()).as(dump.out()).isZero();
        byte[] cms = Files.readAllBytes(dir.resolve(file + ".sig0"));
        for (Object o : new org.bouncycastle.cms.CMSSignedData(cms).getCertificates().getMatches(null)) {
            var holder = (org.bouncycastle.cert.X509CertificateHolder) o;
            String cn = holder.getSubject().toString();
            if (cn.contains("Root")) {
                continue;
            }
            String nick = cn.contains("Seal") ? "seal" : "intermediate";
            Files.write(dir.resolve(nick + ".der"), holder.getEncoded());
            Run add = run("certutil", "-A", "-d", "sql:nss", "-n", nick, "-t", ",,", "-i", nick + ".der");
            assertThat(add.exit()).as(add.out()).isZero();
        }
        Run verify = run("certutil", "-V", "-u", "S", "-d", "sql:nss", "-n", "seal");
        assertThat(verify.out()).contains("certificate is valid");
    }

    private int popplerMajor() throws Exception {
        var matcher = java.util.regex.Pattern.compile("pdfsig version (\\d+)\\.").matcher(run("pdfsig", "-v").out());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Run run(String... args) throws Exception {
        Process process = new ProcessBuilder(List.of(args)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", args) + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
    }
}
