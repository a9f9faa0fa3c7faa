package mn.zasag.pki.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Keys in PKCS#12 files, one per CA or signer. The database records each file's SHA-256, so a data
 * directory and a database that do not belong together are refused at start with a message that says so,
 * instead of signing with a key no certificate matches.
 */
final class KeyStores {

    private KeyStores() {
    }

    /** Writes a new key store and answers its SHA-256; an existing file is never overwritten. */
    static String write(Path file, String alias, PrivateKey key, X509Certificate certificate, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, new Certificate[]{certificate});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes.toByteArray(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return Bc.sha256(bytes.toByteArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the PKI key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the key of {@code alias}, after checking that the file is the one the database recorded. */
    static PrivateKey read(Path file, String alias, String expectedSha256, byte[] expectedCertificate, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The PKI key store " + file + " is missing. The database names it as the key of '"
                    + alias + "'. Restore the data directory that belongs to this database (ZASAG_DATA_DIR), or start with a fresh database.");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String actual = Bc.sha256(bytes);
            if (!actual.equals(expectedSha256)) {
                throw new IllegalStateException("The PKI key store " + file + " does not match the database: its SHA-256 is "
                        + actual + ", the database recorded " + expectedSha256 + ". The data directory (ZASAG_DATA_DIR) and the "
                        + "database belong to different installations; refusing to sign with keys no certificate matches.");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(new ByteArrayInputStream(bytes), password);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot open the PKI key store " + file
                        + ": wrong password? Check ZASAG_PKI_KEYSTORE_PASSWORD.", e);
            }
            Certificate stored = store.getCertificate(alias);
            if (stored == null || !Arrays.equals(stored.getEncoded(), expectedCertificate)) {
                throw new IllegalStateException("The PKI key store " + file + " holds no certificate for '" + alias
                        + "' matching the database.");
            }
            return (PrivateKey) store.getKey(alias, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the PKI key store " + file + ": " + e.getMessage(), e);
        }
    }
}
