package mn.zasag.pki;

import mn.zasag.pki.internal.CaHierarchy;
import mn.zasag.pki.internal.OcspResponder;
import mn.zasag.pki.internal.Pkcs11Token;
import mn.zasag.pki.internal.TimeStampAuthority;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CA, OCSP and TSA keys in a PKCS#11 token: a fresh SoftHSM2 token (Debian's softhsm2) made for this test,
 * a fresh database, the hierarchy created inside the token, and everything that signs still working.
 */
@SpringBootTest
class Pkcs11TokenTests {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "4321";
    static final String LABEL = "zasag-test-" + UUID.randomUUID().toString().substring(0, 8);
    static Path config;

    @Autowired
    CaHierarchy hierarchy;
    @Autowired
    Pkcs11Token token;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Certificates certificates;
    @Autowired
    OcspResponder ocsp;
    @Autowired
    TimeStampAuthority tsa;

    @BeforeAll
    static void makeToken() throws Exception {
        boolean present = Files.isReadable(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
        assumeTrue(present, "SoftHSM2 is not installed: the PKCS#11 key storage test is SKIPPED (install Debian's softhsm2)");
        String out = run("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", "87654321");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(slot.find()).as(out).isTrue();
        config = Files.createTempFile("zasag-pkcs11", ".cfg");
        Files.writeString(config, """
                name = ZasagTest%s
                library = %s
                slot = %s
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                """.formatted(LABEL.substring(LABEL.length() - 8), LIBRARY, slot.group(1)));
    }

    @AfterAll
    static void deleteToken() throws Exception {
        if (config != null) {
            run("softhsm2-util", "--delete-token", "--token", LABEL);
            Files.deleteIfExists(config);
        }
    }

    @DynamicPropertySource
    static void tokenSettings(DynamicPropertyRegistry registry) {
        registry.add("zasag.pki.pkcs11-config", () -> config.toString());
        registry.add("zasag.pki.pkcs11-pin", () -> PIN);
    }

    @Test
    void theHierarchysKeysAreMadeAndKeptInTheToken() throws Exception {
        assertThat(token.enabled()).isTrue();
        List<String> files = jdbc.sql("select keystore_file from pki.authority order by code").query(String.class).list();
        assertThat(files).hasSize(8).allMatch(f -> f.startsWith("pkcs11:"));
        assertThat(token.aliases()).containsAll(files.stream().map(f -> f.substring("pkcs11:".length())).toList());
        // the root's key cannot be read out of the token
        assertThat(hierarchy.get("root").key().getEncoded()).isNull();
    }

    @Test
    void theTokensKeysIssueCertificatesAndSignOcspAnswersAndTimeStamps() throws Exception {
        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=hsm.example.gov.mn,C=MN", null));
        IssuedCertificate issued = certificates.issue(pem.getBytes(StandardCharsets.US_ASCII), "tls_client", null);
        X509CertificateHolder leaf = PkiFixtures.certificate(issued.pem());
        X509CertificateHolder agencies = hierarchy.get("agencies").holder();
        assertThat(leaf.isSignatureValid(new JcaContentVerifierProviderBuilder().build(agencies))).isTrue();

        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                agencies, leaf.getSerialNumber());
        OCSPResp answer = new OCSPResp(ocsp.respond(new OCSPReqBuilder().addRequest(id).build().getEncoded()).der());
        assertThat(answer.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) answer.getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(basic.getCerts()[0]))).isTrue();
        assertThat(basic.getResponses()[0].getCertStatus()).isNull(); // good

        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(new byte[]{1, 2, 3}), BigInteger.TEN);
        TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
        response.validate(request);
        assertThat(response.getTimeStampToken()).isNotNull();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
