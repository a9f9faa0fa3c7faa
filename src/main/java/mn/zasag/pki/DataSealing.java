package mn.zasag.pki;

import mn.zasag.pki.internal.SealKeys;
import mn.zasag.pki.internal.TimeStampAuthority;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals arbitrary bytes (not PDFs) with an agency's seal key, and time-stamps digests with our TSA, for
 * modules that keep their own signed records (the data exchange's message log). The keys never leave this
 * module: callers get the signature and the serial of the certificate that verifies it.
 */
@Service
public class DataSealing {

    /** The signature algorithm of every seal: the seal keys are P-256. */
    public static final String ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A detached signature over the sealed bytes.
     *
     * @param owner       the seal's owner: an agency code, or {@code platform}
     * @param serial      serial (upper-case hex) of the seal's certificate, issued by the agencies CA
     * @param signature   the {@value #ALGORITHM} signature (DER)
     */
    public record Seal(String owner, String serial, byte[] signature) {
    }

    private final SealKeys seals;
    private final Certificates certificates;
    private final TimeStampAuthority tsa;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, SealKeys.Seal> keys = new ConcurrentHashMap<>();

    DataSealing(SealKeys seals, Certificates certificates, TimeStampAuthority tsa, TransactionTemplate tx, Clock clock) {
        this.seals = seals;
        this.certificates = certificates;
        this.tsa = tsa;
        this.tx = tx;
        this.clock = clock;
    }

    /** Seals with the seal of {@code agencyCode} (the platform's own seal when null), made on first use. */
    public Seal seal(String agencyCode, byte[] data) {
        String owner = agencyCode == null ? "platform" : agencyCode;
        SealKeys.Seal key = keys.get(owner);
        if (key == null) {
            key = tx.execute(status -> seals.sealOf(owner, DocumentSigning.subjectOf(owner),
                    csr -> certificates.issue(csr, "agency_seal", agencyCode).serial(), clock.instant()));
            keys.put(owner, key);
        }
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.key());
            signer.update(data);
            return new Seal(owner, key.certificate().getSerialNumber().toString(16).toUpperCase(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal: " + e.getMessage(), e);
        }
    }

    /**
     * An RFC 3161 time-stamp token over a SHA-256 digest, from our TSA in-process, with the TSA's certificate in it.
     *
     * @return the DER TimeStampToken
     */
    public byte[] timeStamp(byte[] sha256) {
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
            TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new IllegalStateException("the TSA refused: " + response.getStatusString());
            }
            return token.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot time-stamp: " + e.getMessage(), e);
        }
    }

    /** The PEM of a certificate we issued, for an archive that must verify offline. */
    public String certificatePem(String serial) {
        return certificates.find(serial, null).map(IssuedCertificate::pem).orElseThrow(() -> new CertificateNotFound(serial));
    }
}
