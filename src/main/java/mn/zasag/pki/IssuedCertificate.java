package mn.zasag.pki;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A certificate the platform issued, with its current status.
 *
 * @param serial           serial number in upper-case hex
 * @param ca               code of the issuing CA
 * @param profile          code of the certificate profile
 * @param subject          subject distinguished name (RFC 4514)
 * @param notBefore        start of validity
 * @param notAfter         end of validity
 * @param status           GOOD, ON_HOLD or REVOKED
 * @param revocationReason RFC 5280 reason when revoked or on hold, else null
 * @param revokedAt        when it was revoked or suspended, else null
 * @param pem              the certificate in PEM
 */
public record IssuedCertificate(String serial, String ca, String profile, String subject, Instant notBefore,
                                Instant notAfter, CertificateStatus status, RevocationReason revocationReason,
                                Instant revokedAt, String pem) {

    public BigInteger serialNumber() {
        return new BigInteger(serial, 16);
    }
}
