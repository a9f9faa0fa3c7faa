package mn.zasag.pki.internal;

import org.springframework.stereotype.Component;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/**
 * The PKCS#11 token that holds the hierarchy's keys when {@code ZASAG_PKCS11_CONFIG} names a SunPKCS11
 * configuration (e.g. SoftHSM2 or a real HSM); otherwise unused and the keys go to PKCS#12 files. Keys are
 * generated inside the token and never leave it; signing goes through the token's JCA provider (registered
 * so that JCA picks it for these keys). Aliases carry the installation's key directory name, so two
 * databases never overwrite each other's keys in one token.
 */
@Component
public class Pkcs11Token {

    private final Provider provider;
    private final KeyStore store;

    Pkcs11Token(PkiSettings settings) {
        if (settings.pkcs11Config() == null) {
            provider = null;
            store = null;
            return;
        }
        try {
            Provider configured = Security.getProvider("SunPKCS11").configure(settings.pkcs11Config());
            Provider registered = Security.getProvider(configured.getName());
            if (registered == null) {
                Security.addProvider(configured);
                registered = configured;
            }
            provider = registered;
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, settings.pkcs11Pin());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the PKCS#11 token configured by ZASAG_PKCS11_CONFIG ("
                    + settings.pkcs11Config() + "): " + e.getMessage() + ". Check the library path, slot and ZASAG_PKCS11_PIN.", e);
        }
    }

    public boolean enabled() {
        return provider != null;
    }

    /** An EC key pair made inside the token. */
    KeyPair generate(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("The PKCS#11 token cannot make an EC " + curve + " key: " + e.getMessage(), e);
        }
    }

    /** Stores the key as a token object with its certificate; answers the reference kept in the database. */
    String put(String alias, PrivateKey key, X509Certificate certificate) {
        try {
            if (store.containsAlias(alias)) {
                throw new IllegalStateException("The PKCS#11 token already holds a key named " + alias + "; refusing to overwrite it");
            }
            store.setKeyEntry(alias, key, null, new Certificate[]{certificate});
            return "pkcs11:" + alias;
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("Cannot store " + alias + " in the PKCS#11 token: " + e.getMessage(), e);
        }
    }

    /** The key the database names, after checking that the token's certificate for it is the recorded one. */
    PrivateKey get(String alias, byte[] expectedCertificate) {
        if (!enabled()) {
            throw new IllegalStateException("The database says the key of " + alias + " is in a PKCS#11 token, but "
                    + "ZASAG_PKCS11_CONFIG is not set. Set it (and ZASAG_PKCS11_PIN) to the token this installation uses.");
        }
        try {
            Certificate stored = store.getCertificate(alias);
            if (stored == null || !Arrays.equals(stored.getEncoded(), expectedCertificate)) {
                throw new IllegalStateException("The PKCS#11 token holds no certificate for " + alias + " matching the database");
            }
            return (PrivateKey) store.getKey(alias, null);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + alias + " from the PKCS#11 token: " + e.getMessage(), e);
        }
    }

    /** Aliases in the token, for tests and diagnostics. */
    public java.util.List<String> aliases() throws java.security.KeyStoreException {
        return store == null ? java.util.List.of() : java.util.Collections.list(store.aliases());
    }
}
