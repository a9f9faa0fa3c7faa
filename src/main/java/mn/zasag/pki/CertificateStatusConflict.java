package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The certificate's status does not allow this move (a revoked certificate stays revoked). */
public class CertificateStatusConflict extends ProblemException {
    public CertificateStatusConflict(String serial, CertificateStatus from, CertificateStatus to) {
        super(HttpStatus.CONFLICT, "certificate_status_conflict",
                "Certificate " + serial + " cannot go from " + from + " to " + to, serial, from, to);
    }
}
