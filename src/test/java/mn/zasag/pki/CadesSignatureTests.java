package mn.zasag.pki;

import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Detached CAdES signatures over arbitrary files, checked by OpenSSL and by our validation service. */
@ZasagTest
class CadesSignatureTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @TempDir
    Path dir;

    String admin;

    @BeforeEach
    void setUp() {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
    }

    private byte[] seal(byte[] content, String level) throws Exception {
        return mvc.perform(post("/api/v1/pki/signatures/cades").param("level", level).header("Authorization", admin)
                        .contentType("application/octet-stream").content(content))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pkcs7-signature"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void opensslVerifiesTheDetachedSignatureAndRefusesAChangedFile() throws Exception {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        assumeTrue(present, "openssl is not installed: the CAdES check by OpenSSL is SKIPPED (install Debian's openssl)");
        byte[] content = "any file at all: a spreadsheet, an image, \u0000 binary bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("file.bin"), content);
        Files.write(dir.resolve("file.p7s"), seal(content, "B-T"));
        Files.writeString(dir.resolve("root.pem"), mvc.perform(get("/pki/ca/root.pem")).andReturn().getResponse().getContentAsString());

        Process good = openssl("cms", "-verify", "-binary", "-content", "file.bin", "-inform", "DER", "-in", "file.p7s",
                "-CAfile", "root.pem", "-out", "/dev/null");
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(good.exitValue()).as(err).isZero();
        assertThat(err).contains("Verification successful");

        Files.write(dir.resolve("file.bin"), "a changed file".getBytes(StandardCharsets.UTF_8));
        Process bad = openssl("cms", "-verify", "-binary", "-content", "file.bin", "-inform", "DER", "-in", "file.p7s",
                "-CAfile", "root.pem", "-out", "/dev/null");
        assertThat(bad.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("Verification failure");
    }

    @Test
    void theValidationServiceReportsSignerTimeLevelAndIntegrity() throws Exception {
        byte[] content = "a contract, as bytes".getBytes(StandardCharsets.UTF_8);
        byte[] signature = seal(content, "B-T");

        mvc.perform(multipart("/api/v1/pki/signatures/cades/validate")
                        .file(new MockMultipartFile("file", "contract.txt", "text/plain", content))
                        .file(new MockMultipartFile("signature", "contract.p7s", "application/pkcs7-signature", signature)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signer").value("Zasag Platform Seal"))
                .andExpect(jsonPath("$.level").value("B-T"))
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.certificateStatus").value("GOOD"))
                .andExpect(jsonPath("$.trusted").value(true))
                .andExpect(jsonPath("$.signingTime").isNotEmpty())
                .andExpect(jsonPath("$.timeStamp").isNotEmpty());

        mvc.perform(multipart("/api/v1/pki/signatures/cades/validate")
                        .file(new MockMultipartFile("file", "contract.txt", "text/plain", "a contract, altered".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("signature", "contract.p7s", "application/pkcs7-signature", seal(content, "B-B"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.level").value("B-B"));
    }

    @Test
    void badInputsGetProblemsNotErrors() throws Exception {
        mvc.perform(post("/api/v1/pki/signatures/cades").header("Authorization", admin).contentType("application/octet-stream")
                        .content(new byte[0]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("cades_content_empty"));
        mvc.perform(post("/api/v1/pki/signatures/cades").param("level", "B-LT").header("Authorization", admin)
                        .contentType("application/octet-stream").content(new byte[]{1}))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signature_level_unsupported"));
        mvc.perform(multipart("/api/v1/pki/signatures/cades/validate")
                        .file(new MockMultipartFile("file", "f", "text/plain", new byte[]{1, 2}))
                        .file(new MockMultipartFile("signature", "s.p7s", "application/pkcs7-signature", new byte[]{0x30, 0x03, 0x02, 0x01})))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("cades_signature_malformed"));
        mvc.perform(post("/api/v1/pki/signatures/cades").contentType("application/octet-stream").content(new byte[]{1}))
                .andExpect(status().isUnauthorized());
    }

    private Process openssl(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process;
    }
}
