package mn.zasag.exchange.internal;

import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.Certificates;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutual-TLS connector for agency systems ({@code ZASAG_EXCHANGE_TLS_PORT}): a second Tomcat connector on the
 * same application, whose server certificate is issued by our agencies CA ({@code tls_server} profile, a fresh key
 * each start, named {@code localhost} and the public URL's host) and which requires a client certificate that chains
 * to our root. {@link ClientAuthentication} then binds the certificate to the subsystem and checks its status in the
 * PKI's registry, the same one the OCSP responder and the CRLs answer from.
 */
@Component
public class TlsConnector {

    private static final Logger log = LoggerFactory.getLogger(TlsConnector.class);

    private final Certificates certificates;
    private final CertificateAuthorities authorities;
    private final TransactionTemplate tx;
    private final Integer port;
    private final String publicHost;
    private volatile int localPort = -1;

    TlsConnector(Certificates certificates, CertificateAuthorities authorities, TransactionTemplate tx,
                 @Value("${zasag.exchange.tls-port:}") Integer port, @Value("${zasag.public-url:http://localhost:8080}") String publicUrl) {
        this.certificates = certificates;
        this.authorities = authorities;
        this.tx = tx;
        this.port = port;
        this.publicHost = java.net.URI.create(publicUrl).getHost();
    }

    /** The port the connector listens on, or -1 when it is off. */
    public int port() {
        return localPort;
    }

    @EventListener
    void start(WebServerInitializedEvent event) throws Exception {
        if (port == null || port < 0 || !(event.getWebServer() instanceof TomcatWebServer tomcat) || localPort >= 0) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        if (publicHost != null && !publicHost.equals("localhost")) {
            names.add(new GeneralName(GeneralName.dNSName, publicHost));
        }
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + (publicHost == null ? "localhost" : publicHost)
                + ",OU=Data exchange,O=Zasag,C=MN"), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        String pem = tx.execute(status -> certificates.issue(csr, "tls_server", null).pem());
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        List<Certificate> chain = new ArrayList<>();
        chain.add(x509.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        chain.add(x509.generateCertificate(new ByteArrayInputStream(authorities.get("agencies").pem().getBytes(StandardCharsets.US_ASCII))));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "exchange-tls".toCharArray();
        store.setKeyEntry("server", keys.getPrivate(), password, chain.toArray(Certificate[]::new));
        // the CAs' certificates are public: a trust store file in the temporary directory holds nothing secret
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (CertificateAuthorities.CaCertificate ca : authorities.all()) {
            trusted.setCertificateEntry(ca.code(), x509.generateCertificate(new ByteArrayInputStream(ca.pem().getBytes(StandardCharsets.US_ASCII))));
        }
        Path trust = Files.createTempFile("zasag-exchange-trust", ".p12");
        try (var out = Files.newOutputStream(trust)) {
            trusted.store(out, "exchange-trust".toCharArray());
        }
        trust.toFile().deleteOnExit();

        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setCertificateVerification("required");
        ssl.setTruststoreFile(trust.toString());
        ssl.setTruststorePassword("exchange-trust");
        ssl.setTruststoreType("PKCS12");
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.EC);
        certificate.setCertificateKeystore(store);
        certificate.setCertificateKeystorePassword("exchange-tls");
        certificate.setCertificateKeyPassword("exchange-tls");
        ssl.addCertificate(certificate);
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(port);
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        protocol.addSslHostConfig(ssl);
        tomcat.getTomcat().getService().addConnector(connector);
        localPort = connector.getLocalPort();
        log.info("Data exchange mutual-TLS connector on port {}", localPort);
    }
}
