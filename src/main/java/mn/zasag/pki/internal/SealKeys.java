package mn.zasag.pki.internal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The keys of seals, in PKCS#12 files next to the CAs' keys and checked against the database the same way
 * (see {@link KeyStores}). A seal's certificate is issued by the agencies CA from the {@code agency_seal}
 * profile through the ordinary issuance path, so it is in the registry, the CRL and OCSP like any other.
 */
@Component
public class SealKeys {

    /** A seal's key and its chain: the seal's certificate first, the root last. */
    public record Seal(String owner, PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private final JdbcClient jdbc;
    private final PkiSettings settings;
    private final CaHierarchy hierarchy;
    private final Map<String, Seal> loaded = new ConcurrentHashMap<>();

    SealKeys(JdbcClient jdbc, PkiSettings settings, CaHierarchy hierarchy) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.hierarchy = hierarchy;
    }

    /**
     * The owner's seal, made on first use. Call inside a transaction: the advisory lock keeps two nodes from
     * making two seals for one owner.
     *
     * @param issue issues a certificate from a DER PKCS#10 request and answers its serial in hex
     */
    public Seal sealOf(String owner, String subject, Function<byte[], String> issue, Instant now) {
        Seal cached = loaded.get(owner);
        if (cached != null) {
            return cached;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('pki.seal.' || :owner))").param("owner", owner).query((rs, n) -> 1).list();
        Optional<Seal> existing = load(owner);
        if (existing.isPresent()) {
            loaded.put(owner, existing.get());
            return existing.get();
        }
        Seal made = make(owner, subject, issue, now);
        // cached only once its certificate and row are committed: a rolled-back seal must not be used again
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                loaded.put(owner, made);
            }
        });
        return made;
    }

    private Optional<Seal> load(String owner) {
        return jdbc.sql("""
                        select s.keystore_file, s.keystore_sha256, c.certificate from pki.seal s
                        join pki.certificate c on c.serial = s.serial where s.owner = :owner
                        """).param("owner", owner)
                .query((rs, n) -> {
                    byte[] der = rs.getBytes(3);
                    PrivateKey key = KeyStores.read(keyDir().resolve(rs.getString(1)), owner, rs.getString(2), der,
                            settings.keystorePassword());
                    return new Seal(owner, key, chain(der));
                }).optional();
    }

    private Seal make(String owner, String subject, Function<byte[], String> issue, Instant now) {
        KeyPair keys = CertificateBuilder.ecKeyPair("secp256r1");
        byte[] csr;
        try {
            csr = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(keys.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the seal's certificate request: " + e.getMessage(), e);
        }
        String serial = issue.apply(csr);
        BigDecimal number = new BigDecimal(new BigInteger(serial, 16));
        byte[] der = jdbc.sql("select certificate from pki.certificate where serial = :serial").param("serial", number)
                .query(byte[].class).single();
        List<X509Certificate> chain = chain(der);
        String file = "seal-" + owner.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + serial + ".p12";
        String sha256 = KeyStores.write(keyDir().resolve(file), owner, keys.getPrivate(), chain.get(0), settings.keystorePassword());
        jdbc.sql("insert into pki.seal (owner, serial, keystore_file, keystore_sha256, created_at) values (:owner, :serial, :file, :sha, :at)")
                .param("owner", owner).param("serial", number).param("file", file).param("sha", sha256)
                .param("at", Timestamp.from(now)).update();
        return new Seal(owner, keys.getPrivate(), chain);
    }

    private List<X509Certificate> chain(byte[] der) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(Bc.x509(new org.bouncycastle.cert.X509CertificateHolder(der)));
            Authority ca = hierarchy.get("agencies");
            while (ca != null) {
                chain.add(ca.certificate());
                ca = ca.parent() == null ? null : hierarchy.get(ca.parent());
            }
            return List.copyOf(chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path keyDir() {
        return settings.keyRoot().resolve(jdbc.sql("select key_dir from pki.installation where id = 1").query(String.class).single());
    }
}
