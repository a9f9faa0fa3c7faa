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
 * reads the status from the database at that moment, so a revocation shows as soon as it commits. A
 * request that cannot be parsed gets {@code malformedRequest}; one about a CA we do not run gets
 * {@code unauthorized}; a serial the CA never issued is {@code unknown}.
 *
 * <p>Signing is most of an answer's cost, so the signed answer to a single, nonce-less request (what
 * browsers and RFC 5019 clients send) is kept and served again for up to {@link #REUSE}, but only while
 * the database still states the same status: the status is read on every request, and a revocation on
 * any node changes the key, so the next request gets a freshly signed "revoked".
 */
@Component
public class OcspResponder {

    /** How long a client or cache may reuse an answer (the nextUpdate we promise). */
    public static final Duration FRESHNESS = Duration.ofMinutes(1);

    /** How long we serve one signed answer again; well inside FRESHNESS so what we hand out stays fresh. */
    static final Duration REUSE = Duration.ofSeconds(30);
    private static final int MAX_KEPT = 100_000;

    private final Map<Kept, Answer> kept = new ConcurrentHashMap<>();

    private final CaHierarchy hierarchy;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    OcspResponder(CaHierarchy hierarchy, JdbcClient jdbc, Clock clock) throws Exception {
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.clock = clock;
        this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
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
            Kept key = requests.length == 1 && nonce == null ? Kept.of(requests[0].getCertID(), statuses[0]) : null;
            if (key != null) {
                Answer answer = kept.get(key);
                if (answer != null && answer.thisUpdate().plus(REUSE).isAfter(now)) {
                    return answer;
                }
            }
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
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(responder.key()),
                    new X509CertificateHolder[]{responder.holder(), ca.get().holder()}, Date.from(now));
            Answer answer = new Answer(new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded(), now, next);
            if (key != null) {
                if (kept.size() >= MAX_KEPT) {
                    kept.clear(); // crude but bounded; a full map only costs re-signing
                }
                kept.put(key, answer);
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

    /** A request (its CertID, bytes and all, so hash algorithms never mix) and the status stated for it. */
    private record Kept(ByteBuffer certId, String status) {
        static Kept of(CertificateID id, CertificateStatus status) throws java.io.IOException {
            String stated = status == CertificateStatus.GOOD ? "good"
                    : status instanceof RevokedStatus r ? "revoked:" + r.getRevocationTime().getTime() + ":"
                    + (r.hasRevocationReason() ? r.getRevocationReason() : -1)
                    : "unknown";
            return new Kept(ByteBuffer.wrap(id.toASN1Primitive().getEncoded()), stated);
        }
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
