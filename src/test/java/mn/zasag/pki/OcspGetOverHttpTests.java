package mn.zasag.pki;

import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 5019 GET requests through the real Tomcat and the real firewall (MockMvc skips both): the base64 in
 * the path holds {@code /} and {@code +}, URL-encoded as the RFC says, and also as careless clients send it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OcspGetOverHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    String admin;
    X509CertificateHolder agenciesCa;

    @BeforeEach
    void setUp() throws Exception {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
        agenciesCa = PkiFixtures.certificate(http.send(HttpRequest.newBuilder(url("/pki/ca/agencies.pem")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * A request about a freshly issued certificate, with a nonce chosen so that its base64 holds both a slash and a plus
     * (and no double slash). The serial is random: when its own bytes already encode to a double slash no nonce helps,
     * so another certificate is issued.
     */
    private byte[] requestWithSlashAndPlus() throws Exception {
        for (int certificate = 0; certificate < 10; certificate++) {
            byte[] der = requestWithSlashAndPlus(issue());
            if (der != null) {
                return der;
            }
        }
        throw new AssertionError("no certificate and nonce gave a base64 with / and + and no //");
    }

    private byte[] requestWithSlashAndPlus(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), agenciesCa, serial);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 2_000; i++) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            byte[] der = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                    Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce)))).build().getEncoded();
            String base64 = Base64.getEncoder().encodeToString(der);
            if (base64.contains("/") && base64.contains("+") && !base64.contains("//")) {
                return der;
            }
        }
        return null;
    }

    private BigInteger issue() throws Exception {
        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=ocsp-get-test,C=MN", null));
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(url("/api/v1/pki/certificates?profile=tls_client"))
                .header("Authorization", admin).header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(pem)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return new BigInteger(json.readTree(issued.body()).get("serial").asString(), 16);
    }

    private BasicOCSPResp get(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + " " + new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) ocsp.getResponseObject();
    }

    @Test
    void aUrlEncodedRequestWithSlashAndPlusIsAnswered() throws Exception {
        byte[] der = requestWithSlashAndPlus();
        String encoded = Base64.getEncoder().encodeToString(der).replace("/", "%2F").replace("+", "%2B").replace("=", "%3D");

        BasicOCSPResp basic = get("/pki/ocsp/" + encoded);

        assertThat(basic.getResponses()[0].getCertStatus()).isNull(); // good
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNotNull();
    }

    @Test
    void aRequestWhoseBase64IsNotUrlEncodedIsAnsweredToo() throws Exception {
        byte[] der = requestWithSlashAndPlus();

        BasicOCSPResp basic = get("/pki/ocsp/" + Base64.getEncoder().encodeToString(der));

        assertThat(basic.getResponses()[0].getCertStatus()).isNull();
    }

    @Test
    void anEncodedSlashStaysRefusedEverywhereElse() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/pki/ca/..%2Froot.pem")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
