package mn.zasag.pki.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** Where keys live, how they are protected, and the base URL certificates point to. */
@Component
public class PkiSettings {

    private final Path keyRoot;
    private final char[] keystorePassword;
    private final String publicUrl;
    private final String pkcs11Config;
    private final char[] pkcs11Pin;

    PkiSettings(@Value("${zasag.data-dir:./data}") String dataDir,
                @Value("${zasag.pki.keystore-password}") String keystorePassword,
                @Value("${zasag.public-url:http://localhost:8080}") String publicUrl,
                @Value("${zasag.pki.pkcs11-config:}") String pkcs11Config,
                @Value("${zasag.pki.pkcs11-pin:}") String pkcs11Pin) {
        this.pkcs11Config = pkcs11Config == null || pkcs11Config.isBlank() ? null : pkcs11Config.strip();
        this.pkcs11Pin = pkcs11Pin == null ? new char[0] : pkcs11Pin.toCharArray();
        this.keyRoot = Path.of(dataDir).resolve("pki").toAbsolutePath().normalize();
        this.keystorePassword = keystorePassword.toCharArray();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** {@code <data dir>/pki}: one sub-directory per database the platform ever initialised. */
    public Path keyRoot() {
        return keyRoot;
    }

    /** Path of the SunPKCS11 configuration file, or null when the keys live in PKCS#12 files. */
    String pkcs11Config() {
        return pkcs11Config;
    }

    char[] pkcs11Pin() {
        return pkcs11Pin.clone();
    }

    char[] keystorePassword() {
        return keystorePassword.clone();
    }

    /** The platform's public base URL without a trailing slash, e.g. {@code https://zasag.gov.mn}. */
    public String publicUrl() {
        return publicUrl;
    }

    public String crlUrl(String ca) {
        return publicUrl + "/pki/crl/" + ca + ".crl";
    }

    public String caCertificateUrl(String ca) {
        return publicUrl + "/pki/ca/" + ca + ".pem";
    }

    public String ocspUrl() {
        return publicUrl + "/pki/ocsp";
    }
}
