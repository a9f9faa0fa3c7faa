package mn.zasag.exchange.internal;

import mn.zasag.pki.CertificateAuthorities;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status of a TLS client certificate, asked the way any relying party asks: by OCSP (RFC 6960) from the responder
 * the certificate names in its Authority Information Access, over HTTP, and when that gives no usable answer from the
 * CRL its CRL Distribution Point names. The answer is checked (signed by the issuing CA or by a responder the CA
 * delegated with {@code id-kp-OCSPSigning}, for this certificate, current) and kept until its {@code nextUpdate} (at most
 * five minutes), so a revocation counts from the responder's next answer (our responder promises one minute; a CRL,
 * valid for a day, is asked again after five minutes). No answer at all is not a
 * good answer: the certificate is then refused.
 */
@Component
class RevocationChecker {

    private static final Logger log = LoggerFactory.getLogger(RevocationChecker.class);
    /** How long an answer without nextUpdate is kept, and how far clocks may differ. */
    static final Duration DEFAULT_KEEP = Duration.ofMinutes(1);
    private static final Duration SKEW = Duration.ofMinutes(2);
    /** The longest an answer is reused even when it promises more (a CRL is valid for a day). */
    static final Duration MAX_KEEP = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_KEPT = 10_000;

    enum Status { GOOD, REVOKED, UNKNOWN }

    /** A checked status, where it came from ({@code ocsp} or {@code crl}) and until when it may be reused. */
    record Checked(Status status, String source, Instant until) {
    }

    private final CertificateAuthorities authorities;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Checked> kept = new ConcurrentHashMap<>();
    private final DigestCalculatorProvider digests;
    private volatile Map<String, X509Certificate> cas;

