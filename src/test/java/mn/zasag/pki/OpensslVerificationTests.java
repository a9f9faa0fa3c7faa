package mn.zasag.pki;

import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CA, its CRLs and its OCSP responder as a tool we did not write sees them: OpenSSL builds the key and
 * request, checks the chain against the CRL, and asks the responder over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpensslVerificationTests {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    String admin;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void opensslIsInstalled() {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        assumeTrue(present, "openssl is not installed: the independent verification of the PKI is SKIPPED (install Debian's openssl)");
    }

    @BeforeEach
    void setUp() throws Exception {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
        download("/pki/ca/root.pem", "root.pem");
        download("/pki/ca/agencies.pem", "agencies.pem");
    }

    @Test
    void aGoodCertificateVerifiesAgainstTheCrlAndTheResponderSaysGood() throws Exception {
        Path cert = issueWithOpensslKey("good");
        crlAsPem();

        Run verify = openssl("verify", "-crl_check", "-CAfile", "root.pem", "-untrusted", "agencies.pem", "-CRLfile", "crl.pem", cert.toString());
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains(cert + ": OK");

        Run ocsp = ocsp(cert);
        assertThat(ocsp.exit()).as(ocsp.toString()).isZero();
        assertThat(ocsp.err()).contains("Response verify OK").doesNotContain("nonce");
        assertThat(ocsp.out()).contains(cert + ": good");
    }

    @Test
    void aRevokedCertificateIsRevokedInTheCrlAndAtTheResponder() throws Exception {
        Path cert = issueWithOpensslKey("revoked");
        String serial = openssl("x509", "-in", cert.toString(), "-noout", "-serial").out().strip().replace("serial=", "");
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(url("/api/v1/pki/certificates/" + serial + "/revoke"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"keyCompromise\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        crlAsPem();

        Run verify = openssl("verify", "-crl_check", "-CAfile", "root.pem", "-untrusted", "agencies.pem", "-CRLfile", "crl.pem", cert.toString());
        assertThat(verify.exit()).isNotZero();
        assertThat(verify.out() + verify.err()).contains("certificate revoked");

        Run ocsp = ocsp(cert);
        assertThat(ocsp.exit()).as(ocsp.toString()).isZero();
        assertThat(ocsp.err()).contains("Response verify OK");
        assertThat(ocsp.out()).contains(cert + ": revoked").contains("Reason: keyCompromise");
    }

    @Test
    void aTimeStampFromOurTsaVerifiesWithOpenssl() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "a document to prove existed");
        Run query = openssl("ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-out", "req.tsq");
        assertThat(query.exit()).as(query.toString()).isZero();
        HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(url("/pki/tsa"))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve("req.tsq"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        Files.write(dir.resolve("resp.tsr"), reply.body());
        download("/pki/ca/services.pem", "chain.pem");

        Run verify = openssl("ts", "-verify", "-in", "resp.tsr", "-queryfile", "req.tsq", "-CAfile", "root.pem", "-untrusted", "chain.pem");

        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("Verification: OK");
        Run text = openssl("ts", "-reply", "-in", "resp.tsr", "-text");
        assertThat(text.out()).contains("Policy OID: 2.999.496.1").contains("Hash Algorithm: sha256");
    }

    private Run ocsp(Path cert) throws Exception {
        return openssl("ocsp", "-issuer", "agencies.pem", "-cert", cert.toString(), "-url", url("/pki/ocsp").toString(),
                "-CAfile", "root.pem");
    }

    /** OpenSSL makes the key and the request; we only sign. */
    private Path issueWithOpensslKey(String name) throws Exception {
        Run req = openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-subj",
                "/CN=" + name + ".example.gov.mn/O=Test/C=MN", "-out", name + ".csr");
        assertThat(req.exit()).as(req.toString()).isZero();
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(url("/api/v1/pki/certificates?profile=tls_server"))
                .header("Authorization", admin).header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve(name + ".csr"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Path cert = Path.of(name + ".pem");
        Files.writeString(dir.resolve(cert), json.readTree(issued.body()).get("pem").asString());
        return cert;
    }

    private void crlAsPem() throws Exception {
        HttpResponse<byte[]> crl = http.send(HttpRequest.newBuilder(url("/pki/crl/agencies.crl")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(crl.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        Files.write(dir.resolve("crl.der"), crl.body());
        Run convert = openssl("crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem");
        assertThat(convert.exit()).as(convert.toString()).isZero();
    }

    private void download(String path, String file) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Files.writeString(dir.resolve(file), response.body());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Run openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
