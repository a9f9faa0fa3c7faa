package mn.zasag.pki;

import mn.zasag.pki.internal.Authority;
import mn.zasag.pki.internal.Bc;
import mn.zasag.pki.internal.CaHierarchy;
import mn.zasag.pki.internal.CrlPublisher;
import org.bouncycastle.cert.X509CRLHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The CAs others need to trust us: their certificates, fingerprints and current CRLs. */
@Service
public class CertificateAuthorities {

    private final CaHierarchy hierarchy;
    private final CrlPublisher crls;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    CertificateAuthorities(CaHierarchy hierarchy, CrlPublisher crls, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.hierarchy = hierarchy;
        this.crls = crls;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One CA's public face.
     *
     * @param code    the code in its URLs
     * @param root    whether it is the self-signed root
     * @param subject its distinguished name
     * @param sha256  SHA-256 fingerprint of its certificate, colon-separated hex
     * @param notAfter end of validity
     * @param pem     its certificate in PEM
     */
    public record CaCertificate(String code, boolean root, String subject, String sha256, Instant notAfter, String pem) {
    }

    /** The root first, then the issuing CAs by code. */
    public List<CaCertificate> all() {
        return hierarchy.cas().stream()
                .sorted(Comparator.comparing((Authority a) -> a.kind() != Authority.Kind.ROOT).thenComparing(Authority::code))
                .map(CertificateAuthorities::view).toList();
    }

    public CaCertificate get(String code) {
        return hierarchy.find(code).filter(Authority::isCa).map(CertificateAuthorities::view)
                .orElseThrow(() -> new AuthorityNotFound(code));
    }

    /** PEM of the time-stamping certificate and the CAs above it, leaf first. */
    public String chainPem(String code) {
        StringBuilder pem = new StringBuilder();
        for (Authority a = hierarchy.find(code).orElseThrow(() -> new AuthorityNotFound(code)); a != null;
             a = a.parent() == null ? null : hierarchy.get(a.parent())) {
            pem.append(a.pem());
        }
        return pem.toString();
    }

    /** The CA's CRL in DER; re-signed first when more than half of its validity has passed. */
    public byte[] crl(String code) {
        Authority ca = hierarchy.find(code).filter(Authority::isCa).orElseThrow(() -> new AuthorityNotFound(code));
        byte[] der = jdbc.sql("select crl from pki.authority where code = :code").param("code", code).query(byte[].class).single();
        if (der == null || stale(der)) {
            der = tx.execute(status -> crls.publish(ca));
        }
        return der;
    }

    /**
     * Re-signs every CRL past half its validity even when nobody asks for it, so copies mirrored by relying
     * parties never reach their nextUpdate. Nodes may overlap; the row lock in {@link CrlPublisher} orders them.
     */
    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void refreshCrls() {
        hierarchy.cas().forEach(ca -> crl(ca.code()));
    }

    private boolean stale(byte[] der) {
        try {
            Instant thisUpdate = new X509CRLHolder(der).getThisUpdate().toInstant();
            return clock.instant().isAfter(thisUpdate.plus(CrlPublisher.VALIDITY.dividedBy(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaCertificate view(Authority a) {
        return new CaCertificate(a.code(), a.kind() == Authority.Kind.ROOT,
                org.bouncycastle.asn1.x500.style.RFC4519Style.INSTANCE.toString(a.holder().getSubject()),
                Bc.fingerprint(a.der()), a.certificate().getNotAfter().toInstant(), a.pem());
    }
}