    RevocationChecker(CertificateAuthorities authorities, Clock clock) throws Exception {
        this.authorities = authorities;
        this.clock = clock;
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    /** The certificate's status; an empty answer when neither OCSP nor the CRL could tell. */
    Optional<Checked> check(X509Certificate certificate) {
        X509Certificate issuer = issuerOf(certificate).orElse(null);
        if (issuer == null) {
            return Optional.empty();
        }
        String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber().toString(16);
        Instant now = clock.instant();
        Checked known = kept.get(key);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known);
        }
        Checked checked = null;
        try {
            checked = ocsp(certificate, issuer, now);
        } catch (Exception e) {
            log.warn("OCSP gave no usable answer for certificate {}: {}; trying the CRL", key, e.getMessage());
        }
        if (checked == null) {
            try {
                checked = crl(certificate, issuer, now);
            } catch (Exception e) {
                log.warn("the CRL gave no usable answer for certificate {}: {}", key, e.getMessage());
            }
        }
        if (checked == null) {
            return Optional.empty();
        }
        if (kept.size() > MAX_KEPT) {
            kept.clear();
        }
        kept.put(key, checked);
        return Optional.of(checked);
    }

    private Checked ocsp(X509Certificate certificate, X509Certificate issuer, Instant now) throws Exception {
        String url = ocspUrl(certificate).orElseThrow(() -> new IllegalStateException("the certificate names no OCSP responder"));
        JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder, certificate.getSerialNumber());
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/ocsp-request").header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the responder answered HTTP " + response.statusCode());
        }
        OCSPResp resp = new OCSPResp(response.body());
        if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
            throw new IllegalStateException("the responder answered status " + resp.getStatus());
        }
        X509CertificateHolder signer = signerOf(basic, issuerHolder);
        if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer))) {
            throw new IllegalStateException("the OCSP answer's signature does not verify");
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(SKEW)) || (nextUpdate != null && nextUpdate.isBefore(now))) {
                throw new IllegalStateException("the OCSP answer is not current");
            }
            Instant until = keep(now, nextUpdate);
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return new Checked(Status.GOOD, "ocsp", until);
            }
            return new Checked(status instanceof RevokedStatus ? Status.REVOKED : Status.UNKNOWN, "ocsp", until);
        }
        throw new IllegalStateException("the OCSP answer is about other certificates");
    }

    private static Instant keep(Instant now, Instant nextUpdate) {
        Instant cap = now.plus(MAX_KEEP);
        return nextUpdate == null ? now.plus(DEFAULT_KEEP) : nextUpdate.isBefore(cap) ? nextUpdate : cap;
    }

    /** The issuing CA itself, or a responder certificate in the answer that the CA issued for OCSP signing. */
    private X509CertificateHolder signerOf(BasicOCSPResp basic, X509CertificateHolder issuer) throws Exception {
        if (names(basic.getResponderId(), issuer)) {
            return issuer;
        }
        for (X509CertificateHolder candidate : basic.getCerts()) {
            if (!names(basic.getResponderId(), candidate)) {
                continue;
            }
            if (!candidate.getIssuer().equals(issuer.getSubject())
                    || !candidate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
                throw new IllegalStateException("the OCSP responder's certificate is not issued by the certificate's CA");
            }
            ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(candidate.getExtensions());
            if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                throw new IllegalStateException("the OCSP responder's certificate is not for OCSP signing");
            }
            return candidate;
        }
        throw new IllegalStateException("the OCSP answer's signer is unknown");
    }

    /** Whether a responder id (by name, or by the SHA-1 of the key) names this certificate. */
    private boolean names(RespID id, X509CertificateHolder certificate) throws Exception {
        return id.equals(new RespID(certificate.getSubject()))
                || id.equals(new RespID(certificate.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
    }

    private Checked crl(X509Certificate certificate, X509Certificate issuer, Instant now) throws Exception {
        String url = crlUrl(certificate).orElseThrow(() -> new IllegalStateException("the certificate names no CRL"));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the CRL's server answered HTTP " + response.statusCode());
        }
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new IllegalStateException("the CRL is of another CA");
        }
        crl.verify(issuer.getPublicKey());
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(SKEW)) || (nextUpdate != null && nextUpdate.isBefore(now))) {
            throw new IllegalStateException("the CRL is not current");
        }
        Instant until = keep(now, nextUpdate);
        return new Checked(crl.isRevoked(certificate) ? Status.REVOKED : Status.GOOD, "crl", until);
    }

    private Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        Map<String, X509Certificate> known = cas;
        if (known == null || !known.containsKey(certificate.getIssuerX500Principal().getName())) {
            known = new ConcurrentHashMap<>();
            try {
                CertificateFactory x509 = CertificateFactory.getInstance("X.509");
                for (CertificateAuthorities.CaCertificate ca : authorities.all()) {
                    X509Certificate c = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(ca.pem().getBytes(StandardCharsets.US_ASCII)));
                    known.put(c.getSubjectX500Principal().getName(), c);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the CA certificates", e);
            }
            cas = known;
        }
        X509Certificate issuer = known.get(certificate.getIssuerX500Principal().getName());
        if (issuer == null) {
            return Optional.empty();
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return Optional.of(issuer);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<String> ocspUrl(X509Certificate certificate) throws Exception {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(new JcaX509CertificateHolder(certificate).getExtensions());
        if (aia == null) {
            return Optional.empty();
        }
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp) && httpUri(d.getAccessLocation()) != null) {
                return Optional.of(httpUri(d.getAccessLocation()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> crlUrl(X509Certificate certificate) throws Exception {
        CRLDistPoint points = CRLDistPoint.fromExtensions(new JcaX509CertificateHolder(certificate).getExtensions());
        if (points == null) {
            return Optional.empty();
        }
        for (DistributionPoint p : points.getDistributionPoints()) {
            if (p.getDistributionPoint() != null && p.getDistributionPoint().getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName name : GeneralNames.getInstance(p.getDistributionPoint().getName()).getNames()) {
                    if (httpUri(name) != null) {
                        return Optional.of(httpUri(name));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String httpUri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return null;
        }
        String uri = name.getName().toString();
        return uri.startsWith("http://") || uri.startsWith("https://") ? uri : null;
    }
}
