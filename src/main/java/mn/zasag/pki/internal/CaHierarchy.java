package mn.zasag.pki.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.pki.internal.Authority.Kind;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The CA hierarchy, created on the first start of a database and loaded on every start:
 * <pre>
 * root ─┬─ agencies (seals, TLS)  ── ocsp-agencies
 *       ├─ persons                ── ocsp-persons
 *       └─ services               ─┬ ocsp-services
 *                                  └ tsa
 * </pre>
 * Each issuing CA certifies its own OCSP responder, because RFC 6960 only trusts a delegated responder
 * certified by the CA whose certificates it speaks for.
 */
@Component
public class CaHierarchy implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CaHierarchy.class);
    private static final String ORG = ",O=Zasag,C=MN";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PkiSettings settings;
    private final AuditTrail audit;
    private final CrlPublisher crls;
    private final Pkcs11Token token;
    private volatile Map<String, Authority> authorities = Map.of();

    CaHierarchy(JdbcClient jdbc, TransactionTemplate tx, Clock clock, PkiSettings settings, AuditTrail audit, CrlPublisher crls,
                Pkcs11Token token) {
        this.token = token;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.crls = crls;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(status -> {
            // one node creates the hierarchy; the others wait here and then load what it made
            jdbc.sql("select pg_advisory_xact_lock(hashtext('pki.hierarchy'))").query((rs, n) -> 1).list();
            if (keyDir().isEmpty()) {
                create();
            }
        });
        authorities = load();
        tx.executeWithoutResult(status -> register(authorities.values()));
    }

    private static final Map<Kind, String> PROFILES = Map.of(Kind.ISSUING, "issuing_ca", Kind.OCSP_RESPONDER, "ocsp_responder",
            Kind.TSA, "time_stamping");

    /**
     * Puts the certificates the hierarchy issued itself (issuing CAs under the root, responders and the TSA
     * under their CA) in the registry of issued certificates, so OCSP answers good or revoked for them
     * instead of unknown and a revocation lands in the parent's CRL. Idempotent: installations made before
     * the registry held them get their rows on the next start.
     */
    private void register(java.util.Collection<Authority> all) {
        for (Authority a : all) {
            if (a.parent() == null) {
                continue;
            }
            X509CertificateHolder h = a.holder();
            jdbc.sql("""
                            insert into pki.certificate (serial, ca_code, profile_code, subject_dn, certificate, not_before, not_after,
                                                         status, agency_code, issued_by, issued_at)
                            values (:serial, :ca, :profile, :subject, :der, :nb, :na, 'GOOD', null, 'system', :nb)
                            on conflict (serial) do nothing
                            """)
                    .param("serial", new java.math.BigDecimal(h.getSerialNumber())).param("ca", a.parent())
                    .param("profile", PROFILES.get(a.kind()))
                    .param("subject", org.bouncycastle.asn1.x500.style.RFC4519Style.INSTANCE.toString(h.getSubject()))
                    .param("der", a.der()).param("nb", Timestamp.from(h.getNotBefore().toInstant()))
                    .param("na", Timestamp.from(h.getNotAfter().toInstant())).update();
        }
    }

    public Optional<Authority> find(String code) {
        return Optional.ofNullable(authorities.get(code));
    }

    public Authority get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("no authority " + code));
    }

    public List<Authority> all() {
        return List.copyOf(authorities.values());
    }

    public List<Authority> cas() {
        return authorities.values().stream().filter(Authority::isCa).toList();
    }

    public List<Authority> issuingCas() {
        return authorities.values().stream().filter(a -> a.kind() == Kind.ISSUING).toList();
    }

    /** The delegated OCSP responder of an issuing CA. */
    public Authority responderFor(String caCode) {
        return get("ocsp-" + caCode);
    }

    private Optional<String> keyDir() {
        return jdbc.sql("select key_dir from pki.installation where id = 1").query(String.class).optional();
    }

    private void create() {
        String keyDir = UUID.randomUUID().toString();
        Path dir = settings.keyRoot().resolve(keyDir);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("insert into pki.installation (id, key_dir, created_at) values (1, :dir, :at)")
                .param("dir", keyDir).param("at", Timestamp.from(now)).update();
        log.info("Creating the PKI hierarchy; keys in {}", dir);
        Map<String, Authority> made = new LinkedHashMap<>();
        Authority root = make(dir, made, "root", Kind.ROOT, null, "CN=Zasag Root CA" + ORG, "secp384r1", now, 20,
                List.of(CertificateBuilder.ca(null)));
        for (String[] ca : new String[][]{
                {"agencies", "CN=Zasag Agencies CA (seals and TLS)" + ORG},
                {"persons", "CN=Zasag Persons CA" + ORG},
                {"services", "CN=Zasag Services CA (time-stamping and OCSP)" + ORG}}) {
            Authority issuing = make(dir, made, ca[0], Kind.ISSUING, root, ca[1], "secp384r1", now, 10,
                    List.of(CertificateBuilder.ca(0), CertificateBuilder.revocationPointers(settings, root.code())));
            make(dir, made, "ocsp-" + ca[0], Kind.OCSP_RESPONDER, issuing, "CN=Zasag OCSP Responder (" + ca[0] + ")" + ORG,
                    "secp256r1", now, 2, List.of(
                            CertificateBuilder.endEntity(KeyUsage.digitalSignature, KeyPurposeId.id_kp_OCSPSigning),
                            CertificateBuilder.ocspNoCheck()));
        }
        make(dir, made, "tsa", Kind.TSA, made.get("services"), "CN=Zasag Time-Stamping Authority" + ORG, "secp256r1", now, 5,
                List.of(b -> {
                    b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                            new org.bouncycastle.asn1.x509.BasicConstraints(false));
                    b.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    // RFC 3161 2.3: the only purpose, and critical
                    b.addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, true,
                            new org.bouncycastle.asn1.x509.ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }, CertificateBuilder.revocationPointers(settings, "services")));
        for (Authority a : made.values()) {
            if (a.isCa()) {
                crls.publish(a);
            }
        }
    }

    private Authority make(Path dir, Map<String, Authority> made, String code, Kind kind, Authority parent, String subject,
                           String curve, Instant now, int years, List<CertificateBuilder.Extra> extras) {
        KeyPair keys = token.enabled() ? token.generate(curve) : CertificateBuilder.ecKeyPair(curve);
        X500Name name = new X500Name(subject);
        Instant notAfter = now.atZone(java.time.ZoneOffset.UTC).plusYears(years).toInstant();
        if (parent != null && notAfter.isAfter(parent.certificate().getNotAfter().toInstant())) {
            notAfter = parent.certificate().getNotAfter().toInstant();
        }
        X509CertificateHolder holder = CertificateBuilder.build(parent == null ? name : parent.holder().getSubject(),
                parent == null ? null : parent.holder(), parent == null ? keys.getPrivate() : parent.key(),
                parent == null ? "SHA384withECDSA" : parent.signatureAlgorithm(), CertificateBuilder.newSerial(), name,
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), now, notAfter, extras);
        Authority authority = new Authority(code, kind, parent == null ? null : parent.code(), holder, Bc.x509(holder), keys.getPrivate());
        String file;
        String sha256;
        if (token.enabled()) {
            // the key stays in the token; the database keeps the reference and the certificate's hash
            file = token.put(dir.getFileName() + "-" + code, keys.getPrivate(), authority.certificate());
            sha256 = Bc.sha256(authority.der());
        } else {
            file = code + ".p12";
            sha256 = KeyStores.write(dir.resolve(file), code, keys.getPrivate(), authority.certificate(), settings.keystorePassword());
        }
        jdbc.sql("""
                        insert into pki.authority (code, kind, parent_code, subject_dn, certificate, keystore_file, keystore_sha256, created_at)
                        values (:code, :kind, :parent, :subject, :certificate, :file, :sha256, :at)
                        """)
                .param("code", code).param("kind", kind.name()).param("parent", authority.parent())
                .param("subject", subject).param("certificate", authority.der()).param("file", file)
                .param("sha256", sha256).param("at", Timestamp.from(now)).update();
        audit.record(AuditEvent.success("pki.authority.created", "certificate_authority", code)
                .withActorLogin("system")
                .withDetails(Map.of("kind", kind.name(), "subject", subject, "sha256", Bc.sha256(authority.der()))));
        made.put(code, authority);
        return authority;
    }

    private Map<String, Authority> load() {
        String keyDir = keyDir().orElseThrow();
        Path dir = settings.keyRoot().resolve(keyDir);
        List<Authority> loaded = new ArrayList<>();
        jdbc.sql("select code, kind, parent_code, certificate, keystore_file, keystore_sha256 from pki.authority order by created_at, code")
                .query((rs, n) -> {
                    byte[] der = rs.getBytes(4);
                    String code = rs.getString(1);
                    String file = rs.getString(5);
                    PrivateKey key = file.startsWith("pkcs11:") ? token.get(file.substring("pkcs11:".length()), der)
                            : KeyStores.read(dir.resolve(file), code, rs.getString(6), der, settings.keystorePassword());
                    try {
                        X509CertificateHolder holder = new X509CertificateHolder(der);
                        loaded.add(new Authority(code, Kind.valueOf(rs.getString(2)), rs.getString(3), holder, Bc.x509(holder), key));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return code;
                }).list();
        Map<String, Authority> byCode = new LinkedHashMap<>();
        loaded.forEach(a -> byCode.put(a.code(), a));
        return Collections.unmodifiableMap(byCode);
    }
}
