package mn.zasag.pki.internal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoresTests {

    @TempDir
    Path dir;

    final char[] password = "test-only".toCharArray();
    final KeyPair keys = CertificateBuilder.ecKeyPair("secp256r1");
    final X500Name name = new X500Name("CN=Test CA");
    final X509CertificateHolder holder = CertificateBuilder.build(name, null, keys.getPrivate(), "SHA256withECDSA",
            CertificateBuilder.newSerial(), name, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"), List.of(CertificateBuilder.ca(null)));

    @Test
    void aKeyStoreReadsBackTheKeyItWasWrittenWith() throws Exception {
        Path file = dir.resolve("ca.p12");
        String sha256 = KeyStores.write(file, "ca", keys.getPrivate(), Bc.x509(holder), password);

        assertThat(KeyStores.read(file, "ca", sha256, holder.getEncoded(), password).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void anExistingKeyStoreIsNeverOverwritten() {
        Path file = dir.resolve("ca.p12");
        KeyStores.write(file, "ca", keys.getPrivate(), Bc.x509(holder), password);

        assertThatThrownBy(() -> KeyStores.write(file, "ca", keys.getPrivate(), Bc.x509(holder), password))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyStoreThatIsNotTheOneTheDatabaseRecordedIsRefusedWithAMessageSayingSo() throws Exception {
        Path file = dir.resolve("ca.p12");
        KeyStores.write(file, "ca", keys.getPrivate(), Bc.x509(holder), password);
        String otherInstallation = "00".repeat(32);

        assertThatThrownBy(() -> KeyStores.read(file, "ca", otherInstallation, holder.getEncoded(), password))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match the database")
                .hasMessageContaining("ZASAG_DATA_DIR");
    }

    @Test
    void aMissingKeyStoreIsNamedInTheMessage() {
        Path file = dir.resolve("gone.p12");

        assertThatThrownBy(() -> KeyStores.read(file, "ca", "AB", holder.getEncoded(), password))
                .hasMessageContaining(file.toString()).hasMessageContaining("missing");
    }

    @Test
    void aWrongPasswordPointsAtTheSetting() throws Exception {
        Path file = dir.resolve("ca.p12");
        String sha256 = KeyStores.write(file, "ca", keys.getPrivate(), Bc.x509(holder), password);
        assertThat(Files.exists(file)).isTrue();

        assertThatThrownBy(() -> KeyStores.read(file, "ca", sha256, holder.getEncoded(), "wrong".toCharArray()))
                .hasMessageContaining("ZASAG_PKI_KEYSTORE_PASSWORD");
    }
}
