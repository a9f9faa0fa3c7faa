package mn.zasag.pki.internal;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.*;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Builds certificates with Bouncy Castle; the extensions each kind needs, nothing hand-encoded. */
public final class CertificateBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateBuilder() {
    }

    /** A positive 127-bit random serial: unpredictable (CA/B Forum asks for 64 bits or more) and fits numeric(40). */
    public static BigInteger newSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7F;
        BigInteger serial = new BigInteger(bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's signing key pair, made on the server for a PKCS#12 hand-out: ECDSA P-256. */
    public static KeyPair personKeyPair() {
        return ecKeyPair("secp256r1");
    }

    /**
     * The key and its chain (the certificate, its CA and the CAs above) as a PKCS#12 protected by the
     * password, with the JDK's PKCS#12 defaults (Java 17: AES-256-CBC, PBKDF2-HMAC-SHA-256, HMAC-SHA-256 MAC).
     */
    public static byte[] pkcs12(PrivateKey key, String certificatePem, Authority ca, CaHierarchy hierarchy, char[] password) {
        try {
            java.util.List<java.security.cert.Certificate> chain = new java.util.ArrayList<>();
            try (org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(certificatePem))) {
                chain.add(Bc.x509((X509CertificateHolder) parser.readObject()));
            }
            for (Authority a = ca; a != null; a = a.parent() == null ? null : hierarchy.get(a.parent())) {
                chain.add(a.certificate());
            }
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signing", key, password, chain.toArray(new java.security.cert.Certificate[0]));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the PKCS#12: " + e.getMessage(), e);
        }
    }

    /** Extensions of a certificate beyond the common ones (key identifiers). */
    public interface Extra {
        void addTo(X509v3CertificateBuilder builder) throws Exception;
    }

    public static X509CertificateHolder build(X500Name issuer, X509CertificateHolder issuerCertificate, PrivateKey issuerKey,
                                              String signatureAlgorithm, BigInteger serial, X500Name subject,
                                              SubjectPublicKeyInfo subjectKey, Instant notBefore, Instant notAfter,
                                              List<Extra> extras) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? utils.createAuthorityKeyIdentifier(subjectKey)
                    : utils.createAuthorityKeyIdentifier(issuerCertificate));
            for (Extra extra : extras) {
                extra.addTo(builder);
            }
            return builder.build(Bc.signer(signatureAlgorithm, issuerKey));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a certificate: " + e.getMessage(), e);
        }
    }

    static Extra ca(Integer pathLength) {
        return b -> {
            b.addExtension(Extension.basicConstraints, true, pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        };
    }

    static Extra endEntity(int keyUsage, KeyPurposeId... purposes) {
        return b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (purposes.length > 0) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            }
        };
    }

    /** RFC 6960 4.2.2.2.1: clients need not check the responder's own revocation status. */
    static Extra ocspNoCheck() {
        return b -> b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }

    /** Where to find the issuer's CRL, its OCSP responder and its certificate. */
    public static Extra revocationPointers(PkiSettings settings, String issuerCode) {
        return b -> {
            GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, settings.crlUrl(issuerCode));
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[]{
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, settings.ocspUrl())),
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, settings.caCertificateUrl(issuerCode)))}));
        };
    }
}
