package mn.zasag.pki;

import mn.zasag.Fixtures;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;

/** Certificate requests, good and bad, and API tokens of staff who may use the PKI. */
final class PkiFixtures {

    private PkiFixtures() {
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsaKeys(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static PKCS10CertificationRequest csr(KeyPair keys, String subject, String dnsName) throws Exception {
        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic());
        if (dnsName != null) {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        }
        String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()));
    }

    static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** A request for "CN=..." signed by a different key than the one it carries: not proof of possession. */
    static PKCS10CertificationRequest forgedCsr() throws Exception {
        KeyPair claimed = ecKeys();
        KeyPair signer = ecKeys();
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Forged,O=Test,C=MN"), claimed.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
    }

    static X509CertificateHolder certificate(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (X509CertificateHolder) parser.readObject();
        }
    }

    /** A bearer token of a new staff account with this role. */
    static String token(Accounts accounts, AccessTokens tokens, Role role, String agency) {
        long id = accounts.createStaff(new NewStaff(Fixtures.freshLogin("pki-" + role.name().toLowerCase().replace('_', '-')),
                role, agency, "Дорж", "Бат", null, Fixtures.PASSWORD));
        return "Bearer " + tokens.create(id, "pki test", Duration.ofDays(1));
    }
}
