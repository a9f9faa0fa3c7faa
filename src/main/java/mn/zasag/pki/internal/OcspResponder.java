package mn.zasag.pki.internal;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.ByteBuffer;

/**
 * RFC 6960 responder. Each answer is signed by the delegated responder of the CA the request names and
 * states the status read from the database. A request that cannot be parsed gets {@code malformedRequest};
 * one about a CA we do not run gets {@code unauthorized}; a serial the CA never issued is {@code unknown}.
 *
 * <p>Signing and reading the status are most of an answer's cost, so the signed answer to a single,
 * nonce-less request (what browsers, CDNs and RFC 5019 clients send) is kept, keyed by the request's very
 * bytes, and served again for up to {@link #REUSE} without parsing, reading or signing anything, but only
 * while {@link RevocationWatch} says no status changed since it was signed: a change on this node stops
 * the reuse as soon as it commits, one on another node within a quarter of a second. Unknown answers and
 * answers to requests with a nonce are never kept.
 */
@Component
public class OcspResponder {

    /** How long a client or cache may reuse an answer (the nextUpdate we promise). */
    public static final Duration FRESHNESS = Duration.ofMinutes(1);

    /** How long we serve one signed answer again; well inside FRESHNESS so what we hand out stays fresh. */
    static final Duration REUSE = Duration.ofSeconds(30);
    private static final int MAX_KEPT = 100_000;
    /** Longer requests (many certificates at once) are not worth keeping. */
    private static final int MAX_KEYED_REQUEST = 1024;

    private final Map<ByteBuffer, Kept> kept = new ConcurrentHashMap<>();

    private final CaHierarchy hierarchy;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RevocationWatch watch;
    private final DigestCalculatorProvider digests;

    OcspResponder(CaHierarchy hierarchy, JdbcClient jdbc, Clock clock, RevocationWatch watch) throws Exception {
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.clock = clock;
        this.watch = watch;
        this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
    }

    /** A signed answer and the generation of statuses it was read under. */
    private record Kept(Answer answer, long generation) {
    }

    /**
     * @param der               the response
     * @param thisUpdate        when the status was read, or null for an error response
     * @param nextUpdate        until when it may be reused, or null for an error response
     */
    public record Answer(byte[] der, Instant thisUpdate, Instant nextUpdate) {
        public boolean successful() {
            return thisUpdate != null;
        }
    }

    public Answer respond(byte[] request) {
        boolean keyable = request.length <= MAX_KEYED_REQUEST;
        if (keyable && watch.current()) {
            Kept hit = kept.get(ByteBuffer.wrap(request));
            if (hit != null && hit.generation() == watch.generation()
                    && hit.answer().thisUpdate().plus(REUSE).isAfter(clock.instant())) {
                return hit.answer();
            }
        }
        // read before the status: an answer read under an older generation is never kept
        long generation = watch.generation();
        OCSPReq req;
        Req[] requests;
        try {
            req = new OCSPReq(request);
            requests = req.getRequestList();
        } catch (Exception e) {
            return error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        if (requests.length == 0) {
            return error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            Optional<Authority> ca = issuerOf(requests[0].getCertID());
            if (ca.isEmpty()) {
                return error(OCSPRespBuilder.UNAUTHORIZED);
            }
            for (Req r : requests) {
                if (!r.getCertID().matchesIssuer(ca.get().holder(), digests)) {
                    return error(OCSPRespBuilder.UNAUTHORIZED);
                }
            }
            CertificateStatus[] statuses = new CertificateStatus[requests.length];
            for (int i = 0; i < requests.length; i++) {
                statuses[i] = status(ca.get(), requests[i].getCertID());
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Authority responder = hierarchy.responderFor(ca.get().code());
            Instant next = now.plus(FRESHNESS);
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(responder.holder().getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
            for (int i = 0; i < requests.length; i++) {
                builder.addResponse(requests[i].getCertID(), statuses[i], Date.from(now), Date.from(next), null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(
                    Bc.signer("SHA256withECDSA", responder.key()),
                    new X509CertificateHolder[]{responder.holder(), ca.get().holder()}, Date.from(now));
            Answer answer = new Answer(new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded(), now, next);
            boolean keep = keyable && requests.length == 1 && nonce == null && !(statuses[0] instanceof UnknownStatus);
            if (keep && generation == watch.generation()) {
                if (kept.size() >= MAX_KEPT) {
                    kept.clear(); // crude but bounded; a full map only costs re-signing
                }
                kept.put(ByteBuffer.wrap(request.clone()), new Kept(answer, generation));
            }
            return answer;
        } catch (Exception e) {
            return error(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private Optional<Authority> issuerOf(CertificateID id) throws Exception {
        for (Authority ca : hierarchy.issuingCas()) {
            if (id.matchesIssuer(ca.holder(), digests)) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }

    private CertificateStatus status(Authority ca, CertificateID id) {
        Optional<Optional<CertificateStatus>> row = jdbc.sql("select status, revoked_at, revocation_reason from pki.certificate where serial = :serial and ca_code = :ca")
                .param("serial", new BigDecimal(id.getSerialNumber())).param("ca", ca.code())
                // Bouncy Castle spells "good" as null, so the row maps to an Optional first
                .query((rs, n) -> "GOOD".equals(rs.getString(1)) ? Optional.<CertificateStatus>empty()
                        : Optional.<CertificateStatus>of(new RevokedStatus(new Date(rs.getTimestamp(2).getTime()), rs.getInt(3))))
                .optional();
        return row.isEmpty() ? new UnknownStatus() : row.get().orElse(CertificateStatus.GOOD);
    }

    private static Answer error(int status) {
        try {
            return new Answer(new OCSPRespBuilder().build(status, null).getEncoded(), null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static OCSPResp parse(byte[] der) throws java.io.IOException {
        return new OCSPResp(der);
    }
}
