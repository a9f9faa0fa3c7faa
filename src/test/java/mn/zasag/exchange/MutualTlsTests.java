package mn.zasag.exchange;

import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.internal.TlsConnector;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.Certificates;
import mn.zasag.pki.IssuedCertificate;
import mn.zasag.pki.RevocationReason;
import mn.zasag.registry.CivilRegistry;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency system with a TLS client certificate from our PKI, over a real TLS connection to the exchange's connector.
 * The platform's public URL (in every certificate's AIA and CRL distribution point) is a small HTTP proxy started
 * here in front of the application, so the test can count OCSP requests and take the OCSP responder or the CRLs away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "zasag.exchange.tls-port=0")
class MutualTlsTests {

    static final PkiProxy PROXY = PkiProxy.start();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("zasag.public-url", () -> "http://localhost:" + PROXY.port());
    }

    @LocalServerPort
    int appPort;

    @BeforeEach
    void proxyToTheApplication() {
        PROXY.target(appPort);
        PROXY.ocspDown = false;
        PROXY.crlDown = false;
    }

    @Autowired
    TlsConnector tls;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateAuthorities authorities;
    @Autowired
    Directory directory;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    CivilRegistry registry;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aClientCertificateBoundToItsSubsystemReadsAPersonAndOnceRevokedIsRefused() throws Exception {
        ExchangeFixtures.Party provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        ExchangeFixtures.Party client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        String service = directory.publish(provider.subsystemId(), "civil-registry.person", null, null).id();
        directory.grant(service, null, client.subsystemId(), null);
        String rn = ExchangeFixtures.person(agencies, registry);

        KeyPair keys = keys();
        IssuedCertificate issued = certificate(keys, client);

        HttpRequest request = request(service, rn, client);
        int ocspBefore = PROXY.ocspRequests.get();
        HttpResponse<String> ok = client(keys, issued).send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains(rn);
        assertThat(PROXY.ocspRequests.get()).as("the status was asked by OCSP").isGreaterThan(ocspBefore);
        assertThat(ok.headers().firstValue("X-Road-Request-Hash")).isPresent();
        assertThat(jdbc.sql("select issue from exchange.message_log where message_id = :id")
                .param("id", ok.headers().firstValue("X-Road-Id").orElseThrow()).query(String.class).single()).isEqualTo("TLS шалгалт");
        HttpResponse<String> elsewhere = client(keys, issued).send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port()
                + "/api/v1/agencies")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);

        // a certificate revoked before its first use: the responder says so
        KeyPair otherKeys = keys();
        IssuedCertificate revoked = certificate(otherKeys, client);
        certificates.revoke(revoked.serial(), RevocationReason.keyCompromise, null);
        HttpResponse<String> refused = client(otherKeys, revoked).send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.headers().firstValue("X-Road-Error")).contains("Server.ClientProxy.SslAuthenticationFailed");
        assertThat(refused.body()).contains("revoked (OCSP)");
    }

    @Test
    void withoutAnOcspResponderTheCrlDecidesAndWithoutBothTheCertificateIsRefused() throws Exception {
        ExchangeFixtures.Party provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        ExchangeFixtures.Party client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        String service = directory.publish(provider.subsystemId(), "civil-registry.person", null, null).id();
        directory.grant(service, null, client.subsystemId(), null);
        String rn = ExchangeFixtures.person(agencies, registry);
        HttpRequest request = request(service, rn, client);
        PROXY.ocspDown = true;

        KeyPair goodKeys = keys();
        IssuedCertificate good = certificate(goodKeys, client);
        HttpResponse<String> ok = client(goodKeys, good).send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

        KeyPair revokedKeys = keys();
        IssuedCertificate revoked = certificate(revokedKeys, client);
        certificates.revoke(revoked.serial(), RevocationReason.keyCompromise, null);
        HttpResponse<String> refused = client(revokedKeys, revoked).send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("revoked (CRL)");

        PROXY.crlDown = true;
        KeyPair unknownKeys = keys();
        IssuedCertificate unchecked = certificate(unknownKeys, client);
        HttpResponse<String> unknown = client(unknownKeys, unchecked).send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(unknown.headers().firstValue("X-Road-Error")).contains("Server.ClientProxy.SslAuthenticationFailed");
        assertThat(unknown.body()).contains("could not be checked");
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private IssuedCertificate certificate(KeyPair keys, ExchangeFixtures.Party client) throws Exception {
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + client.subsystemId().replace("/", " ") + ",O=Test,C=MN"),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        IssuedCertificate issued = certificates.issue(csr, "tls_client", client.agency());
        directory.bindCertificate(issued.serial(), client.subsystemId(), null);
        return issued;
    }

    private HttpRequest request(String service, String rn, ExchangeFixtures.Party client) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/r1/" + service + "/"
                        + URLEncoder.encode(rn, StandardCharsets.UTF_8)))
                .header("X-Road-Client", client.subsystemId())
                .header("X-Road-Issue", URLEncoder.encode("TLS шалгалт", StandardCharsets.UTF_8).replace("+", "%20")).GET().build();
    }

    private HttpClient client(KeyPair keys, IssuedCertificate issued) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate leaf = x509.generateCertificate(new ByteArrayInputStream(issued.pem().getBytes(StandardCharsets.US_ASCII)));
        Certificate ca = x509.generateCertificate(new ByteArrayInputStream(authorities.get("agencies").pem().getBytes(StandardCharsets.US_ASCII)));
        Certificate root = x509.generateCertificate(new ByteArrayInputStream(authorities.get("root").pem().getBytes(StandardCharsets.US_ASCII)));
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("client", keys.getPrivate(), "x".toCharArray(), new Certificate[]{leaf, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, "x".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
