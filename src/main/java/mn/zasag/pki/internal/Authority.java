package mn.zasag.pki.internal;

import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A CA or service signer with its key, loaded from its PKCS#12 file.
 *
 * @param code   stable code used in URLs ({@code root}, {@code agencies}, {@code ocsp-agencies}, ...)
 * @param kind   ROOT, ISSUING, OCSP_RESPONDER or TSA
 * @param parent code of the CA that certified it, or null for the root
 */
public record Authority(String code, Kind kind, String parent, X509CertificateHolder holder, X509Certificate certificate,
                        PrivateKey key) {

    public enum Kind { ROOT, ISSUING, OCSP_RESPONDER, TSA }

    public boolean isCa() {
        return kind == Kind.ROOT || kind == Kind.ISSUING;
    }

    public byte[] der() {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String pem() {
        return Bc.pem(holder);
    }

    /** ECDSA with the hash that matches the key's strength. */
    public String signatureAlgorithm() {
        return "SHA384withECDSA";
    }
}
