package mn.zasag.pki.internal;

import mn.zasag.pki.CsrRejected;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Reads a PKCS#10 request (PEM or DER) and accepts it only when its self-signature holds (the requester
 * has the private key) and its key is strong enough: RSA of 2048 bits or more, EC of 256 bits or more,
 * Ed25519 or Ed448.
 */
public final class CsrParser {

    private CsrParser() {
    }

    public static PKCS10CertificationRequest parse(byte[] body) {
        PKCS10CertificationRequest csr = read(body);
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(csr.getSubjectPublicKeyInfo()))) {
                throw new CsrRejected(CsrRejected.SIGNATURE_INVALID, "The request's signature does not match its public key");
            }
        } catch (CsrRejected e) {
            throw e;
        } catch (Exception e) {
            throw new CsrRejected(CsrRejected.SIGNATURE_INVALID, "The request's signature cannot be verified");
        }
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPublicKey(csr.getSubjectPublicKeyInfo());
        } catch (Exception e) {
            throw new CsrRejected(CsrRejected.KEY_UNSUPPORTED, "The request's key type is not supported");
        }
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new CsrRejected(CsrRejected.KEY_TOO_WEAK, "RSA keys need at least 2048 bits");
            }
        } else if (key instanceof ECPublicKey ec) {
            if (ec.getParams().getCurve().getField().getFieldSize() < 256) {
                throw new CsrRejected(CsrRejected.KEY_TOO_WEAK, "EC keys need at least 256 bits");
            }
        } else if (!key.getAlgorithm().startsWith("Ed")) {
            throw new CsrRejected(CsrRejected.KEY_UNSUPPORTED, "Only RSA, EC and EdDSA keys are supported");
        }
        X500Name subject = csr.getSubject();
        if (subject == null || subject.getRDNs().length == 0) {
            throw new CsrRejected(CsrRejected.SUBJECT_MISSING, "The request names no subject");
        }
        return csr;
    }

    private static PKCS10CertificationRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new CsrRejected(CsrRejected.MALFORMED, "The request is empty");
        }
        try {
            String text = new String(body, StandardCharsets.US_ASCII);
            if (text.stripLeading().startsWith("-----BEGIN")) {
                try (PEMParser pem = new PEMParser(new StringReader(text))) {
                    Object object = pem.readObject();
                    if (object instanceof PKCS10CertificationRequest csr) {
                        return csr;
                    }
                    throw new CsrRejected(CsrRejected.MALFORMED, "The PEM holds no certificate request");
                }
            }
            return new PKCS10CertificationRequest(body);
        } catch (CsrRejected e) {
            throw e;
        } catch (Exception e) {
            throw new CsrRejected(CsrRejected.MALFORMED, "The request is not a readable PKCS#10 request in PEM or DER");
        }
    }
}
